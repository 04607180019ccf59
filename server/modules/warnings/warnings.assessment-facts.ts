import { type SQL, sql } from 'drizzle-orm';
import { chinaDate } from '../../platform/calendar/calendar.sql.js';

/**
 * Warnings' read model for the assessment (SPEC M6, docs/decisions/006): 模拟问责 warnings issued to a region's
 * units in a period, one row each in the assessment's event shape (date: the day it was issued).
 */
export function warningAssessmentEvents(regionId: string, from: string, to: string): SQL {
  const issuedOn = chinaDate(sql`w.issued_at`);
  return sql`(
    SELECT w.unit_id, 'warnings.issued' AS kind, 'warning' AS ref_type, w.id AS ref_id, w.code AS ref_code,
      COALESCE(s.name, '模拟问责预警') AS title, ${issuedOn} AS occurred_on
    FROM warnings w LEFT JOIN situations s ON s.id = w.situation_id
    WHERE w.region_id = ${regionId} AND w.issued_at IS NOT NULL
      AND ${issuedOn} BETWEEN ${from}::date AND ${to}::date
  )`;
}
