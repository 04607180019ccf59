import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, today } from '../../platform/context.js';
import { badRequest, conflict, notFound, ruleViolation } from '../../platform/errors.js';
import { createProblem, fireEvent as fireProblemEvent } from '../problems/problems.service.js';
import { getEvaluation, loadEvaluation } from './assessment.evaluations.js';
import { evaluationQuestions, evaluationReporters } from './assessment.tables.js';

/**
 * 督+述 → 督: a question whose answer does not satisfy is handed to the problem ledger as a problem of the reporting
 * unit (source 述责述廉质询), dispatched at once with its deadline; once per question, from the meeting on.
 */
export async function questionToProblem(ctx: Ctx, id: string, questionId: string, deadline: string) {
  const e = await loadEvaluation(ctx, id);
  if (e.state === 'scheduled') throw ruleViolation('EVALUATION_NOT_HELD', '评议尚未召开，质询问题还不能交办');
  if (deadline <= today(ctx)) throw badRequest('DEADLINE_PAST', '整改时限应晚于今天', 'deadline');
  const [q] = await ctx.db
    .select({ q: evaluationQuestions, unitId: evaluationReporters.unitId })
    .from(evaluationQuestions)
    .innerJoin(evaluationReporters, eq(evaluationReporters.id, evaluationQuestions.reporterId))
    .where(and(eq(evaluationQuestions.evaluationId, id), eq(evaluationQuestions.id, questionId)));
  if (!q) throw notFound('质询问题不存在');
  if (q.q.problemId) throw conflict(`该质询问题已交办为问题 ${q.q.problemCode}`);
  const p = await createProblem(ctx, {
    title: `【述责述廉质询】${q.q.question}`.slice(0, 200),
    description: `${e.title}质询：${q.q.question}\n答复：${q.q.answer || '未答复'}`.slice(0, 5000),
    source: 'inquiry',
    sourceRef: e.title.slice(0, 200),
    category: '',
    severity: 'general',
    unitId: q.unitId,
    urgent: false,
    dispatch: false,
    measures: [{ content: `针对质询问题整改落实：${q.q.question}`.slice(0, 1000), deadlineType: 'date', deadline }],
  });
  // One problem per question: a request racing this one finds the link set and is rolled back.
  const [linked] = await ctx.db
    .update(evaluationQuestions)
    .set({ problemId: p.id, problemCode: p.code })
    .where(and(eq(evaluationQuestions.id, questionId), isNull(evaluationQuestions.problemId)))
    .returning({ id: evaluationQuestions.id });
  if (!linked) throw conflict('该质询问题已交办为问题');
  await fireProblemEvent(ctx, p.id, {
    type: 'dispatch',
    version: p.version,
    comment: `${e.title}质询问题交办`,
    fileIds: [],
  });
  await recordAudit(ctx, {
    type: 'evaluation.question_to_problem',
    entity: 'evaluation',
    entityId: id,
    after: { questionId, problemId: p.id, problemCode: p.code },
  });
  return getEvaluation(ctx, id);
}
