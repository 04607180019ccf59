import {
  COMPLAINT_WAYS,
  FEEDBACK_METHODS,
  type ComplaintEvent,
  type ComplaintState,
} from '../../../common/complaints.js';
import type { ComplaintCapacity } from '../../../common/complaints.states.js';
import type { TComplaintEvent } from '../../../common/complaints.schema.js';
import { usersWithRoles } from '../../platform/auth/auth.service.js';
import { ROLE_LABELS, ROLE_PERMISSIONS, type Role } from '../../../common/roles.js';
import { unitNamesOfPeople } from '../org/org.service.js';
import { type Ctx, actorOf, today } from '../../platform/context.js';
import { badRequest, ruleViolation } from '../../platform/errors.js';
import { type Step, fireTransition } from '../../platform/workflow/machine.js';
import { dispatchProblemOf, proposeAccountabilityOf } from './complaints.links.js';
import { capacitiesOf } from './complaints.policy.js';
import * as repo from './complaints.repository.js';
import { getComplaint, loadComplaint } from './complaints.service.js';
import { complaintMachine } from './complaints.states.js';

const need = <T>(v: T | undefined, code: string, message: string, field: string): T => {
  if (v === undefined || v === '') throw badRequest(code, message, field);
  return v;
};

/** A date the caller states (told on, decided on): not after today. */
function pastDate(ctx: Ctx, d: string | undefined, field: string, label: string) {
  const v = d ?? today(ctx);
  if (v > today(ctx)) throw ruleViolation('COMPLAINT_DATE_FUTURE', `${label}不能晚于今天`, field);
  return v;
}

/** Roles whose holders may own a complaint (complaints:manage). */
const HANDLER_ROLES = (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) =>
  ROLE_PERMISSIONS[r].includes('complaints:manage'),
);

const handlersOf = (ctx: Ctx, regionId: string) => usersWithRoles(ctx.db, HANDLER_ROLES, regionId);

/**
 * Who may take a complaint over (the 移交承办人 picker): the same set the hand-over accepts, each with their unit and
 * role (issue #20: no bare names in a person picker).
 */
export async function complaintHandlers(ctx: Ctx) {
  const regionId = actorOf(ctx).scope.regionId;
  if (!regionId) return { items: [] };
  const handlers = await handlersOf(ctx, regionId);
  const roles = new Map<string, string[]>();
  for (const role of HANDLER_ROLES)
    for (const u of await usersWithRoles(ctx.db, [role], regionId))
      roles.set(u.userId, [...(roles.get(u.userId) ?? []), ROLE_LABELS[role]]);
  const units = await unitNamesOfPeople(
    ctx.db,
    handlers.flatMap((u) => (u.personId ? [u.personId] : [])),
  );
  return {
    items: handlers.map((u) => ({
      userId: u.userId,
      displayName: u.displayName,
      unitName: (u.personId && units.get(u.personId)) || null,
      roleLabel: (roles.get(u.userId) ?? []).join('、'),
    })),
  };
}

/** Fires one event of the complaint machine (triage, handling, notices, feedback, objections, handover). */
export async function fireComplaintEvent(ctx: Ctx, id: string, input: TComplaintEvent) {
  const c = await loadComplaint(ctx, id);
  const events = await repo.eventsOf(ctx.db, id);
  let objectionOpen = false;
  for (const e of events)
    objectionOpen = e.type === 'objection' ? true : e.type === 'answer_objection' ? false : objectionOpen;
  await fireTransition<R & { objectionOpen: boolean }, ComplaintState, ComplaintEvent, ComplaintCapacity>(ctx, {
    machine: complaintMachine,
    row: { ...c, objectionOpen },
    capacities: capacitiesOf(actorOf(ctx), c),
    event: input.type,
    version: input.version,
    comment: input.comment,
    apply: () => applyEvent(ctx, c, input),
    update: async (patch, version) => {
      const { objectionOpen: _, ...rest } = patch as Partial<repo.ComplaintRow> & { objectionOpen?: boolean };
      const row = await repo.update(ctx.db, id, version, rest);
      return row ? { ...row, objectionOpen } : null;
    },
    record: (e) => repo.insertEvent(ctx.db, { complaintId: id, ...e, comment: e.comment ?? '' }),
    audit: { type: 'complaint.event', entity: 'complaint', entityId: id },
  });
  // Escalated or handed over, the complaint may have left the caller's sight: answer what is still visible.
  const after = await repo.get(
    ctx.db,
    { regionId: c.regionId, userId: actorOf(ctx).userId, leader: actorOf(ctx).permissions.has('complaints:lead') },
    id,
  );
  return after ? getComplaint(ctx, id) : null;
}

type R = repo.ComplaintRow;

async function applyEvent(
  ctx: Ctx,
  c: R,
  input: TComplaintEvent,
): Promise<Step<R & { objectionOpen: boolean }, ComplaintState>> {
  const a = actorOf(ctx);
  const on = today(ctx);
  switch (input.type) {
    case 'claim':
      return { patch: { ownerUserId: a.userId, ownerName: a.displayName } };
    case 'hand_over': {
      const to = need(input.toUserId, 'TO_USER_REQUIRED', '请选择接手的承办人', 'toUserId');
      const user = (await handlersOf(ctx, c.regionId)).find((u) => u.userId === to);
      if (!user) throw ruleViolation('COMPLAINT_HANDOVER_USER', '接手人不存在或无信访举报办理权限', 'toUserId');
      return {
        patch: { ownerUserId: to, ownerName: user.displayName },
        payload: { from: c.ownerName, to: user.displayName },
      };
    }
    case 'accept':
      return { patch: { acceptedOn: on } };
    case 'transfer': {
      const transferTo = need(input.transferTo, 'TRANSFER_TO_REQUIRED', '请填写转办的下级机关', 'transferTo');
      return { patch: { transferTo, transferredOn: on }, payload: { transferTo } };
    }
    case 'lower_reply': {
      const result = need(input.lowerResult, 'LOWER_RESULT_REQUIRED', '请选择下级机关受理或再转办', 'lowerResult');
      const repliedOn = pastDate(ctx, input.on, 'on', '下级办理日期');
      return { patch: { lowerResult: result, lowerRepliedOn: repliedOn }, payload: { result, on: repliedOn } };
    }
    case 'escalate':
      return { patch: { aboutPrincipal: true }, comment: '按规定报送上级纪检监察机关' };
    case 'mark_repeat': {
      const ofId = need(input.repeatOfId, 'REPEAT_OF_REQUIRED', '请选择原信访件', 'repeatOfId');
      const first = await repo.sameRegion(ctx.db, c.regionId, ofId);
      if (!first || first.id === c.id || first.state === 'repeat' || first.aboutPrincipal) {
        throw ruleViolation('COMPLAINT_NOT_FOUND', '原信访件不存在或不能作为原件', 'repeatOfId');
      }
      return { patch: { repeatOfId: ofId }, payload: { repeatOf: first.code } };
    }
    case 'notify_acceptance': {
      const method = need(input.method, 'METHOD_REQUIRED', '请选择告知方式', 'method');
      const told = pastDate(ctx, input.on, 'on', '告知日期');
      return {
        patch: { acceptanceToldOn: told, acceptanceToldHow: method },
        payload: { method: FEEDBACK_METHODS[method], on: told },
      };
    }
    case 'decide': {
      const way = need(input.way, 'WAY_REQUIRED', '请选择处置方式', 'way');
      const approver = need(input.approver, 'APPROVER_REQUIRED', '请填写批准人（集体研究后报批）', 'approver');
      const decidedOn = pastDate(ctx, input.decidedOn, 'decidedOn', '集体研究日期');
      if (decidedOn < (c.acceptedOn ?? c.receivedOn)) {
        throw ruleViolation('COMPLAINT_DECIDED_EARLY', '集体研究日期不能早于受理日期', 'decidedOn');
      }
      return {
        patch: { way, approver, decidedOn },
        payload: { way: COMPLAINT_WAYS[way], approver, decidedOn },
      };
    }
    case 'complete': {
      const finding = need(input.finding, 'FINDING_REQUIRED', '请选择核查结论', 'finding');
      const result = need(input.result, 'RESULT_REQUIRED', '请填写办理结果', 'result');
      return { patch: { finding, result, completedOn: on }, payload: { finding } };
    }
    case 'feedback': {
      const answer = need(input.answer, 'ANSWER_REQUIRED', '请填写答复内容', 'answer');
      if (c.anonymous) return { patch: { answer, feedbackOn: on }, payload: { anonymous: true } };
      const method = need(input.method, 'METHOD_REQUIRED', '请选择反馈方式', 'method');
      const told = pastDate(ctx, input.on, 'on', '反馈日期');
      return {
        patch: { answer, feedbackOn: told, feedbackHow: method },
        payload: { method: FEEDBACK_METHODS[method], on: told },
      };
    }
    case 'objection':
      return {
        payload: { text: need(input.text, 'TEXT_REQUIRED', '请填写异议内容', 'text') },
        comment: input.text,
      };
    case 'answer_objection': {
      const text = need(input.text, 'TEXT_REQUIRED', '请填写对异议的说明', 'text');
      return { patch: { answer: `${c.answer}\n\n【对异议的说明】${text}` }, payload: { text }, comment: text };
    }
    case 'to_problem': {
      const problem = need(input.problem, 'PROBLEM_REQUIRED', '请填写交办的问题', 'problem');
      const p = await dispatchProblemOf(ctx, problem);
      return { patch: { problemId: p.id }, payload: { problemId: p.id, problemCode: p.code } };
    }
    case 'propose': {
      const proposal = need(input.proposal, 'PROPOSAL_REQUIRED', '请填写问责建议', 'proposal');
      const p = await proposeAccountabilityOf(ctx, c, proposal);
      if (!p.created) throw ruleViolation('COMPLAINT_ALREADY_PROPOSED', `已提出问责建议（${p.code}），待受理或已立案`);
      return { payload: { proposalId: p.id, proposalCode: p.code }, comment: `问责建议 ${p.code}：${proposal.reason}` };
    }
  }
}
