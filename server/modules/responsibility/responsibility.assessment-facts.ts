import { type SQL, sql } from 'drizzle-orm';

/**
 * 明责's person-level read model for leader systems (issue #15, docs/decisions/006): the items of the lists issued
 * to a person (a county leader's own lists) that fall due in the period, one row each — (person_id, kind,
 * ref_type, ref_id, ref_code, title, occurred_on), date: the item's deadline.
 * - responsibility.person_ontime: fulfilled by the deadline
 * - responsibility.person_overdue: fulfilled after it, or not fulfilled and the deadline is before `today`
 * Items not yet due and not fulfilled are in neither.
 */
export function responsibilityPersonAssessmentEvents(regionId: string, from: string, to: string, today: string): SQL {
  return sql`(
    SELECT d.recipient_person_id AS person_id,
      CASE WHEN i.fulfilled_on <= i.deadline THEN 'responsibility.person_ontime'
        ELSE 'responsibility.person_overdue' END AS kind,
      'dispatch' AS ref_type, d.id AS ref_id, d.code AS ref_code, d.title || '：' || i.content AS title,
      i.deadline AS occurred_on
    FROM dispatches d JOIN dispatch_items i ON i.dispatch_id = d.id
    WHERE d.region_id = ${regionId} AND d.deleted_at IS NULL AND d.state <> 'draft'
      AND d.recipient_person_id IS NOT NULL AND i.deadline BETWEEN ${from}::date AND ${to}::date
      AND (i.fulfilled_on IS NOT NULL OR i.deadline < ${today}::date)
  )`;
}
