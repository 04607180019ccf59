import { formatDate } from '../../../common/format.js';
/**
 * A complaint's links into the rest of the chain: one problem of the ledger (source 信访举报) that the unit must
 * fix, or a proposal of accountability into the cases module's queue. Both go through the owning module's
 * service function; what leaves is written by the handler for its reader, never the report's text or the filer.
 */
import {
  COMPLAINT_FINDINGS,
  COMPLAINT_WAYS,
  type ComplaintFinding,
  type ComplaintWay,
} from '../../../common/complaints.js';
import type { TComplaintEvent } from '../../../common/complaints.schema.js';
import type { ProposalSubject } from '../../../common/proposals.js';
import type { Ctx } from '../../platform/context.js';
import { badRequest } from '../../platform/errors.js';
import { proposalOfSource, submitAccountabilityProposal } from '../cases/cases.proposals.service.js';
import { personNames, unitNames } from '../org/org.service.js';
import { createProblem, fireEvent as fireProblemEvent, problemStatesOf } from '../problems/problems.service.js';
import { PROBLEM_STATES, type ProblemState } from '../../../common/problems.js';
import type { ComplaintRow } from './complaints.repository.js';

/** to_problem: creates and dispatches the problem; answers its id for the complaint's `problemId`. */
export async function dispatchProblemOf(ctx: Ctx, input: NonNullable<TComplaintEvent['problem']>) {
  const p = await createProblem(ctx, {
    title: input.title,
    description: input.description,
    source: 'complaint',
    sourceRef: null,
    category: '',
    severity: 'general',
    unitId: input.unitId,
    urgent: false,
    dispatch: true,
    measures: [{ content: input.measure, ownerPersonId: null, deadlineType: 'date', deadline: input.deadline }],
  });
  await fireProblemEvent(ctx, p.id, { type: 'dispatch', version: p.version, comment: '信访举报件交办', fileIds: [] });
  return { id: p.id, code: p.code };
}

/** propose: the subject's unit and the people named, with the handling so far as the evidence chain. */
export async function proposeAccountabilityOf(
  ctx: Ctx,
  c: ComplaintRow,
  input: NonNullable<TComplaintEvent['proposal']>,
) {
  const names = await personNames(ctx.db, input.personIds);
  if (input.personIds.some((id) => !names.has(id)))
    throw badRequest('PERSON_NOT_FOUND', '建议问责人员不存在', 'proposal.personIds');
  const unitId = c.subjectUnitId;
  const unit = unitId ? ((await unitNames(ctx.db, [unitId])).get(unitId) ?? c.subjectUnitName) : '';
  const subjects: ProposalSubject[] = [
    ...(unitId ? [{ subjectType: 'unit' as const, unitId, name: unit }] : []),
    ...input.personIds.map((personId) => ({
      subjectType: 'person' as const,
      personId,
      name: names.get(personId) ?? '',
    })),
  ];
  if (subjects.length === 0)
    throw badRequest('PROPOSAL_SUBJECT_REQUIRED', '被反映单位不在本地区，请选择建议问责的人员', 'proposal.personIds');
  const link = `/complaints/${c.id}`;
  const handled = [
    c.way ? `处置方式：${COMPLAINT_WAYS[c.way as ComplaintWay]}（${c.approver} 批准，${formatDate(c.decidedOn)}）` : '',
    c.finding ? `核查结论：${COMPLAINT_FINDINGS[c.finding as ComplaintFinding]}` : '',
    c.result ? `办理结果：${c.result}` : '',
  ].filter(Boolean);
  const title = `反映${c.subjectUnitName}${c.subjectName ? ` ${c.subjectName}` : ''}的问题`;
  return submitAccountabilityProposal(ctx, {
    sourceType: 'complaint',
    sourceId: c.id,
    sourceCode: c.code,
    sourceTitle: title,
    regionId: c.regionId,
    unitId,
    subjects,
    situation: input.situation,
    reason: input.reason,
    evidence: [
      {
        kind: 'complaint',
        id: c.id,
        label: `信访举报件 ${c.code}（${formatDate(c.receivedOn)} 收件）`,
        detail: handled.join('\n'),
        link,
      },
      ...(c.problemId
        ? [{ kind: 'problem', id: c.problemId, label: '交办问题', link: `/problems/${c.problemId}` }]
        : []),
    ],
    sourcePermission: 'complaints:manage',
  });
}

/**
 * Where the complaint's links stand, and the answer they suggest to the filer: the result, what became of the
 * problem, and whether accountability was opened — in words a filer may read (no names, no case details).
 */
export async function linksOf(ctx: Ctx, c: ComplaintRow) {
  const state = c.problemId ? (await problemStatesOf(ctx, [c.problemId])).get(c.problemId) : undefined;
  const problem = c.problemId && state ? { id: c.problemId, code: state.code, state: state.state } : null;
  const proposal = await proposalOfSource(ctx, 'complaint', c.id);
  const parts = [c.result];
  if (problem)
    parts.push(
      problem.state === 'closed'
        ? '反映的问题已交相关单位整改，整改已完成。'
        : `反映的问题已交相关单位整改，目前${PROBLEM_STATES[problem.state as ProblemState] ?? '整改中'}。`,
    );
  if (proposal?.state === 'accepted') parts.push('对相关责任人已依规依纪启动问责程序。');
  return { problem, proposal, answerDraft: c.answer || parts.filter(Boolean).join('\n') };
}
