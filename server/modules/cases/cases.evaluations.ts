import { EVALUATION_CHECKLIST } from '../../../common/cases.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, regionOf } from '../../platform/context.js';
import { badRequest, conflict, notFound } from '../../platform/errors.js';
import * as repo from './cases.repository.js';
import type { TListEvaluations, TScoreEvaluation } from '../../../common/cases.schema.js';

// 案件评查: closed cases of a period are sampled and scored against the checklist.

export async function sampleEvaluations(ctx: Ctx, period: string, size: number) {
  const actor = actorOf(ctx);
  const regionId = regionOf(ctx);
  const picked = await repo.sampleClosedCases(ctx.db, regionId, period, size);
  const rows = await repo.insertEvaluations(
    ctx.db,
    picked.map((p) => ({ regionId, period, caseId: p.id })),
  );
  // Evaluators read the sampled files.
  for (const p of picked) await repo.addMembers(ctx.db, p.id, [actor.userId], 'evaluator');
  await recordAudit(ctx, {
    type: 'case_evaluation.sampled',
    entity: 'case_evaluation',
    after: { period, cases: picked.map((p) => p.id) },
  });
  return { period, sampled: rows.length, items: rows };
}

export const listEvaluations = (ctx: Ctx, f: TListEvaluations) => repo.listEvaluations(ctx.db, regionOf(ctx), f);

export async function scoreEvaluation(ctx: Ctx, id: string, input: TScoreEvaluation) {
  const e = await repo.getEvaluation(ctx.db, regionOf(ctx), id);
  if (!e) throw notFound('评查记录不存在');
  if (e.version !== input.version) throw conflict();
  let total = 0;
  for (const [stage, items] of Object.entries(input.scores)) {
    const def = EVALUATION_CHECKLIST[stage as keyof typeof EVALUATION_CHECKLIST];
    if (!def) throw badRequest('STAGE_INVALID', `评查环节“${stage}”不存在`, 'scores');
    for (const [item, score] of Object.entries(items)) {
      const max = (def.items as Record<string, readonly [string, number]>)[item]?.[1];
      if (max === undefined) throw badRequest('ITEM_INVALID', `评查项目“${item}”不存在`, 'scores');
      if (score > max) throw badRequest('SCORE_TOO_HIGH', `“${def.items[item as never][0]}”最高${max}分`, 'scores');
      total += score;
    }
  }
  const saved = await repo.updateEvaluation(ctx.db, id, e.version, {
    scores: input.scores,
    total,
    defects: input.defects,
    corrections: input.corrections,
    state: 'scored',
    evaluatorUserId: actorOf(ctx).userId,
    evaluatedAt: ctx.now,
  });
  if (!saved) throw conflict();
  await recordAudit(ctx, {
    type: 'case_evaluation.scored',
    entity: 'case_evaluation',
    entityId: id,
    before: e,
    after: saved,
  });
  return saved;
}
