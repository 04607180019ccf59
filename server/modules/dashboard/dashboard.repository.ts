import { type SQL, sql } from 'drizzle-orm';
import { STALL_LINKS, type StallLink } from '../../../common/dashboard.js';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import { caseOverreachFacts } from '../cases/cases.overreach-facts.js';
import { notificationBurdenFacts } from '../notifications/notifications.burden-facts.js';
import { problemBurdenFacts } from '../problems/problems.burden-facts.js';
import { responsibilityBurdenFacts } from '../responsibility/responsibility.burden-facts.js';
import { warningBurdenFacts } from '../warnings/warnings.burden-facts.js';
import { caseStallSpans } from '../cases/cases.stall-facts.js';
import { personDirectory, unitDirectory } from '../org/org.directory.js';
import { findingStallSpans } from '../patrol/patrol.stall-facts.js';
import { problemStallSpans } from '../problems/problems.stall-facts.js';
import { talkOverreachFacts } from '../talks/talks.overreach-facts.js';
import { warningOverreachFacts } from '../warnings/warnings.overreach-facts.js';
import { warningStallSpans } from '../warnings/warnings.stall-facts.js';

export interface StallFilter {
  regionId: string;
  from: string;
  to: string;
  now: Date;
  /** Only these units (`null` = every unit of the region). */
  unitIds: string[] | null;
}

export interface StallFigureRow {
  link: StallLink;
  unitId: string;
  unitName: string;
  count: number;
  medianDays: number;
  p90Days: number;
  stuck: number;
}

/** The default limit of each link in days (NULL: the module's own deadline only). */
const limits = sql.join(
  Object.entries(STALL_LINKS).map(([link, l]) => sql`(${link}, ${l.limitDays}::int)`),
  sql`, `,
);

/**
 * Count, median and p90 days spent, and the open spans beyond their limit, per link and unit, in one statement
 * over the spans the owning modules publish (docs/decisions/006).
 */
export async function stallFigures(db: Executor, f: StallFilter): Promise<StallFigureRow[]> {
  return (await stallGroups(db, f, 'unit')).map(({ key, name, units: _, ...r }) => ({
    ...r,
    unitId: key,
    unitName: name,
  }));
}

/**
 * The same figures per county leader in charge (分管县领导) of the units the spans belong to; units without one are
 * left out. `units`: how many of the leader's units had spans in the link.
 */
export async function leaderStallFigures(db: Executor, f: StallFilter) {
  return stallGroups(db, f, 'leader');
}

async function stallGroups(db: Executor, f: StallFilter, by: 'unit' | 'leader') {
  const now = sql`${f.now.toISOString()}::timestamptz`;
  const spans: SQL[] = [problemStallSpans, warningStallSpans, findingStallSpans, caseStallSpans].map((spansOf) =>
    spansOf(f.regionId, f.from, f.to),
  );
  const units =
    f.unitIds === null
      ? sql``
      : sql`AND s.unit_id IN (${
          f.unitIds.length
            ? sql.join(
                f.unitIds.map((id) => sql`${id}::uuid`),
                sql`, `,
              )
            : sql`NULL`
        })`;
  const group =
    by === 'unit'
      ? { key: sql`s.unit_id`, name: sql`u.name`, join: sql`` }
      : {
          key: sql`u.leader_in_charge_person_id`,
          name: sql`p.name`,
          join: sql`JOIN ${personDirectory('p')} ON p.id = u.leader_in_charge_person_id`,
        };
  const result = await db.execute(sql`
    SELECT s.link, ${group.key} AS key, ${group.name} AS name, count(DISTINCT s.unit_id)::int AS units,
      count(*)::int AS count,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days) AS "medianDays",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY d.days) AS "p90Days",
      count(*) FILTER (WHERE s.ended_at IS NULL
        AND ${now} > COALESCE(s.limit_at, s.started_at + make_interval(days => lim.days)))::int AS stuck
    FROM (${sql.join(spans, sql` UNION ALL `)}) s
    JOIN (VALUES ${limits}) lim(link, days) ON lim.link = s.link
    JOIN ${unitDirectory('u')} ON u.id = s.unit_id
    ${group.join}
    CROSS JOIN LATERAL (
      SELECT extract(epoch FROM (COALESCE(s.ended_at, ${now}) - s.started_at)) / 86400.0 AS days) d
    WHERE u.region_id = ${f.regionId} ${units}
    GROUP BY 1, 2, 3`);
  type Row = Omit<StallFigureRow, 'unitId' | 'unitName'> & { key: string; name: string; units: number };
  return rowsOf<Row>(result).map((r) => ({
    ...r,
    units: Number(r.units),
    medianDays: Number(r.medianDays),
    p90Days: Number(r.p90Days),
  }));
}

/** Whether `unitId` is a unit of the region (an unknown or foreign unit answers 404). */
export async function unitInRegion(db: Executor, regionId: string, unitId: string): Promise<boolean> {
  const result = await db.execute(
    sql`SELECT 1 FROM ${unitDirectory('u')} WHERE u.id = ${unitId} AND u.region_id = ${regionId} AND u.deleted_at IS NULL`,
  );
  return rowsOf(result).length > 0;
}

export interface OverreachRow {
  unitId: string;
  unitName: string;
  cases: number;
  casesCatchAll: number;
  warnings: number;
  warningsCatchAll: number;
  talks: number;
  forms: number[];
}

/**
 * Per unit of the region with any act in [from, to]: case subjects decided (and under the catch-all), 提醒函 issued
 * (and under the catch-all), talks of the first form, and acts by 四种形态 — one statement over the read models the
 * cases, warnings and talks modules publish (docs/decisions/006).
 */
export async function overreachRows(
  db: Executor,
  regionId: string,
  from: string,
  to: string,
  catchAll: number,
): Promise<OverreachRow[]> {
  const rows = rowsOf<Record<string, string | number>>(
    await db.execute(sql`
    WITH acts AS (
      SELECT unit_id, 'case' AS src, situation AS item, form_of_four FROM ${caseOverreachFacts(regionId, from, to)} c
      UNION ALL
      SELECT unit_id, 'warning', article, NULL FROM ${warningOverreachFacts(regionId, from, to)} w
      UNION ALL
      SELECT unit_id, 'talk', NULL, form_of_four FROM ${talkOverreachFacts(regionId, from, to)} t
    )
    SELECT a.unit_id, COALESCE(NULLIF(u.short_name, ''), u.name) AS unit_name,
      count(*) FILTER (WHERE src = 'case')::int AS cases,
      count(*) FILTER (WHERE src = 'case' AND item = ${catchAll})::int AS cases_catch_all,
      count(*) FILTER (WHERE src = 'warning')::int AS warnings,
      count(*) FILTER (WHERE src = 'warning' AND item = ${catchAll})::int AS warnings_catch_all,
      count(*) FILTER (WHERE src = 'talk')::int AS talks,
      count(*) FILTER (WHERE form_of_four = 1)::int AS f1, count(*) FILTER (WHERE form_of_four = 2)::int AS f2,
      count(*) FILTER (WHERE form_of_four = 3)::int AS f3, count(*) FILTER (WHERE form_of_four = 4)::int AS f4
    FROM acts a JOIN ${unitDirectory('u')} ON u.id = a.unit_id AND u.region_id = ${regionId}
    GROUP BY a.unit_id, u.short_name, u.name`),
  );
  return rows.map((r) => ({
    unitId: String(r.unit_id),
    unitName: String(r.unit_name),
    cases: Number(r.cases),
    casesCatchAll: Number(r.cases_catch_all),
    warnings: Number(r.warnings),
    warningsCatchAll: Number(r.warnings_catch_all),
    talks: Number(r.talks),
    forms: [Number(r.f1), Number(r.f2), Number(r.f3), Number(r.f4)],
  }));
}

/** (unit, kind, n, reused) of every unit of the region with any demand in [from, to], with the unit's name. */
export async function burdenRows(db: Executor, regionId: string, from: string, to: string) {
  const facts = [problemBurdenFacts, warningBurdenFacts, responsibilityBurdenFacts, notificationBurdenFacts].map(
    (f) => sql`SELECT unit_id, kind, n, reused FROM ${f(regionId, from, to)} x`,
  );
  const rows = rowsOf<{ unit_id: string; unit_name: string; kind: string; n: number; reused: number }>(
    await db.execute(sql`
    SELECT b.unit_id, COALESCE(NULLIF(u.short_name, ''), u.name) AS unit_name, b.kind, b.n, b.reused
    FROM (${sql.join(facts, sql` UNION ALL `)}) b
    JOIN ${unitDirectory('u')} ON u.id = b.unit_id AND u.region_id = ${regionId}`),
  );
  return rows.map((r) => ({
    unitId: r.unit_id,
    unitName: r.unit_name,
    kind: r.kind,
    n: Number(r.n),
    reused: Number(r.reused),
  }));
}
