import { type SQL, sql } from 'drizzle-orm';
import { chinaDayIn } from '../../platform/calendar/calendar.sql.js';

/**
 * Warnings' read model for the burden meter (减负, docs/decisions/006): per unit, the 提醒函 issued to it in
 * [from, to] (each asks for an answer), as (unit_id, kind, n, reused) rows.
 */
export function warningBurdenFacts(regionId: string, from: string, to: string): SQL {
  return sql`(
    SELECT w.unit_id, 'warnings.letters' AS kind, count(*)::int AS n, 0 AS reused
    FROM warnings w
    WHERE w.region_id = ${regionId} AND w.issued_at IS NOT NULL
      AND ${chinaDayIn(sql`w.issued_at`, from, to)}
    GROUP BY w.unit_id
  )`;
}
