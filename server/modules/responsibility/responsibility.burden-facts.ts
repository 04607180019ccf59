import { type SQL, sql } from 'drizzle-orm';
import { chinaDayIn } from '../../platform/calendar/calendar.sql.js';

/**
 * 明责's read model for the burden meter (减负, docs/decisions/006): per unit, in [from, to] (Asia/Shanghai days),
 * the responsibility items dispatched to it, the 履责纪实 records it made, and the quarterly reports it submitted —
 * each report with the records it reused (assembled from the quarter's records, never typed again). Rows of
 * (unit_id, kind, n, reused); lists to a county leader (no unit) are not a unit's burden.
 */
export function responsibilityBurdenFacts(regionId: string, from: string, to: string): SQL {
  const inPeriod = (at: SQL) => chinaDayIn(at, from, to);
  return sql`(
    SELECT d.unit_id, 'responsibility.items' AS kind, count(*)::int AS n, 0 AS reused
    FROM dispatch_items i JOIN dispatches d ON d.id = i.dispatch_id
    WHERE d.region_id = ${regionId} AND d.unit_id IS NOT NULL AND d.issued_on BETWEEN ${from}::date AND ${to}::date
    GROUP BY d.unit_id
    UNION ALL
    SELECT d.unit_id, 'responsibility.records', count(*)::int, 0
    FROM fulfilments f JOIN dispatches d ON d.id = f.dispatch_id
    WHERE d.region_id = ${regionId} AND d.unit_id IS NOT NULL AND ${inPeriod(sql`f.created_at`)}
    GROUP BY d.unit_id
    UNION ALL
    SELECT r.unit_id, 'responsibility.reports', count(*)::int,
      COALESCE(sum((SELECT count(*) FROM fulfilments f JOIN dispatches d ON d.id = f.dispatch_id
        WHERE d.unit_id = r.unit_id AND d.year = r.year AND d.quarter = r.quarter)), 0)::int
    FROM responsibility_reports r
    WHERE r.region_id = ${regionId} AND r.unit_id IS NOT NULL AND r.submitted_at IS NOT NULL
      AND ${inPeriod(sql`r.submitted_at`)}
    GROUP BY r.unit_id
  )`;
}
