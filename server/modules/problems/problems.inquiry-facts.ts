import { type SQL, sql } from 'drizzle-orm';

/**
 * Problems' read model for 质询 (SPEC M6 督+述, docs/decisions/006): the units' dispatched problems past their
 * deadline and not closed on `today`, as (unit_id, source, source_id, source_code, title, since) rows;
 * since = the deadline.
 */
export function problemInquiryFacts(regionId: string, unitIds: string, today: string): SQL {
  return sql`(
    SELECT p.unit_id, 'problem' AS source, p.id AS source_id, p.code AS source_code, p.title, p.deadline AS since
    FROM problems p
    WHERE p.region_id = ${regionId} AND p.unit_id = ANY(${unitIds}::uuid[]) AND p.deleted_at IS NULL
      AND p.state IN ('dispatched', 'rectifying', 'close_requested') AND p.deadline < ${today}::date
  )`;
}
