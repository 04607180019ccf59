import { type SQL, sql } from 'drizzle-orm';
import { STALL_LINKS, type StallLink } from '../../../common/dashboard.js';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import { caseStallSpans } from '../cases/cases.stall-facts.js';
import { unitDirectory } from '../org/org.directory.js';
import { findingStallSpans } from '../patrol/patrol.stall-facts.js';
import { problemStallSpans } from '../problems/problems.stall-facts.js';
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
  const result = await db.execute(sql`
    SELECT s.link, s.unit_id AS "unitId", u.name AS "unitName", count(*)::int AS count,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY d.days) AS "medianDays",
      percentile_cont(0.9) WITHIN GROUP (ORDER BY d.days) AS "p90Days",
      count(*) FILTER (WHERE s.ended_at IS NULL
        AND ${now} > COALESCE(s.limit_at, s.started_at + make_interval(days => lim.days)))::int AS stuck
    FROM (${sql.join(spans, sql` UNION ALL `)}) s
    JOIN (VALUES ${limits}) lim(link, days) ON lim.link = s.link
    JOIN ${unitDirectory('u')} ON u.id = s.unit_id
    CROSS JOIN LATERAL (
      SELECT extract(epoch FROM (COALESCE(s.ended_at, ${now}) - s.started_at)) / 86400.0 AS days) d
    WHERE u.region_id = ${f.regionId} ${units}
    GROUP BY s.link, s.unit_id, u.name`);
  return rowsOf<StallFigureRow>(result).map((r) => ({
    ...r,
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
