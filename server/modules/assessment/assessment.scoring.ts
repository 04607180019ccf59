import { type SQL, sql } from 'drizzle-orm';
import { METRICS, type MetricKey, SURVEY_SCALE } from '../../../common/assessment.js';
import type { TAssessmentSettings } from '../../../common/assessment.schema.js';
import type { Executor } from '../../platform/db/client.js';
import { assessedLeaders, assessedUnits } from '../org/org.assessment-facts.js';
import { responsibilityFulfilmentByUnit } from '../responsibility/responsibility.service.js';
import { assessmentEvents, leaderAssessmentEvents } from './assessment.providers.js';
import { chinaDayIn } from '../../platform/calendar/calendar.sql.js';

export interface Run {
  id: string;
  regionId: string;
  systemId: string;
  periodFrom: string;
  periodTo: string;
  revision: number;
}

const metricsOf = (shape: 'count' | 'rate' | 'veto') =>
  (Object.keys(METRICS) as MetricKey[]).filter((k) => METRICS[k].shape === shape);
const textArray = (xs: string[]) =>
  sql`ARRAY[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::text[]`;
const ORDER = sql.raw(`ARRAY['excellent', 'good', 'fair', 'poor']::text[]`);
const SCALE = sql.raw(`ARRAY[${SURVEY_SCALE.map((s) => s.points).join(', ')}]::numeric[]`);

/** What a run assesses: the system's unit type and subject kind. */
export interface Subjects {
  unitType: string | null;
  subjectKind: string;
}

/** The assessed subjects as (id, type, name): units, or a leader system's persons (type 'leader'). */
export const subjectsOf = (regionId: string, x: Subjects) =>
  x.subjectKind === 'leader' ? assessedLeaders(regionId, x.unitType) : assessedUnits(regionId, x.unitType);

/**
 * Computes one revision of a run, set-wise: a handful of INSERT … SELECT statements over every subject (unit, or
 * person in a leader system) and every indicator at once (no per-subject loop), each point an item with its cause.
 * Idempotent: the revision's rows are replaced. `today` decides which open problems are already overdue.
 */
export async function computeRun(db: Executor, run: Run, x: Subjects, s: TAssessmentSettings, today: string) {
  const { id: a, revision: r } = run;
  const year = Number(run.periodTo.slice(0, 4));
  const leader = x.subjectKind === 'leader';
  await db.execute(sql`DELETE FROM assessment_items WHERE assessment_id = ${a} AND revision = ${r}`);
  await db.execute(sql`DELETE FROM assessment_results WHERE assessment_id = ${a} AND revision = ${r}`);
  const fulfilment = leader ? [] : await responsibilityFulfilmentByUnit(db, run.regionId, year);
  const events = (leader ? leaderAssessmentEvents : assessmentEvents)(
    run.regionId,
    run.periodFrom,
    run.periodTo,
    today,
  );
  const ctes = sql`
    u AS ${subjectsOf(run.regionId, x)},
    l AS (SELECT id, name, weight, method, metric, veto FROM indicators WHERE system_id = ${run.systemId} AND method <> 'group'),
    rl AS (SELECT * FROM jsonb_to_recordset(${JSON.stringify(s.rules)}::jsonb) AS x(kind text, points numeric, basis text)),
    e(unit_id, kind, ref_type, ref_id, ref_code, title, occurred_on) AS (SELECT DISTINCT * FROM ${events} ev)`;
  const insert = (select: SQL) =>
    db.execute(sql`INSERT INTO assessment_items (assessment_id, revision, unit_id, indicator_id, kind, event_kind,
      ref_type, ref_id, ref_code, occurred_on, points, reason) WITH ${ctes} ${select}`);

  // Events: deductions inside their indicator, bonuses outside the tree, 一票否决 with its cause.
  await insert(sql`
    SELECT ${a}::uuid, ${r}::int, e.unit_id, l.id, 'event', e.kind, e.ref_type, e.ref_id, e.ref_code, e.occurred_on,
      rl.points, rl.basis || '：' || e.title
    FROM e JOIN u ON u.id = e.unit_id JOIN l ON l.method = 'metric' AND l.metric = e.kind AND NOT l.veto
      AND l.metric = ANY(${textArray(metricsOf('count'))}) JOIN rl ON rl.kind = e.kind AND rl.points < 0
    UNION ALL
    SELECT ${a}::uuid, ${r}::int, e.unit_id, NULL::uuid, 'event', e.kind, e.ref_type, e.ref_id, e.ref_code, e.occurred_on,
      rl.points, rl.basis || '：' || e.title
    FROM e JOIN u ON u.id = e.unit_id JOIN rl ON rl.kind = e.kind AND rl.points > 0
    UNION ALL
    SELECT ${a}::uuid, ${r}::int, e.unit_id, l.id, 'veto', e.kind, e.ref_type, e.ref_id, e.ref_code, e.occurred_on, 0,
      '一票否决（' || l.name || '）：' || e.title
    FROM e JOIN u ON u.id = e.unit_id JOIN l ON l.veto AND l.metric = e.kind`);

  // Each leaf of each unit: its base, rate, ratings or 民主测评 — or "无数据" with full points, said so.
  // On time / due, of problems (a unit) or of the person's own responsibility-list items (a leader).
  const [ontime, overdue] = leader
    ? ['responsibility.person_ontime', 'responsibility.person_overdue']
    : ['problems.ontime', 'problems.overdue'];
  const rate = sql`(SELECT e.unit_id, count(*) FILTER (WHERE e.kind = ${ontime}) AS ok, count(*) AS due
    FROM e WHERE e.kind IN (${ontime}, ${overdue}) GROUP BY e.unit_id)`;
  const ratings = sql`(SELECT unit_id, indicator_id, avg(score) AS avg, count(*) AS n,
      string_agg(evaluator || ' ' || score::text, '、' ORDER BY evaluator) AS who
    FROM assessment_ratings WHERE assessment_id = ${a} GROUP BY unit_id, indicator_id)`;
  // 民主测评 and 述职评议 count for whom they assess: a unit system reads the surveys of a unit's leadership (no
  // person named) and every reporting unit, whoever spoke for it; a leader system those naming the person.
  const whom = leader ? sql.raw('person_id') : sql.raw('unit_id');
  const ofWhom = leader ? sql.raw('IS NOT NULL') : sql.raw('IS NULL');
  const surveys = sql`(SELECT s.${whom} AS unit_id, avg((${SCALE})[x.v + 1]) AS avg, count(DISTINCT b.id) AS n
    FROM surveys s JOIN survey_ballots b ON b.survey_id = s.id CROSS JOIN LATERAL unnest(b.answers) AS x(v)
    WHERE s.region_id = ${run.regionId} AND s.year = ${year} AND s.person_id ${ofWhom} GROUP BY s.${whom})`;
  // 述职评议: the mean score per meeting ended in the period, then the mean over those meetings.
  const evaluated = sql`(SELECT x.unit_id, avg(x.avg) AS avg, count(*) AS n FROM (
      SELECT r.${whom} AS unit_id, r.id, avg(es.score) AS avg FROM evaluations ev
        JOIN evaluation_reporters r ON r.evaluation_id = ev.id JOIN evaluation_scores es ON es.reporter_id = r.id
      WHERE ev.region_id = ${run.regionId} AND ev.state = 'closed' AND r.${whom} IS NOT NULL
        AND ${chinaDayIn(sql`ev.held_at`, run.periodFrom, run.periodTo)}
      GROUP BY r.${whom}, r.id) x GROUP BY x.unit_id)`;
  const resp = sql`(SELECT * FROM jsonb_to_recordset(${JSON.stringify(fulfilment)}::jsonb)
    AS x("unitId" uuid, "itemsDue" int, "itemsOnTime" int))`;
  await insert(sql`
    SELECT ${a}::uuid, ${r}::int, u.id, l.id,
      CASE
        WHEN l.method = 'metric' AND l.metric IN ('problems.rectification_rate', 'responsibility.person_fulfilment')
          THEN 'rate'
        WHEN l.method = 'metric' AND l.metric = 'responsibility.fulfilment' THEN 'rate'
        WHEN l.method = 'metric' AND l.metric IN ('evaluations.average', 'evaluations.person_average')
          THEN CASE WHEN ev.n IS NULL THEN 'no_data' ELSE 'rate' END
        WHEN l.method = 'metric' THEN 'base'
        WHEN l.method = 'qualitative' THEN CASE WHEN rt.n IS NULL THEN 'no_data' ELSE 'rating' END
        ELSE CASE WHEN sv.n IS NULL THEN 'no_data' ELSE 'survey' END
      END,
      NULL, NULL, NULL, NULL, NULL,
      round(CASE
        WHEN l.metric IN ('problems.rectification_rate', 'responsibility.person_fulfilment') AND COALESCE(rp.due, 0) > 0
          THEN l.weight * rp.ok / rp.due
        WHEN l.metric = 'responsibility.fulfilment' AND COALESCE(rs."itemsDue", 0) > 0
          THEN l.weight * rs."itemsOnTime" / rs."itemsDue"
        WHEN l.metric IN ('evaluations.average', 'evaluations.person_average') AND ev.n IS NOT NULL
          THEN l.weight * ev.avg / 100
        WHEN l.method = 'qualitative' AND rt.n IS NOT NULL THEN l.weight * rt.avg / 100
        WHEN l.method = 'questionnaire' AND sv.n IS NOT NULL THEN l.weight * sv.avg / 100
        ELSE l.weight
      END, 2),
      CASE
        WHEN l.metric = 'problems.rectification_rate' THEN CASE WHEN COALESCE(rp.due, 0) = 0 THEN '期内无到期问题，得满分'
          ELSE '按期销号 ' || rp.ok || ' 件 / 到期 ' || rp.due || ' 件' END
        WHEN l.metric = 'responsibility.person_fulfilment' THEN CASE
          WHEN COALESCE(rp.due, 0) = 0 THEN '期内无到期的本人责任清单事项，得满分'
          ELSE '本人责任清单事项按期履责 ' || rp.ok || ' 项 / 到期 ' || rp.due || ' 项（逐项见“本人责任清单事项逾期”）' END
        WHEN l.metric = 'responsibility.fulfilment' THEN CASE
          WHEN COALESCE(rs."itemsDue", 0) = 0 THEN '期内无应履职事项，得满分'
          ELSE '按期履职 ' || rs."itemsOnTime" || ' 项 / 应履职 ' || rs."itemsDue" || ' 项' END
        WHEN l.metric IN ('evaluations.average', 'evaluations.person_average') THEN CASE
          WHEN ev.n IS NULL THEN '无数据（期内无已结束的述职评议），暂按满分'
          ELSE '述职评议 ' || ev.n || ' 次，平均 ' || round(ev.avg, 2) || ' 分' END
        WHEN l.method = 'metric' THEN '基础分'
        WHEN l.method = 'qualitative' THEN CASE WHEN rt.n IS NULL THEN '无数据（评价人尚未打分），暂按满分'
          ELSE '评价人打分平均 ' || round(rt.avg, 2) || '（' || rt.who || '）' END
        ELSE CASE WHEN sv.n IS NULL THEN '无数据（本年度无民主测评答卷），暂按满分'
          ELSE '民主测评 ' || sv.n || ' 份答卷，平均 ' || round(sv.avg, 2) || ' 分' END
      END
    FROM u CROSS JOIN l
      LEFT JOIN ${rate} rp ON rp.unit_id = u.id
      LEFT JOIN ${resp} rs ON rs."unitId" = u.id
      LEFT JOIN ${evaluated} ev ON ev.unit_id = u.id
      LEFT JOIN ${ratings} rt ON rt.unit_id = u.id AND rt.indicator_id = l.id
      LEFT JOIN ${surveys} sv ON sv.unit_id = u.id`);

  // Caps: an indicator loses at most its weight; bonuses stop at the cap.
  await db.execute(sql`INSERT INTO assessment_items (assessment_id, revision, unit_id, indicator_id, kind, points, reason)
    SELECT ${a}::uuid, ${r}::int, i.unit_id, i.indicator_id, 'cap', -i.weight - sum(i.points),
      '扣分以该项分值 ' || i.weight || ' 分为限（共扣 ' || -sum(i.points) || ' 分）'
    FROM (SELECT it.*, l.weight FROM assessment_items it JOIN indicators l ON l.id = it.indicator_id
      WHERE it.assessment_id = ${a} AND it.revision = ${r} AND it.kind = 'event') i
    GROUP BY i.unit_id, i.indicator_id, i.weight HAVING sum(i.points) < -i.weight
    UNION ALL
    SELECT ${a}::uuid, ${r}::int, unit_id, NULL::uuid, 'cap', ${s.bonusCap}::numeric - sum(points),
      '加分以 ' || ${s.bonusCap}::numeric || ' 分为限（共加 ' || sum(points) || ' 分）'
    FROM assessment_items WHERE assessment_id = ${a} AND revision = ${r} AND kind = 'event' AND indicator_id IS NULL
    GROUP BY unit_id HAVING sum(points) > ${s.bonusCap}::numeric`);

  // Results: score, rank within the unit type (a leader system: among its persons; ties share a rank), grade,
  // capped by a veto.
  const t = s.thresholds;
  await db.execute(sql`INSERT INTO assessment_results (assessment_id, revision, unit_id, unit_type, score, rank, rank_of, grade, vetoed)
    WITH u AS ${subjectsOf(run.regionId, x)},
    sc AS (SELECT u.id, u.type, round(COALESCE(sum(i.points), 0), 2) AS score, bool_or(i.kind = 'veto') IS TRUE AS vetoed
      FROM u LEFT JOIN assessment_items i ON i.unit_id = u.id AND i.assessment_id = ${a} AND i.revision = ${r}
      GROUP BY u.id, u.type)
    SELECT ${a}::uuid, ${r}::int, id, type, score, rank() OVER (PARTITION BY type ORDER BY score DESC),
      count(*) OVER (PARTITION BY type),
      CASE WHEN vetoed AND array_position(${ORDER}, ${s.vetoGrade}::text) > array_position(${ORDER}, g) THEN ${s.vetoGrade}::text
        ELSE g END,
      vetoed
    FROM (SELECT sc.*, CASE WHEN score >= ${t.excellent} THEN 'excellent' WHEN score >= ${t.good} THEN 'good'
      WHEN score >= ${t.fair} THEN 'fair' ELSE 'poor' END AS g FROM sc) sc
  `);
}
