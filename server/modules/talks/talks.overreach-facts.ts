import { type SQL, sql } from 'drizzle-orm';

/**
 * Talks' read model for the over-reach monitor (问责泛化, docs/decisions/006): one row per talk held in [from, to]
 * that counts as an application of the first of the 四种形态 (谈话提醒、诫勉、约谈) — its unit and that form.
 */
export function talkOverreachFacts(regionId: string, from: string, to: string): SQL {
  return sql`(
    SELECT COALESCE(t.subject_unit_id, t.unit_ids[1]) AS unit_id, t.form_of_four
    FROM talks t
    WHERE t.region_id = ${regionId} AND t.deleted_at IS NULL AND t.form_of_four IS NOT NULL
      AND t.state IN ('recorded', 'closed') AND t.talk_on BETWEEN ${from}::date AND ${to}::date
  )`;
}
