import { type SQL, sql } from 'drizzle-orm';
import { chinaDate } from '../../platform/calendar/calendar.sql.js';

/**
 * Patrol's read model for 质询 (SPEC M6 督+述, docs/decisions/006): findings against the units not yet handled —
 * awaiting review or escalated, neither dispatched (a dispatched finding lives on as its problem) nor closed —
 * as (unit_id, source, source_id, source_code, title, since) rows; since = the day it was reported.
 */
export function patrolInquiryFacts(regionId: string, unitIds: string): SQL {
  return sql`(
    SELECT f.unit_id, 'finding' AS source, f.id AS source_id, f.code AS source_code, f.title,
      ${chinaDate(sql`f.created_at`)} AS since
    FROM patrol_findings f
    WHERE f.region_id = ${regionId} AND f.unit_id = ANY(${unitIds}::uuid[]) AND f.state IN ('submitted', 'escalated')
  )`;
}
