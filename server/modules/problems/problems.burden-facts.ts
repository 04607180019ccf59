import { type SQL, sql } from 'drizzle-orm';
import { chinaDayIn } from '../../platform/calendar/calendar.sql.js';

/**
 * Problems' read model for the burden meter (减负, docs/decisions/006): per unit, the problems dispatched to it and
 * the progress reports it filed in [from, to] (Asia/Shanghai days), as (unit_id, kind, n, reused) rows. Counts only.
 */
export function problemBurdenFacts(regionId: string, from: string, to: string): SQL {
  const inPeriod = (at: SQL) => chinaDayIn(at, from, to);
  return sql`(
    SELECT p.unit_id, 'problems.received' AS kind, count(*)::int AS n, 0 AS reused
    FROM problems p
    WHERE p.region_id = ${regionId} AND p.deleted_at IS NULL AND p.dispatched_at IS NOT NULL
      AND ${inPeriod(sql`p.dispatched_at`)}
    GROUP BY p.unit_id
    UNION ALL
    SELECT p.unit_id, 'problems.progress', count(*)::int, 0
    FROM problem_events e JOIN problems p ON p.id = e.problem_id
    WHERE p.region_id = ${regionId} AND p.deleted_at IS NULL AND e.type = 'report_progress' AND ${inPeriod(sql`e.at`)}
    GROUP BY p.unit_id
  )`;
}
