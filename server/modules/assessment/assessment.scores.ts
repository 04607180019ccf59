import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  EVENT_KINDS,
  GRADES,
  ITEM_KINDS,
  type EventKind,
  type Grade,
  type ItemKind,
} from '../../../common/assessment.js';
import { type Ctx, actorOf } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import * as org from '../org/org.service.js';
import { loadAssessment, revisionFor, subjectKindOf } from './assessment.service.js';
import { type LeaderRow, leadersOf } from './assessment.subjects.js';
import { assessmentItems, assessmentResults, assessments } from './assessment.tables.js';

/** Results of a run as the caller may read them: per unit, or per leader in a leader system (issue #15). */

/**
 * Rows the caller may read: the whole region's for a region-wide scope; else a unit run's rows of the caller's
 * units, and a leader run's row of the caller's own person only (a leader never reads another leader's score).
 */
const subjectFilter = (ctx: Ctx, kind: string) => {
  const s = actorOf(ctx).scope;
  if (s.allUnits) return undefined;
  if (kind === 'leader') return s.personId ? eq(assessmentResults.unitId, s.personId) : sql`false`;
  return s.unitIds.length ? inArray(assessmentResults.unitId, s.unitIds) : sql`false`;
};

/** The outer row's unit, qualified: drizzle writes a bare "unit_id", which inside the subqueries means i.unit_id. */
const unitOfResult = sql.raw('"assessment_results"."unit_id"');

/** Each subject's result with its deductions and bonuses, in rank order within the unit type. */
export async function scores(ctx: Ctx, id: string, asked?: number) {
  const run = await loadAssessment(ctx, id);
  const revision = revisionFor(ctx, run, asked);
  const kind = await subjectKindOf(ctx, run);
  const rows = await ctx.db
    .select({
      r: assessmentResults,
      deductions: sql<string>`(SELECT COALESCE(sum(points), 0) FROM assessment_items i WHERE i.assessment_id = ${id}
        AND i.revision = ${revision} AND i.unit_id = ${unitOfResult} AND i.kind = 'event' AND i.points < 0)`,
      bonuses: sql<string>`(SELECT COALESCE(sum(points), 0) FROM assessment_items i WHERE i.assessment_id = ${id}
        AND i.revision = ${revision} AND i.unit_id = ${unitOfResult} AND i.kind IN ('event', 'cap')
        AND i.indicator_id IS NULL)`,
    })
    .from(assessmentResults)
    .where(
      and(eq(assessmentResults.assessmentId, id), eq(assessmentResults.revision, revision), subjectFilter(ctx, kind)),
    )
    .orderBy(asc(assessmentResults.unitType), asc(assessmentResults.rank));
  const ids = rows.map((x) => x.r.unitId);
  const persons = kind === 'leader' ? await leadersOf(ctx, ids) : new Map<string, LeaderRow>();
  const names = await org.unitNames(ctx.db, kind === 'leader' ? [...persons.values()].map((p) => p.unitId) : ids);
  return {
    revision,
    items: rows.map(({ r, deductions, bonuses }) => {
      const p = persons.get(r.unitId);
      const unitId = p ? p.unitId : r.unitId;
      return {
        ...r,
        subjectKind: kind,
        unitId,
        unitName: names.get(unitId) ?? '',
        personId: p ? r.unitId : null,
        personName: p ? p.name : null,
        post: p ? p.post : null,
        gradeLabel: GRADES[r.grade as Grade],
        deductions: Number(deductions),
        bonuses: Number(bonuses),
      };
    }),
  };
}

const LINKS: Record<string, (id: string) => string> = {
  problem: (id) => `/problems/${id}`,
  warning: (id) => `/warnings/${id}`,
  talk: (id) => `/talks/${id}`,
  case: (id) => `/cases/${id}`,
  dispatch: (id) => `/responsibility/dispatches/${id}`,
  typical_case: () => '/supervision/bulletins',
};

/** One unit's score with every item and its cause, and the unit's published scores of earlier runs. */
export const unitScore = (ctx: Ctx, id: string, unitId: string, asked?: number) =>
  subjectScore(ctx, id, 'unit', unitId, asked);

/** One leader's score in a leader system, as a unit's (issue #15): a leader reads their own only. */
export const personScore = (ctx: Ctx, id: string, personId: string, asked?: number) =>
  subjectScore(ctx, id, 'leader', personId, asked);

async function subjectScore(ctx: Ctx, id: string, kind: 'unit' | 'leader', unitId: string, asked?: number) {
  const run = await loadAssessment(ctx, id);
  const revision = revisionFor(ctx, run, asked);
  const { items } = await scores(ctx, id, revision);
  const result = items.find((x) => x.subjectKind === kind && (x.personId ?? x.unitId) === unitId);
  if (!result)
    throw notFound(kind === 'leader' ? '该领导干部的考核结果不存在或无权查看' : '该单位的考核结果不存在或无权查看');
  const basis = (run.basis ?? { indicators: [] }) as { indicators: { id: string; name: string }[] };
  const names = new Map(basis.indicators.map((i) => [i.id, i.name]));
  const rows = await ctx.db
    .select()
    .from(assessmentItems)
    .where(
      and(
        eq(assessmentItems.assessmentId, id),
        eq(assessmentItems.revision, revision),
        eq(assessmentItems.unitId, unitId),
      ),
    )
    .orderBy(asc(assessmentItems.kind), asc(assessmentItems.occurredOn));
  // In the order of the indicator tree, then what lies outside it (bonuses, caps).
  const place = new Map(basis.indicators.map((i, n) => [i.id, n]));
  const at = (indicatorId: string | null) =>
    indicatorId === null ? Number.MAX_SAFE_INTEGER : (place.get(indicatorId) ?? -1);
  rows.sort((x, y) => at(x.indicatorId) - at(y.indicatorId));
  const trend = await ctx.db
    .select({
      assessmentId: assessments.id,
      name: assessments.name,
      periodTo: assessments.periodTo,
      score: assessmentResults.score,
      grade: assessmentResults.grade,
    })
    .from(assessmentResults)
    .innerJoin(
      assessments,
      and(
        eq(assessments.id, assessmentResults.assessmentId),
        eq(assessments.publishedRevision, assessmentResults.revision),
      ),
    )
    .where(
      and(
        eq(assessments.regionId, run.regionId),
        sql`${assessments.systemId} IN (SELECT s.id FROM indicator_systems s WHERE s.region_id = ${run.regionId}
        AND s.name = (SELECT name FROM indicator_systems WHERE id = ${run.systemId}))`,
        eq(assessmentResults.unitId, unitId),
        isNull(assessments.deletedAt),
      ),
    )
    .orderBy(asc(assessments.periodTo));
  return {
    ...result,
    items: rows.map((i) => ({
      ...i,
      indicatorName: i.indicatorId ? (names.get(i.indicatorId) ?? null) : null,
      kindLabel: ITEM_KINDS[i.kind as ItemKind] ?? i.kind,
      eventLabel: i.eventKind ? (EVENT_KINDS[i.eventKind as EventKind] ?? i.eventKind) : null,
      link: i.refType && i.refId ? (LINKS[i.refType]?.(i.refId) ?? null) : null,
    })),
    trend: trend.map((t) => ({ ...t, grade: GRADES[t.grade as Grade] })),
  };
}
