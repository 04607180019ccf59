import { type SQL, sql } from 'drizzle-orm';
import { chinaDate } from '../../platform/calendar/calendar.sql.js';

/**
 * Warnings' read model for 质询 (SPEC M6 督+述, docs/decisions/006): 模拟问责 reminders issued to the units and
 * not yet resolved, as (unit_id, source, source_id, source_code, title, since) rows; since = the day issued.
 */
export function warningInquiryFacts(regionId: string, unitIds: string): SQL {
  return sql`(
    SELECT w.unit_id, 'warning' AS source, w.id AS source_id, w.code AS source_code,
      COALESCE(s.name, '模拟问责预警') AS title, ${chinaDate(sql`w.issued_at`)} AS since
    FROM warnings w LEFT JOIN situations s ON s.id = w.situation_id
    WHERE w.region_id = ${regionId} AND w.unit_id = ANY(${unitIds}::uuid[])
      AND w.state IN ('issued', 'rectifying') AND w.issued_at IS NOT NULL
  )`;
}
