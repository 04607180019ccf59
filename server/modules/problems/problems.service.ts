/**
 * The problems module's use-cases, and its public surface: other modules import only this file,
 * so reads (problems.queries.ts) and state transitions (problems.workflow.ts) are re-exported here.
 */
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, today } from '../../platform/context.js';
import { badRequest, conflict, forbidden, ruleViolation } from '../../platform/errors.js';
import * as org from '../org/org.service.js';
import { measureDeadline } from './problems.deadline.js';
import { getProblem } from './problems.queries.js';
import * as repo from './problems.repository.js';
import type { TCreateProblem, TMeasureInput, TUpdateProblem } from '../../../common/problems.schema.js';

export {
  getProblem,
  listDisputes,
  listProblems,
  loadProblem,
  previewProblems,
  previewProblemsMany,
  problemCounts,
  problemStats,
  problemStatesOf,
} from './problems.queries.js';
export { assignLeadUnit, fireEvent, uploadEvidence } from './problems.workflow.js';

async function measureRows(ctx: Ctx, problemId: string, measures: TMeasureInput[]) {
  const from = today(ctx);
  const rows = [];
  for (const [i, m] of measures.entries()) {
    const deadline = await measureDeadline(ctx, m, from);
    if (deadline < from) {
      throw badRequest('PROBLEM_DEADLINE_PAST', '整改时限不能早于交办日期', `measures.${i}.deadline`);
    }
    rows.push({
      problemId,
      seq: i + 1,
      content: m.content,
      ownerPersonId: m.ownerPersonId ?? null,
      deadlineType: m.deadlineType,
      deadlineDays: m.days ?? null,
      deadline,
    });
  }
  return rows;
}

async function checkRefs(ctx: Ctx, input: Partial<TCreateProblem>) {
  if (input.unitId) {
    await org.getUnit(ctx, input.unitId).catch(() => {
      throw badRequest('UNIT_NOT_FOUND', '责任单位不存在', 'unitId');
    });
  }
  const people: [string | null | undefined, string][] = [
    [input.responsiblePersonId, 'responsiblePersonId'],
    [input.leaderPersonId, 'leaderPersonId'],
    ...(input.measures ?? []).map(
      (m, i) => [m.ownerPersonId, `measures.${i}.ownerPersonId`] as [string | null | undefined, string],
    ),
  ];
  for (const [id, field] of people) {
    if (id) {
      await org.getPerson(ctx, id).catch(() => {
        throw badRequest('PERSON_NOT_FOUND', '所选人员不存在', field);
      });
    }
  }
}

export async function createProblem(ctx: Ctx, input: TCreateProblem) {
  const actor = actorOf(ctx);
  await checkRefs(ctx, input);
  const unit = await org.getUnit(ctx, input.unitId);
  const problem = await repo.insert(ctx.db, {
    regionId: actor.scope.regionId as string,
    code: await repo.nextCode(ctx.db, Number(today(ctx).slice(0, 4))),
    title: input.title,
    description: input.description,
    source: input.source,
    sourceRef: input.sourceRef ?? null,
    category: input.category,
    severity: input.severity,
    unitId: input.unitId,
    responsiblePersonId: input.responsiblePersonId ?? unit.principalPersonId,
    leaderPersonId: input.leaderPersonId ?? unit.leaderInChargePersonId,
    urgent: input.urgent,
    createdBy: actor.userId,
  });
  const measures = await measureRows(ctx, problem.id, input.measures);
  await repo.insertMeasures(ctx.db, measures);
  const deadline =
    measures
      .map((m) => m.deadline)
      .sort()
      .at(-1) ?? null;
  const saved = await repo.update(ctx.db, problem.id, problem.version, { deadline });
  // The row was inserted by this transaction: no one else can have changed it.
  if (!saved) throw conflict();
  await recordAudit(ctx, {
    type: 'problem.created',
    entity: 'problem',
    entityId: problem.id,
    after: { ...saved, measures },
  });
  return saved;
}

export async function updateProblem(ctx: Ctx, id: string, input: TUpdateProblem) {
  const before = await getProblem(ctx, id);
  if (!actorOf(ctx).permissions.has('problems:manage')) throw forbidden();
  if (before.state !== 'draft') {
    throw ruleViolation('PROBLEM_NOT_DRAFT', '问题已交办，不能再修改清单内容；如需调整请通过退回重改或反弹处理');
  }
  await checkRefs(ctx, input);
  const { version, measures, ...patch } = input;
  let deadline = before.deadline;
  if (measures) {
    const rows = await measureRows(ctx, id, measures);
    await repo.replaceMeasures(ctx.db, id, rows);
    deadline =
      rows
        .map((m) => m.deadline)
        .sort()
        .at(-1) ?? null;
  }
  const updated = await repo.update(ctx.db, id, version, { ...patch, deadline });
  if (!updated) throw conflict();
  const after = await getProblem(ctx, id);
  await recordAudit(ctx, { type: 'problem.updated', entity: 'problem', entityId: id, before, after });
  return after;
}
