import { CASE_MEMBER_ROLES, CASE_SOURCES, type JointReviewOffice } from '../../../common/cases.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { userIdsWithRoles } from '../../platform/auth/auth.service.js';
import { type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { badRequest, ruleViolation } from '../../platform/errors.js';
import { notify } from '../notifications/notifications.service.js';
import * as org from '../org/org.service.js';
import { loadProblem } from '../problems/problems.service.js';
import { getWarning } from '../warnings/warnings.service.js';
import { type CaseHandler, type FiredEvent, investigatorsOf, need } from './cases.events.js';
import { type Officer, jointReviewSigners, officerRoleLabel, teamRefusalOf } from './cases.policy.js';
import { readCaseRules } from './cases.rules.js';
import { checkSituation } from './cases.citations.js';
import { caseVisibleTo } from './cases.links.js';
import { getCase } from './cases.read.js';
import * as repo from './cases.repository.js';
import type { TCreateCase } from '../../../common/cases.schema.js';

/** The region's officers (case, supervision, leaders) and who among them signs 联审 for which office. */
export async function officersOf(ctx: Ctx, regionId: string) {
  const officers = await repo.usersWithPermissionRoles(ctx.db, regionId, [...TEAM_ROLES, 'supervision_office']);
  const reviewing = officers.filter((o) => o.roles.some((r) => r === 'case_office' || r === 'supervision_office'));
  return { officers, signers: jointReviewSigners(reviewing, await readCaseRules(ctx, regionId)) };
}

const TEAM_ROLES = ['case_office', 'commission_leader'];
const onTeamList = (o: Officer) => o.roles.some((r) => TEAM_ROLES.includes(r));

/**
 * The region's case officers and commission leaders (the team picker and the evaluators), each with their office,
 * what they are in a case (调查人员, 联审签署人, 委领导) and why they cannot join a team (issue #20), if so.
 */
export async function caseOfficers(ctx: Ctx) {
  const { officers, signers } = await officersOf(ctx, regionOf(ctx));
  return {
    items: officers.filter(onTeamList).map((o) => ({
      userId: o.userId,
      displayName: o.displayName,
      unitName: o.unitName,
      roleLabel: officerRoleLabel(o, signers),
      teamRefusal: teamRefusalOf(o, signers),
    })),
  };
}

/** Each of `ids` is a case officer of the region who may investigate: 400 TEAM_INVALID, 422 TEAM_SEPARATION. */
function checkTeam(byId: ReadonlyMap<string, Officer>, signers: Map<string, JointReviewOffice>, ids: string[]) {
  for (const id of ids) {
    const o = byId.get(id);
    if (!o) throw badRequest('TEAM_INVALID', '调查组成员只能是本地区的案件工作人员', 'teamUserIds');
    const why = teamRefusalOf(o, signers);
    if (why) throw ruleViolation('TEAM_SEPARATION', `${o.displayName}：${why}`, 'teamUserIds');
  }
}

/**
 * The investigation team of a new case: the caller (unless a leader or a 联审 signer, who open a case without
 * investigating it) and `teamUserIds`, each a case officer who may investigate (400 TEAM_INVALID otherwise, 422
 * TEAM_SEPARATION for a leader or a signer).
 */
async function teamOf(ctx: Ctx, regionId: string, teamUserIds: string[]) {
  const actor = actorOf(ctx);
  const { officers, signers } = await officersOf(ctx, regionId);
  const byId = new Map(officers.filter(onTeamList).map((o) => [o.userId, o]));
  const me = byId.get(actor.userId);
  const investigates = !!me && !teamRefusalOf(me, signers);
  checkTeam(byId, signers, teamUserIds);
  const team = [...new Set([...(investigates ? [actor.userId] : []), ...teamUserIds])];
  // A signer who opens a case follows it (seed 003: 联审部门过程跟踪) without investigating it.
  const opener = me && !investigates && !me.roles.includes('commission_leader') ? actor.userId : null;
  return { team, opener };
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
  const { team, opener } = await teamOf(ctx, regionId, input.teamUserIds);
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
  if (opener) await repo.addMembers(ctx.db, c.id, [opener], 'opener');
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
  // A team of two: blockerOf (cases.preconditions.ts).
  approve_launch: ({ ctx }) => ({ patch: { launchApprovedAt: ctx.now } }),
  reject_launch: ({ ctx, input }) => {
    const comment = need(input.comment, '不予启动的理由');
    return { patch: { closedAt: ctx.now, outcome: `不予启动：${comment}` }, comment };
  },

  /**
   * 调整调查组: `teamUserIds` is the whole team as it is to be — at least two investigators, none a leader, a 联审
   * signer or anyone holding another capacity on this case (查审分离). Those added are told; those removed lose
   * the case from their list.
   */
  change_team: async ({ ctx, actor, c, input, members }) => {
    const wanted = [...new Set(input.teamUserIds ?? [])];
    if (wanted.length < 2) throw badRequest('TEAM_TOO_SMALL', '调查组不少于二人', 'teamUserIds');
    const { officers, signers } = await officersOf(ctx, c.regionId);
    const byId = new Map(officers.filter(onTeamList).map((o) => [o.userId, o]));
    checkTeam(byId, signers, wanted);
    const other = members.find((m) => wanted.includes(m.userId) && m.role !== 'investigator' && m.role !== 'opener');
    if (other) {
      const role = CASE_MEMBER_ROLES[other.role as keyof typeof CASE_MEMBER_ROLES] ?? other.role;
      throw ruleViolation('TEAM_SEPARATION', `${other.displayName}：已是本案的${role}，不能加入调查组`, 'teamUserIds');
    }
    const current = investigatorsOf(members).map((m) => m.userId);
    const added = wanted.filter((id) => !current.includes(id));
    const removed = current.filter((id) => !wanted.includes(id));
    if (!added.length && !removed.length) throw badRequest('TEAM_UNCHANGED', '调查组没有变化', 'teamUserIds');
    await repo.addMembers(ctx.db, c.id, added, 'investigator');
    await repo.removeMembers(ctx.db, c.id, removed, 'investigator');
    const nameOf = (id: string) => byId.get(id)?.displayName ?? members.find((m) => m.userId === id)?.displayName ?? id;
    const change = [
      added.length ? `加入：${added.map(nameOf).join('、')}` : '',
      removed.length ? `退出：${removed.map(nameOf).join('、')}` : '',
    ].filter(Boolean);
    await notify(ctx, {
      userIds: added,
      kind: 'case',
      title: `您已加入问责案件调查组：${c.title}`,
      body: `${actor.displayName} 将您列入案件（${c.code}）的调查组。`,
      link: `/cases/${c.id}`,
      entity: { type: 'case', id: c.id },
    });
    const reason = input.comment?.trim();
    return { payload: { added, removed }, comment: [...change, ...(reason ? [reason] : [])].join('；') };
  },
} satisfies Partial<Record<FiredEvent, CaseHandler>>;
