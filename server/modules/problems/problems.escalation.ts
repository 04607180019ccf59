import { type SQL, sql } from 'drizzle-orm';
import { ESCALATION_LEVELS, type EscalationLevel } from '../../../common/problems.js';
import { userIdsWithRoles } from '../../platform/auth/auth.service.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { addWorkingDays, overdueFrom } from '../../platform/calendar/calendar.service.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import type { Ctx } from '../../platform/context.js';
import { rowsOf } from '../../platform/db/client.js';
import type { JobDefinition } from '../../platform/jobs/jobs.service.js';
import {
  PROVINCE,
  type SettingDef,
  readSetting,
  regionalSettings,
  writeSetting,
} from '../../platform/settings/settings.service.js';
import { notify } from '../notifications/notifications.service.js';
import { unitContactsForSystem } from '../org/org.service.js';
import { proposeAccountabilityForProblem } from './problems.proposal.js';
import { type TEscalationSettings, ZEscalationSettings } from '../../../common/problems.schema.js';

/** Thresholds of the escalation ladder (SPEC 2b; 西安, 富宁, 太仓 practice: 3 working days before = warning). */
export const escalationSetting: SettingDef<typeof ZEscalationSettings> = {
  key: 'problems.escalation',
  schema: ZEscalationSettings,
  defaults: {
    blueWorkingDays: 3,
    yellowNoProgressDays: 15,
    noticeAfter: 5,
    interviewAfter: 10,
    listAfter: 15,
    proposalAfter: 20,
    automatic: [],
  },
};

/** The caller's region (its own thresholds over the province default); '' (the province) without one. */
const scopeOf = (ctx: Ctx) => ctx.actor?.scope.regionId ?? PROVINCE;

export const readEscalationSettings = (ctx: Ctx) => readSetting(ctx.db, escalationSetting, scopeOf(ctx));

/** The thresholds region `regionId` works under (its own, else the province default). */
export const escalationSettingsOf = (ctx: Ctx, regionId: string | null | undefined) =>
  readSetting(ctx.db, escalationSetting, regionId ?? PROVINCE);

/** A region's office changes its own region's thresholds only; the province default stays as it is. */
export async function updateEscalationSettings(ctx: Ctx, input: TEscalationSettings & { version: number }) {
  const before = await readEscalationSettings(ctx);
  const { version, ...value } = input;
  await writeSetting(ctx.db, escalationSetting, value, version, scopeOf(ctx));
  const after = await readEscalationSettings(ctx);
  await recordAudit(ctx, {
    type: 'settings.escalation_changed',
    entity: 'settings',
    entityId: `${escalationSetting.key}@${scopeOf(ctx) || 'province'}`,
    before,
    after,
  });
  return after;
}

type Changed = {
  id: string;
  code: string;
  title: string;
  unit_id: string;
  leader_person_id: string | null;
  region_id: string;
};

/**
 * One scan over all open problems, set-wise in SQL: recolour (蓝 → 黄 → 红), then propose or
 * apply the next step of the ladder (通报 → 约谈 → 挂牌督办 → 问责建议) for red items past
 * the thresholds. Each change is a problem event; unchanged items are left alone, so
 * running it twice changes nothing the second time.
 */
export async function runEscalation(ctx: Ctx) {
  const { province, regions } = await regionalSettings(ctx.db, escalationSetting);
  const own = [...regions.keys()];
  const parts = [
    await escalateWhere(
      ctx,
      province,
      own.length ? sql`p.region_id <> ALL(${`{${own.join(',')}}`}::uuid[])` : sql`TRUE`,
    ),
  ];
  for (const [regionId, s] of regions) parts.push(await escalateWhere(ctx, s, sql`p.region_id = ${regionId}`));
  const summary = {
    recoloured: parts.reduce((n, p) => n + p.recoloured, 0),
    proposed: parts.reduce((n, p) => n + p.proposed, 0),
    red: parts.reduce((n, p) => n + p.red, 0),
    applied: parts.reduce((n, p) => n + p.applied, 0),
  };
  await recordAudit(ctx, { type: 'problem.escalation_scan', entity: 'problem', after: summary });
  return summary;
}

/** One pass of the scan over the problems `scope` selects, with the thresholds `s` of their region. */
async function escalateWhere(ctx: Ctx, s: TEscalationSettings, scope: SQL) {
  const today = isoDate(ctx.now);
  const blueUntil = await addWorkingDays(ctx.db, today, s.blueWorkingDays);
  const staleBefore = new Date(ctx.now.getTime() - s.yellowNoProgressDays * 86_400_000);
  const thresholds: string[] = [];
  for (const n of [s.noticeAfter, s.interviewAfter, s.listAfter, s.proposalAfter]) {
    thresholds.push(await overdueFrom(ctx.db, today, n));
  }
  const auto = `{${s.automatic.join(',')}}`; // a PostgreSQL int[] literal
  const at = ctx.now;

  const recoloured = rowsOf<Changed & { old: string | null; new: string | null }>(
    await ctx.db.execute(sql`
      WITH calc AS (
        SELECT p.id, p.color AS old,
          CASE
            WHEN p.deadline < ${today} THEN 'red'
            WHEN p.urgent AND p.deadline <= ${blueUntil} THEN 'red'
            WHEN EXISTS (SELECT 1 FROM problem_measures m WHERE m.problem_id = p.id AND NOT m.done AND m.deadline < ${today})
              OR (p.state = 'rectifying' AND COALESCE(p.last_progress_at, p.received_at, p.dispatched_at) < ${staleBefore}) THEN 'yellow'
            WHEN p.deadline <= ${blueUntil} THEN 'blue'
            ELSE NULL
          END AS new
        FROM problems p
        WHERE p.deleted_at IS NULL AND p.state IN ('dispatched', 'rectifying', 'close_requested') AND ${scope}
      ),
      upd AS (
        UPDATE problems p SET color = calc.new, version = p.version + 1, updated_at = ${at}
        FROM calc WHERE p.id = calc.id AND p.color IS DISTINCT FROM calc.new
        RETURNING p.id, p.code, p.title, p.unit_id, p.leader_person_id, p.region_id, p.state, calc.old, calc.new
      ),
      ev AS (
        INSERT INTO problem_events (problem_id, type, from_state, to_state, actor_name, at, comment, payload)
        SELECT id, 'color_changed', state, state, '系统', ${at},
          CASE new WHEN 'red' THEN '已逾期或临期紧急，亮红灯' WHEN 'yellow' THEN '进度滞后，亮黄灯' WHEN 'blue' THEN '临近整改时限，亮蓝灯' ELSE '预警解除' END,
          jsonb_build_object('from', old, 'to', new)
        FROM upd
      )
      SELECT * FROM upd`),
  );

  // The next rung for red items past its threshold; applied at once where the level is automatic.
  const escalated = rowsOf<
    Changed & {
      level: number;
      applied: boolean;
      description: string;
      responsible_person_id: string | null;
      deadline: string | null;
    }
  >(
    await ctx.db.execute(sql`
      WITH calc AS (
        SELECT p.id, p.escalation_level + 1 AS level
        FROM problems p
        WHERE p.deleted_at IS NULL AND p.state IN ('dispatched', 'rectifying', 'close_requested') AND ${scope}
          AND p.color = 'red' AND p.pending_escalation IS NULL AND p.escalation_level < 4
          AND p.deadline < CASE p.escalation_level
            WHEN 0 THEN ${thresholds[0]}::date WHEN 1 THEN ${thresholds[1]}::date
            WHEN 2 THEN ${thresholds[2]}::date ELSE ${thresholds[3]}::date END
      ),
      upd AS (
        UPDATE problems p SET
          pending_escalation = CASE WHEN calc.level = ANY(${auto}::int[]) THEN NULL ELSE calc.level END,
          escalation_level = CASE WHEN calc.level = ANY(${auto}::int[]) THEN calc.level ELSE p.escalation_level END,
          listed = p.listed OR (calc.level >= 3 AND calc.level = ANY(${auto}::int[])),
          version = p.version + 1, updated_at = ${at}
        FROM calc WHERE p.id = calc.id
        RETURNING p.id, p.code, p.title, p.unit_id, p.leader_person_id, p.region_id, p.state, calc.level,
          calc.level = ANY(${auto}::int[]) AS applied, p.description, p.responsible_person_id, p.deadline
      ),
      ev AS (
        INSERT INTO problem_events (problem_id, type, from_state, to_state, actor_name, at, comment, payload)
        SELECT id, CASE WHEN applied THEN 'escalate' ELSE 'escalation_proposed' END, state, state, '系统', ${at},
          CASE WHEN applied THEN '按设置自动升级' ELSE '逾期超过阈值，建议升级，待督办部门确认' END,
          jsonb_build_object('level', level)
        FROM upd
      )
      SELECT * FROM upd`),
  );

  await notifyChanges(ctx, recoloured, escalated);
  // An automatic last rung hands the problem to the 问责建议 queue (issue #17); a few rows a day at most.
  for (const r of escalated.filter((e) => e.applied && e.level === 4)) {
    await proposeAccountabilityForProblem(
      ctx,
      {
        id: r.id,
        code: r.code,
        title: r.title,
        description: r.description,
        regionId: r.region_id,
        unitId: r.unit_id,
        responsiblePersonId: r.responsible_person_id,
        leaderPersonId: r.leader_person_id,
        deadline: r.deadline,
      },
      '',
    );
  }
  const summary = {
    recoloured: recoloured.length,
    red: recoloured.filter((r) => r.new === 'red').length,
    proposed: escalated.filter((r) => !r.applied).length,
    applied: escalated.filter((r) => r.applied).length,
  };
  return summary;
}

async function notifyChanges(
  ctx: Ctx,
  recoloured: (Changed & { new: string | null })[],
  escalated: (Changed & { level: number; applied: boolean })[],
) {
  const contacts = await unitContactsForSystem(ctx.db, [
    ...new Set([...recoloured, ...escalated].map((r) => r.unit_id)),
  ]);
  for (const r of recoloured.filter((x) => x.new === 'red' || x.new === 'yellow')) {
    const c = contacts.get(r.unit_id);
    const personIds = [c?.principalPersonId, c?.liaisonPersonId, r.leader_person_id].filter((x): x is string => !!x);
    await notify(ctx, {
      personIds,
      kind: `problem.${r.new}`,
      title: r.new === 'red' ? '【红色预警】问题整改已逾期' : '【黄色预警】问题整改进度滞后',
      body: `${r.code}「${r.title}」`,
      link: `/problems/${r.id}`,
      entity: { type: 'problem', id: r.id },
    });
  }
  const proposals = escalated.filter((e) => !e.applied);
  if (proposals.length > 0) {
    const office = await userIdsWithRoles(ctx.db, ['supervision_office'], proposals[0].region_id);
    await notify(ctx, {
      userIds: office,
      kind: 'problem.escalation_proposed',
      title: `有 ${proposals.length} 个问题建议升级督办，请确认`,
      body: proposals
        .map((p) => `${p.code}「${p.title}」→ ${ESCALATION_LEVELS[p.level as EscalationLevel]}`)
        .join('\n'),
      link: '/problems?pending=true',
    });
  }
}

export const escalationJob: JobDefinition = {
  name: 'escalation',
  label: '问题预警与升级督办',
  cron: '0 7 * * *',
  run: (ctx) => ctx.db.transaction((tx) => runEscalation({ ...ctx, db: tx })),
};
