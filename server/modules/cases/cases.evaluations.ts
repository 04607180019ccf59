import { EVALUATION_CHECKLIST } from '../../../common/cases.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, regionOf } from '../../platform/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/errors.js';
import { organisesEvaluation, viewerOf } from './cases.policy.js';
import * as evaluations from './cases.evaluations.repository.js';
import * as repo from './cases.repository.js';
import { readCaseRules } from './cases.rules.js';
import type { TListEvaluations, TSample, TScoreEvaluation } from '../../../common/cases.schema.js';

// 案件评查: closed cases of a period are sampled and scored against the checklist. Sampling is no way
// into a closed file: only the organisers sample, and only the evaluators they name read the files.

const OFFICER_ROLES = ['case_office', 'commission_leader'];

/** Whether the caller organises evaluation (leaders, 案件审理室), who see every evaluation of the region. */
async function isOrganiser(ctx: Ctx) {
  const actor = actorOf(ctx);
  const [me] = await repo.usersWithPermissionRoles(ctx.db, regionOf(ctx), OFFICER_ROLES, [actor.userId]);
  return organisesEvaluation(actor, me?.unitCode ?? null, await readCaseRules(ctx));
}

/** Evaluations the caller sees: all for an organiser, otherwise those the caller is named for. */
const evaluationViewer = async (ctx: Ctx) => ({ ...viewerOf(ctx), all: await isOrganiser(ctx) });

export async function sampleEvaluations(ctx: Ctx, input: TSample) {
  const { period, size } = input;
  if (!(await isOrganiser(ctx))) throw forbidden('只有委领导和案件审理室可以组织案件评查');
  const regionId = regionOf(ctx);
  const evaluators = [...new Set(input.evaluatorUserIds)];
  const officers = await repo.usersWithPermissionRoles(ctx.db, regionId, OFFICER_ROLES, evaluators);
  if (officers.length !== evaluators.length) {
    throw badRequest('EVALUATOR_INVALID', '评查人员只能是本地区的案件工作人员或委领导', 'evaluatorUserIds');
  }
  const picked = await evaluations.sampleClosedCases(ctx.db, regionId, period, size, evaluators);
  const rows = await evaluations.insertEvaluations(
    ctx.db,
    picked.map((p) => ({ regionId, period, caseId: p.id })),
  );
  // The named evaluators read the sampled files; the organiser does not by sampling them.
  for (const p of picked) await repo.addMembers(ctx.db, p.id, evaluators, 'evaluator');
  await recordAudit(ctx, {
    type: 'case_evaluation.sampled',
    entity: 'case_evaluation',
    after: { period, cases: picked.map((p) => p.id), evaluators },
  });
  return { period, sampled: rows.length, items: rows };
}

export const listEvaluations = async (ctx: Ctx, f: TListEvaluations) =>
  evaluations.listEvaluations(ctx.db, await evaluationViewer(ctx), f);

export async function scoreEvaluation(ctx: Ctx, id: string, input: TScoreEvaluation) {
  const e = await evaluations.getEvaluation(ctx.db, await evaluationViewer(ctx), id);
  if (!e) throw notFound('评查记录不存在或无权查看');
  const members = await repo.membersOf(ctx.db, e.caseId);
  const userId = actorOf(ctx).userId;
  if (!members.some((m) => m.userId === userId && m.role === 'evaluator')) {
    throw forbidden('只有被指定的评查人员可以评分');
  }
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
  const saved = await evaluations.updateEvaluation(ctx.db, id, e.version, {
    scores: input.scores,
    total,
    defects: input.defects,
    corrections: input.corrections,
    state: 'scored',
    evaluatorUserId: userId,
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
