import { CASE_SOURCES } from '../../../common/cases.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { userIdsWithRoles } from '../../platform/auth/auth.service.js';
import { type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { badRequest, ruleViolation } from '../../platform/errors.js';
import { notify } from '../notifications/notifications.service.js';
import * as org from '../org/org.service.js';
import { loadProblem } from '../problems/problems.service.js';
import { getWarning } from '../warnings/warnings.service.js';
import { type CaseHandler, type FiredEvent, investigatorsOf, need } from './cases.events.js';
import { checkSituation } from './cases.citations.js';
import { caseVisibleTo } from './cases.links.js';
import { getCase } from './cases.read.js';
import * as repo from './cases.repository.js';
import type { TCreateCase } from '../../../common/cases.schema.js';

/** Who may be put on an investigation team: the region's case officers and commission leaders. */
export async function caseOfficers(ctx: Ctx) {
  const items = await repo.usersWithPermissionRoles(ctx.db, regionOf(ctx), ['case_office', 'commission_leader']);
  return { items: items.map((u) => ({ userId: u.userId, displayName: u.displayName })) };
}

/**
 * A case's source must be an object the caller may see (issue #21): a problem (also for 问责建议), a warning,
 * or the case of a 一案双查; other sources name no object. Foreign and missing answer alike.
 */
async function checkSource(ctx: Ctx, input: TCreateCase) {
  const id = input.sourceId;
  if (!id) return;
  const seen = (p: Promise<unknown>) =>
    p.then(
      () => true,
      () => false,
    );
  const visible =
    input.sourceType === 'problem' || input.sourceType === 'escalation'
      ? await seen(loadProblem(ctx, id))
      : input.sourceType === 'warning'
        ? await seen(getWarning(ctx, id))
        : input.sourceType === 'dual' && (await caseVisibleTo(ctx, id));
  if (!visible) throw ruleViolation('SOURCE_NOT_FOUND', '案件来源不存在或无权查看', 'sourceId');
}

/** 立项: the case is proposed with its subjects and team, and the leaders are asked to launch it. */
export async function createCase(ctx: Ctx, input: TCreateCase, extra: { parentCaseId?: string } = {}) {
  const actor = actorOf(ctx);
  const regionId = regionOf(ctx);
  await checkSource(ctx, input);
  await checkSituation(ctx.db, regionId, today(ctx), input.situation);
  const team = [...new Set([actor.userId, ...input.teamUserIds])];
  const officers = await repo.usersWithPermissionRoles(ctx.db, regionId, ['case_office', 'commission_leader'], team);
  if (officers.length !== team.length) {
    throw badRequest('TEAM_INVALID', '调查组成员只能是本地区的案件工作人员或委领导', 'teamUserIds');
  }
  const subjects = [];
  for (const [i, s] of input.subjects.entries()) {
    if (s.subjectType === 'person') {
      const p = await org.getPerson(ctx, s.personId as string).catch(() => {
        throw badRequest('PERSON_NOT_FOUND', '所选问责对象不存在', `subjects.${i}.personId`);
      });
      subjects.push({
        subjectType: 'person',
        personId: p.id,
        unitId: p.unitId ?? null,
        name: p.name,
        post: p.post ?? '',
      });
    } else {
      const u = await org.getUnit(ctx, s.unitId as string).catch(() => {
        throw badRequest('UNIT_NOT_FOUND', '所选问责单位不存在', `subjects.${i}.unitId`);
      });
      subjects.push({ subjectType: 'unit', personId: null, unitId: u.id, name: u.name, post: '' });
    }
  }
  const c = await repo.insert(ctx.db, {
    regionId,
    kind: input.kind,
    title: input.title,
    summary: input.summary,
    situation: input.situation,
    sourceType: input.sourceType,
    sourceId: input.sourceId ?? null,
    parentCaseId: extra.parentCaseId ?? null,
    highAttention: input.highAttention,
    importantPost: input.importantPost,
    field: input.field,
    createdBy: actor.userId,
  });
  const saved = await repo.insertSubjects(
    ctx.db,
    subjects.map((s, i) => ({ ...s, caseId: c.id, seq: i + 1 })),
  );
  await repo.addMembers(ctx.db, c.id, team, 'investigator');
  await repo.insertEvent(ctx.db, {
    caseId: c.id,
    type: 'opened',
    toState: 'proposed',
    actorUserId: actor.userId,
    actorName: actor.displayName,
    at: ctx.now,
    comment: `来源：${CASE_SOURCES[input.sourceType]}`,
  });
  await recordAudit(ctx, {
    type: 'case.opened',
    entity: 'case',
    entityId: c.id,
    after: { ...c, subjects: saved, team },
  });
  const leaders = await userIdsWithRoles(ctx.db, ['commission_leader'], regionId);
  await notify(ctx, {
    userIds: leaders,
    kind: 'case',
    title: `问责案件待批准启动：${c.title}`,
    body: `${actor.displayName} 提请启动问责调查（${c.code}），请审批。`,
    link: `/cases/${c.id}`,
    entity: { type: 'case', id: c.id },
  });
  return getCase(ctx, c.id);
}

/** A leader launches the investigation (a team of at least two) or declines to, with reasons. */
export const launchHandlers = {
  approve_launch: ({ ctx, members }) => {
    if (investigatorsOf(members).length < 2) {
      throw ruleViolation('TEAM_TOO_SMALL', '调查组不少于二人，请先补充调查人员');
    }
    return { patch: { launchApprovedAt: ctx.now } };
  },
  reject_launch: ({ ctx, input }) => {
    const comment = need(input.comment, '不予启动的理由');
    return { patch: { closedAt: ctx.now, outcome: `不予启动：${comment}` }, comment };
  },
} satisfies Partial<Record<FiredEvent, CaseHandler>>;
