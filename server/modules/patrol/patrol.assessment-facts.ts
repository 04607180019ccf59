import { type SQL, sql } from 'drizzle-orm';
import { chinaDate } from '../../platform/calendar/calendar.sql.js';

/**
 * Patrol's read model for the assessment (SPEC M6, docs/decisions/006): positive typical cases (正面典型) of a
 * unit published in a period, one row each in the assessment's event shape (date: publication).
 */
export function patrolAssessmentEvents(regionId: string, from: string, to: string): SQL {
  const publishedOn = chinaDate(sql`c.published_at`);
  return sql`(
    SELECT c.unit_id, 'patrol.positive_case' AS kind, 'typical_case' AS ref_type, c.id AS ref_id,
      NULL::text AS ref_code, c.title, ${publishedOn} AS occurred_on
    FROM patrol_cases c
    WHERE c.region_id = ${regionId} AND c.kind = 'positive' AND c.unit_id IS NOT NULL
      AND c.published_at IS NOT NULL AND ${publishedOn} BETWEEN ${from}::date AND ${to}::date
  )`;
}
