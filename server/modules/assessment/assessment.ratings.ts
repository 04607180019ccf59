import { sql } from 'drizzle-orm';
import type { TListRatings, TRating } from '../../../common/assessment.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Ctx } from '../../platform/context.js';
import { rowsOf } from '../../platform/db/client.js';
import { badRequest, ruleViolation } from '../../platform/errors.js';
import * as org from '../org/org.service.js';
import { subjectsOf } from './assessment.scoring.js';
import { loadAssessment } from './assessment.service.js';
import { getSystem } from './assessment.systems.js';
import { assessmentRatings } from './assessment.tables.js';

const isFrozen = (state: string) => state === 'frozen' || state === 'published';

/** The run, and the qualitative indicator a score is given for (named evaluators only, when the system names them). */
async function ratingTarget(ctx: Ctx, id: string, indicatorId: string, evaluator: string) {
  const run = await loadAssessment(ctx, id);
  const system = await getSystem(ctx, run.systemId);
  const ind = system.indicators.find((i) => i.id === indicatorId);
  if (ind?.method !== 'qualitative')
    throw badRequest('INDICATOR_NOT_QUALITATIVE', '该指标不是评价人打分指标', 'indicatorId');
  if (ind.evaluators.length > 0 && !ind.evaluators.includes(evaluator)) {
    throw badRequest('EVALUATOR_NOT_NAMED', `评价人应为：${ind.evaluators.join('、')}`, 'evaluator');
  }
  return { run, system, ind };
}

/** A named evaluator's score of a qualitative indicator for a unit (re-scoring replaces it). */
export async function rate(ctx: Ctx, id: string, input: TRating) {
  const { run, system } = await ratingTarget(ctx, id, input.indicatorId, input.evaluator);
  if (isFrozen(run.state)) throw ruleViolation('ASSESSMENT_FROZEN', '考核已冻结，不能再评分');
  if (system.subjectKind === 'leader') {
    const [hit] = rowsOf(
      await ctx.db.execute(sql`SELECT 1 FROM ${subjectsOf(run.regionId, system)} s WHERE s.id = ${input.unitId}`),
    );
    if (!hit) throw badRequest('SUBJECT_NOT_FOUND', '该人员不是本次考核的对象', 'unitId');
  } else {
    await org.getUnit(ctx, input.unitId).catch(() => {
      throw badRequest('UNIT_NOT_FOUND', '单位不存在', 'unitId');
    });
  }
  const values = { ...input, assessmentId: id, at: ctx.now };
  await ctx.db
    .insert(assessmentRatings)
    .values(values)
    .onConflictDoUpdate({
      target: [
        assessmentRatings.assessmentId,
        assessmentRatings.indicatorId,
        assessmentRatings.unitId,
        assessmentRatings.evaluator,
      ],
      set: { score: input.score, comment: input.comment, at: ctx.now },
    });
  await recordAudit(ctx, { type: 'assessment.rated', entity: 'assessment', entityId: id, after: values });
  return { ok: true };
}

/**
 * An evaluator's score sheet: every subject the run assesses (the units of the system's unit type, or its leaders), with the score this evaluator
 * gave it for the indicator, or none yet — the page the evaluators' scores are typed into, a page of units at a time.
 */
export async function ratingSheet(ctx: Ctx, id: string, q: TListRatings) {
  const { run, system, ind } = await ratingTarget(ctx, id, q.indicatorId, q.evaluator);
  const units = subjectsOf(run.regionId, system);
  const rows = rowsOf<{
    unit_id: string;
    unit_name: string;
    score: string | number | null;
    comment: string | null;
    at: Date | string | null;
  }>(
    await ctx.db.execute(sql`SELECT u.id AS unit_id, u.name AS unit_name, r.score, r.comment, r.at
    FROM ${units} u LEFT JOIN assessment_ratings r ON r.unit_id = u.id AND r.assessment_id = ${id}
      AND r.indicator_id = ${ind.id} AND r.evaluator = ${q.evaluator}
    ORDER BY u.name, u.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
  );
  const [{ n }] = rowsOf<{ n: number }>(await ctx.db.execute(sql`SELECT count(*)::int AS n FROM ${units} u`));
  return {
    indicator: { id: ind.id, name: ind.name, weight: ind.weight, evaluators: ind.evaluators },
    evaluator: q.evaluator,
    editable: !isFrozen(run.state),
    items: rows.map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      score: r.score === null ? null : Number(r.score),
      comment: r.comment ?? '',
      at: r.at === null ? null : new Date(r.at),
    })),
    total: Number(n),
  };
}
