import { addMonths } from '../../platform/calendar/legal-clock.js';
import { today } from '../../platform/context.js';
import { badRequest } from '../../platform/errors.js';
import { userIdsWithRoles } from '../../platform/auth/auth.service.js';
import { notify } from '../notifications/notifications.service.js';
import { createProblem, fireEvent as fireProblemEvent } from '../problems/problems.service.js';
import { checkForms } from './cases.decision.js';
import { type CaseEvent, type CaseHandler, type FiredEvent, investigatorsOf, need } from './cases.events.js';
import { replaceForms } from './cases.influence.js';
import { createCase } from './cases.opening.js';
import { submitAccountabilityProposal } from './cases.proposals.service.js';
import { personNames, unitNames } from '../org/org.service.js';
import type { TCreateCase, TForm } from '../../../common/cases.schema.js';

/** 第二十一条: a wrong decision is corrected (revoked or changed), with the reasons on record. */
async function correct({ ctx, c, input, subjects }: CaseEvent) {
  const reason = need(input.comment, '纠错的理由（第二十一条）');
  const decisions = input.decisions ?? [];
  if (decisions.length === 0) throw badRequest('DECISION_MISSING', '请选择需纠正的问责对象及纠正后的处理', 'decisions');
  const changed = [];
  for (const d of decisions) {
    const s = subjects.find((x) => x.id === d.subjectId);
    if (!s) throw badRequest('SUBJECT_NOT_FOUND', '请选择本案的问责对象', 'decisions');
    checkForms(c.kind, s, d.forms as TForm[]);
    changed.push({
      subjectId: s.id,
      before: s.forms,
      after: d.forms,
      ...(await replaceForms(ctx, c, s, d.forms as TForm[], `纠错：${reason}`)),
    });
  }
  return { payload: { corrected: changed }, comment: reason };
}

/** 以案促改: a problem for the unit to rectify, dispatched at once when the caller may manage problems. */
async function recommend({ ctx, actor, c, input }: CaseEvent) {
  const unitId = input.unitId;
  if (!unitId) throw badRequest('UNIT_REQUIRED', '请选择整改单位', 'unitId');
  const comment = need(input.comment, '以案促改建议');
  const deadline = input.deadline ?? addMonths(today(ctx), 1);
  const p = await createProblem(ctx, {
    title: `【以案促改】${c.title}`.slice(0, 200),
    description: comment,
    source: 'case',
    sourceRef: c.code,
    category: '以案促改',
    severity: 'serious',
    unitId,
    urgent: false,
    dispatch: false,
    measures: [{ content: comment.slice(0, 500), deadlineType: 'date', deadline }],
  });
  // The supervision office dispatches it; a leader who may manage problems does so at once.
  if (actor.permissions.has('problems:manage')) {
    await fireProblemEvent(ctx, p.id, {
      type: 'dispatch',
      version: p.version,
      comment: `以案促改：案件 ${c.code}`,
      fileIds: [],
    });
  }
  // 以案促改 of another case: people of the unit answerable in their own right go to the 问责建议 queue.
  const proposal = input.personIds?.length ? await proposeFromCase(ctx, c, unitId, input.personIds, comment) : null;
  return { payload: { problemId: p.id, problemCode: p.code, proposalId: proposal?.id ?? null }, comment };
}

async function proposeFromCase(
  ctx: CaseEvent['ctx'],
  c: CaseEvent['c'],
  unitId: string,
  personIds: string[],
  reason: string,
) {
  const names = await personNames(ctx.db, personIds);
  if (personIds.some((id) => !names.has(id))) {
    throw badRequest('PERSON_NOT_FOUND', '建议问责人员不存在', 'personIds');
  }
  const unit = (await unitNames(ctx.db, [unitId])).get(unitId) ?? '';
  return submitAccountabilityProposal(ctx, {
    sourceType: 'case',
    sourceId: c.id,
    sourceCode: c.code,
    sourceTitle: `以案促改：${c.title}`,
    regionId: c.regionId,
    unitId,
    subjects: personIds.map((personId) => ({
      subjectType: 'person' as const,
      personId,
      name: names.get(personId) ?? '',
    })),
    situation: c.situation,
    reason,
    evidence: [
      {
        kind: 'case',
        id: c.id,
        label: `案件 ${c.code}「${c.title}」`,
        detail: c.summary.slice(0, 500),
        link: `/cases/${c.id}`,
      },
      { kind: 'unit', id: unitId, label: `以案促改单位：${unit}` },
    ],
    sourcePermission: 'cases:manage',
  });
}

/** 一案双查: a child case against the leaders answerable for the failings, investigated by the same team. */
async function spawnDual({ ctx, actor, c, input, members }: CaseEvent) {
  const people = input.personIds ?? [];
  if (people.length === 0) throw badRequest('PERSON_REQUIRED', '请选择需追究领导责任的人员', 'personIds');
  const team = investigatorsOf(members).map((m) => m.userId);
  const child = await createCase(
    ctx,
    {
      kind: c.kind as TCreateCase['kind'],
      title: `【一案双查】${c.title}（领导责任）`,
      summary: `由案件 ${c.code} 一案双查，追究有关领导人员的主体责任、监督责任。`,
      situation: 8,
      sourceType: 'dual',
      sourceId: c.id,
      subjects: people.map((personId) => ({ subjectType: 'person' as const, personId })),
      teamUserIds: team.filter((u) => u !== actor.userId),
      highAttention: c.highAttention,
      importantPost: true,
      field: c.field,
    },
    { parentCaseId: c.id },
  );
  return {
    payload: { childCaseId: child.id, childCode: child.code },
    comment: input.comment || `已立案 ${child.code}`,
  };
}

/** The follow-up is recorded: the commission leaders off the team are asked to approve the closing. */
async function askToClose(ctx: CaseEvent['ctx'], c: CaseEvent['c'], members: CaseEvent['members']) {
  const team = new Set(investigatorsOf(members).map((m) => m.userId));
  const leaders = (await userIdsWithRoles(ctx.db, ['commission_leader'], c.regionId)).filter((u) => !team.has(u));
  await notify(ctx, {
    userIds: leaders,
    kind: 'case',
    title: `问责案件待批准结案：${c.title}`,
    body: `案件 ${c.code} 已执行并回访，请审核后结案。`,
    link: `/cases/${c.id}`,
    entity: { type: 'case', id: c.id },
  });
}

/** After the decision: 回访 and closure, corrections, 以案促改 and 一案双查. */
export const followUpHandlers = {
  follow_up: ({ ctx, actor, c, input, members }) => {
    const comment = need(input.comment, '回访情况');
    return {
      patch: { followUp: { date: input.date ?? today(ctx), by: actor.displayName, notes: comment } },
      comment,
      after: () => askToClose(ctx, c, members),
    };
  },
  // Approved by a commission leader off the team, after the follow-up and any appeal: blockerOf (cases.preconditions.ts).
  close: ({ ctx, c }) => ({ patch: { closedAt: ctx.now, outcome: c.outcome ?? '已执行并回访' } }),
  correct,
  recommend,
  spawn_dual: spawnDual,
} satisfies Partial<Record<FiredEvent, CaseHandler>>;
