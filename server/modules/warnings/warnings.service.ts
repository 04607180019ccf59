import { formatDate } from '../../../common/format.js';
import dayjs from 'dayjs';
import {
  ACTIVE_WARNING_STATES,
  ARTICLE_7,
  type RuleField,
  WARNING_STATES,
  type WarningState,
} from '../../../common/warnings.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { withDocNumbers } from '../../platform/documents/document-registry.js';
import { countRuns } from '../../platform/jobs/jobs.service.js';
import { addWorkingDays } from '../../platform/calendar/calendar.service.js';
import { provisionalFor } from '../../platform/calendar/statutory.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import { type Actor, type Ctx, actorOf, regionOf } from '../../platform/context.js';
import { badRequest, conflict, notFound, ruleViolation } from '../../platform/errors.js';
import { type Step, actionsOf, fireTransition, requireComment } from '../../platform/workflow/machine.js';
import { notify } from '../notifications/notifications.service.js';
import { unitContactsForSystem } from '../org/org.service.js';
import { createProblem, fireEvent as fireProblemEvent, loadProblem } from '../problems/problems.service.js';
import { DEFAULT_SITUATIONS } from './warnings.catalogue.js';
import { proposeAccountabilityForWarning } from './warnings.proposal.js';
import { REMINDER } from './warnings.numbering.js';
import * as repo from './warnings.repository.js';
import { previewWarningsPrepared } from './warnings.prepared.repository.js';
import * as scan from './warnings.scan.repository.js';
import { fieldsOf, parseRule } from './warnings.rules.js';
import type {
  TCreateSituation,
  TListSituations,
  TUpdateSituation,
  TWarningEvent,
} from '../../../common/warnings.schema.js';
import { capacitiesOf, managesWarnings } from './warnings.policy.js';
import { warningMachine } from './warnings.states.js';
import { countWarningsBy } from './warnings.counts.js';

/** Every region starts with the default catalogue (active). */
export async function seedSituations(ctx: Ctx, regionId: string) {
  await repo.insertSituations(
    ctx.db,
    DEFAULT_SITUATIONS.map((s) => ({ ...s, regionId, rule: s.rule as object, active: true })),
  );
}

const presentSituation = (s: repo.SituationRow) => ({
  ...s,
  articleText: ARTICLE_7[s.article as keyof typeof ARTICLE_7],
});

export async function listSituations(ctx: Ctx, f: TListSituations) {
  const { items, total } = await repo.pageSituations(ctx.db, regionOf(ctx), f);
  return { items: items.map(presentSituation), total };
}

export async function getSituation(ctx: Ctx, id: string) {
  const s = await repo.getSituation(ctx.db, regionOf(ctx), id);
  if (!s) throw notFound('情形不存在');
  return presentSituation(s);
}

export async function createSituation(ctx: Ctx, input: TCreateSituation) {
  const rule = parseRule(input.rule);
  const [row] = await repo
    .insertSituations(ctx.db, [{ ...input, rule: rule as object, regionId: regionOf(ctx) }])
    .catch((e: unknown) => {
      if (String((e as { code?: string }).code ?? (e as { cause?: { code?: string } }).cause?.code) === '23505') {
        throw ruleViolation('SITUATION_CODE_TAKEN', `情形编码 ${input.code} 已存在`, 'code');
      }
      throw e;
    });
  await recordAudit(ctx, { type: 'situation.created', entity: 'situation', entityId: row.id, after: row });
  return presentSituation(row);
}

export async function updateSituation(ctx: Ctx, id: string, input: TUpdateSituation) {
  const before = await getSituation(ctx, id);
  const { version, rule, ...patch } = input;
  const parsed = rule === undefined ? undefined : (parseRule(rule) as object);
  const row = await repo.updateSituation(ctx.db, id, version, { ...patch, ...(parsed ? { rule: parsed } : {}) });
  if (!row) throw conflict();
  await recordAudit(ctx, { type: 'situation.updated', entity: 'situation', entityId: id, before, after: row });
  return presentSituation(row);
}

/** "What would fire now" for a situation's rule, active or not. */
export async function previewSituation(ctx: Ctx, id: string) {
  const s = await getSituation(ctx, id);
  return repo.previewRule(ctx.db, parseRule(s.rule), s.regionId, isoDate(ctx.now), 100);
}

/** "What would fire now" for a rule being edited, before it is saved or activated. */
export async function previewRule(ctx: Ctx, rule: unknown) {
  return repo.previewRule(ctx.db, parseRule(rule), regionOf(ctx), isoDate(ctx.now), 100);
}

async function deadlineFor(ctx: Ctx, s: repo.SituationRow, today: string) {
  return s.rectifyDayType === 'calendar'
    ? dayjs(today).add(s.rectifyDays, 'day').format('YYYY-MM-DD')
    : addWorkingDays(ctx.db, today, s.rectifyDays);
}

/**
 * The warning scan (job `warning-scan`): the facts of open problems are computed once, then every
 * active situation is one set-based statement over them. On a new day, or after a situation or the
 * calendar changed, every open problem is evaluated; otherwise only the problems changed since the
 * last scan (none: nothing to do).
 */
export async function runWarningScan(ctx: Ctx) {
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    // One scan at a time (the job on any instance, a manual run): a second waits, then finds nothing new.
    await scan.lockScan(tx);
    const today = isoDate(c.now);
    const stamp = await scan.rulesStamp(tx, today);
    const full = stamp !== (await scan.lastStamp(tx));
    const changed = await scan.takeChangedProblems(tx);
    const totals = {
      mode: full ? ('full' as const) : ('changed' as const),
      changedProblems: changed,
      situations: 0,
      created: 0,
      resolved: 0,
      ms: {} as Record<string, number>,
    };
    if (!full && changed === 0) return { ...totals, skipped: '数据与上次扫描相同，无需重新研判' };
    const situations = await repo.activeSituations(tx);
    const fields = new Set<RuleField>();
    for (const s of situations) fieldsOf(parseRule(s.rule), fields);
    const started = performance.now();
    await scan.prepareScanFacts(tx, situations, [...fields], today, !full);
    totals.ms.facts = Math.round(performance.now() - started);
    for (const s of situations) {
      const t0 = performance.now();
      const r = await scan.scanSituation(tx, s, scan.scanHits(s), await deadlineFor(c, s, today), c.now, !full);
      totals.ms[s.code] = (totals.ms[s.code] ?? 0) + Math.round(performance.now() - t0);
      totals.situations += 1;
      totals.created += r.created;
      totals.resolved += r.resolved;
    }
    await scan.saveStamp(tx, stamp);
    await recordAudit(c, { type: 'warning.scan', entity: 'warning', after: { today, ...totals } });
    return totals;
  });
}

/** If nothing changes on this problem by `date`, which situations fire and who would answer. */
export async function whatIf(ctx: Ctx, problemId: string, date: string) {
  await loadProblem(ctx, problemId); // 404 unless the caller may see the problem
  const out = [];
  for (const s of await repo.listSituations(ctx.db, regionOf(ctx))) {
    if (!s.active) continue;
    const hit = await repo.whatIf(ctx.db, s, problemId, date);
    if (hit)
      out.push({
        situationId: s.id,
        name: s.name,
        article: s.article,
        forms: s.forms,
        facts: hit.facts,
        people: hit.people,
        ...provisionalFor(hit.unscheduled_years ?? []),
      });
  }
  return { date, items: out };
}

export async function listWarnings(ctx: Ctx, f: repo.WarningFilter) {
  const actor = actorOf(ctx);
  const { items, total } = await repo.listWarnings(ctx.db, actor.scope, managesWarnings(actor), f);
  const situations = new Map((await repo.listSituations(ctx.db, regionOf(ctx))).map((s) => [s.id, s]));
  const numbered = await withDocNumbers(ctx.db, items, [REMINDER.kind]);
  return { items: numbered.map((w) => present(actor, w, situations.get(w.situationId))), total };
}

/**
 * The same first page and total as `listWarnings` (no search) with the situations' names only, for a preview
 * (home): one prepared statement instead of the list's page, count and catalogue reads.
 */
export async function previewWarnings(ctx: Ctx, f: repo.WarningFilter) {
  if (f.q || f.page !== 1) {
    const { items, total } = await listWarnings(ctx, f);
    return { items: items.map((w) => ({ id: w.id, code: w.code, situationName: w.situationName })), total };
  }
  const actor = actorOf(ctx);
  regionOf(ctx); // as listWarnings: a caller without a region is refused, not shown an empty list
  return previewWarningsPrepared(ctx.db, actor.scope, managesWarnings(actor), f, ctx.together);
}

/** Warnings the caller's list shows (of one unit, if given), counted by state or by situation (with its name). */
export async function warningCounts(ctx: Ctx, unitId: string | undefined, by: 'state' | 'situation') {
  const actor = actorOf(ctx);
  const rows = await countWarningsBy(
    ctx.db,
    actor.scope,
    managesWarnings(actor),
    unitId,
    by === 'state' ? 'state' : 'situationId',
  );
  if (by === 'state') return rows.map((r) => ({ ...r, label: WARNING_STATES[r.key as WarningState] ?? r.key }));
  const names = new Map((await repo.listSituations(ctx.db, regionOf(ctx))).map((s) => [s.id, s.name]));
  return rows.map((r) => ({ ...r, label: names.get(r.key) ?? '（已删除的情形）' }));
}

function present(
  actor: Actor,
  w: repo.WarningRow & Partial<{ unitName: string; problemCode: string; problemTitle: string }>,
  s?: repo.SituationRow,
) {
  return {
    ...w,
    stateLabel: WARNING_STATES[w.state as WarningState],
    situationName: s?.name ?? '',
    article: s?.article,
    articleText: s ? ARTICLE_7[s.article as keyof typeof ARTICLE_7] : '',
    forms: s?.forms ?? [],
    actions: actionsOf(warningMachine, capacitiesOf(actor, w), w),
  };
}

async function loadWarning(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const w = await repo.getWarning(ctx.db, actor.scope, managesWarnings(actor), id);
  if (!w) throw notFound('预警不存在或无权查看');
  return w;
}

export async function getWarning(ctx: Ctx, id: string) {
  const w = await loadWarning(ctx, id);
  const s = await repo.getSituation(ctx.db, w.regionId, w.situationId);
  // The stored facts are those the warning was raised or issued with; a live warning also shows
  // today's (null: the rule no longer fires, the next scan resolves it).
  const live = ACTIVE_WARNING_STATES.includes(w.state as WarningState);
  const now = live && s ? await repo.whatIf(ctx.db, s, w.problemId, isoDate(ctx.now)) : undefined;
  return {
    ...present(actorOf(ctx), w, s),
    currentFacts: live ? (now?.facts ?? null) : undefined,
    ...(now ? provisionalFor(now.unscheduled_years ?? []) : {}),
    events: await repo.eventsOf(ctx.db, id),
  };
}

/** Moves a warning through its flow (SPEC M5); every step is an event and an audit entry. */
export async function fireWarningEvent(ctx: Ctx, id: string, input: TWarningEvent) {
  const actor = actorOf(ctx);
  const w = await loadWarning(ctx, id);
  await fireTransition(ctx, {
    machine: warningMachine,
    row: w,
    capacities: capacitiesOf(actor, w),
    event: input.type,
    version: input.version,
    apply: () => applyEvent(ctx, w, input),
    comment: input.comment,
    update: (patch, version) => repo.updateWarning(ctx.db, id, version, patch),
    record: (e) => repo.insertEvent(ctx.db, { warningId: id, ...e }),
    audit: { type: 'warning.event', entity: 'warning', entityId: id },
  });
  return getWarning(ctx, id);
}

/** The checks and writes of each warning event; the engine has already checked capacity, state and version. */
async function applyEvent(
  ctx: Ctx,
  w: repo.WarningRow,
  input: TWarningEvent,
): Promise<Step<repo.WarningRow, WarningState>> {
  const s = await repo.getSituation(ctx.db, w.regionId, w.situationId);
  const closed = (outcome?: string) => ({
    patch: { closedAt: ctx.now, outcome: outcome ?? input.comment },
    payload: { target: input.target, outcome },
  });
  switch (input.type) {
    case 'issue': {
      // The reminder letter cites the facts as of its issue.
      const now = s ? await repo.whatIf(ctx.db, s, w.problemId, isoDate(ctx.now)) : undefined;
      return {
        patch: { issuedAt: ctx.now, ...(now?.facts ? { facts: now.facts, lastSeenAt: ctx.now } : {}) },
        payload: { target: input.target },
        after: async () => {
          await REMINDER.issue(ctx, w);
          await notifyIssued(ctx, w, s?.name ?? '');
        },
      };
    }
    case 'answer':
      requireComment(input.comment, '整改方案');
      return { patch: { answer: input.comment }, payload: { target: input.target } };
    case 'dismiss':
      requireComment(input.comment, '不予预警的理由');
      return closed();
    case 'resolve':
      requireComment(input.comment, '风险化解情况');
      return closed();
    case 'escalate':
      return closed(await escalate(ctx, w, s?.name ?? '', input));
  }
}

/** Escalates into a dispatched problem or an accountability proposal; returns the outcome's wording. */
async function escalate(ctx: Ctx, w: repo.WarningRow, situationName: string, input: TWarningEvent) {
  if (!input.target) throw badRequest('TARGET_REQUIRED', '请选择升级方式：转为问题交办或提出问责建议', 'target');
  if (input.target === 'proposal') {
    requireComment(input.comment, '问责建议的理由');
    const proposal = await proposeAccountabilityForWarning(ctx, w, situationName, input.comment);
    return `已提出问责建议 ${proposal.code}（待案件审理部门受理）`;
  }
  const p = await createProblem(ctx, {
    title: `【模拟问责】${situationName}`,
    description: input.comment || `由模拟问责单 ${w.code} 升级`,
    source: 'warning',
    sourceRef: w.code,
    category: '',
    severity: 'serious',
    unitId: w.unitId,
    urgent: false,
    dispatch: true,
    measures: [{ content: input.comment || '按模拟问责单要求限期整改', deadlineType: 'date', deadline: w.deadline }],
  });
  await fireProblemEvent(ctx, p.id, {
    type: 'dispatch',
    version: p.version,
    comment: `由模拟问责单 ${w.code} 转交办`,
    fileIds: [],
  });
  return `已转为问题 ${p.code} 交办`;
}

/** 提醒函: the unit's principal and liaison and the county leader in charge are told to answer. */
async function notifyIssued(ctx: Ctx, w: repo.WarningRow, situationName: string) {
  const unit = (await unitContactsForSystem(ctx.db, [w.unitId])).get(w.unitId);
  await notify(ctx, {
    personIds: [unit?.principalPersonId, unit?.liaisonPersonId, w.leaderPersonId].filter((x): x is string => !!x),
    kind: 'warning.issued',
    title: '【模拟问责提醒函】请限期整改并报送整改方案',
    body: `${w.code}：${situationName}。请于${formatDate(w.deadline)}前整改到位。`,
    link: `/warnings/${w.id}`,
    entity: { type: 'warning', id: w.id },
  });
}

/** Puts warnings on a joint meeting's agenda (reviewed there rather than alone). */
export async function markOnAgenda(ctx: Ctx, warningIds: string[], meetingId: string) {
  await repo.setMeeting(ctx.db, warningIds, meetingId);
}

/** The figures page of seed 000: scans run, warnings by situation / unit / month, effects. */
export async function warningFigures(ctx: Ctx) {
  const f = await repo.figures(ctx.db, regionOf(ctx));
  return { scans: await countRuns(ctx.db, 'warning-scan'), ...f };
}
