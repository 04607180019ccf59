import { type SQL, sql } from 'drizzle-orm';

/**
 * Talks' read model for the assessment (SPEC M6, docs/decisions/006): 约谈 of a unit's leadership held in a
 * period (recorded or closed), one row each in the assessment's event shape (date: the day of the talk).
 */
export function talkAssessmentEvents(regionId: string, from: string, to: string): SQL {
  return sql`(
    SELECT t.subject_unit_id AS unit_id, 'talks.interview' AS kind, 'talk' AS ref_type, t.id AS ref_id,
      t.code AS ref_code, t.reason AS title, t.talk_on AS occurred_on
    FROM talks t
    WHERE t.region_id = ${regionId} AND t.deleted_at IS NULL AND t.kind = 'interview'
      AND t.subject_unit_id IS NOT NULL AND t.state IN ('recorded', 'closed')
      AND t.talk_on BETWEEN ${from}::date AND ${to}::date
  )`;
}

/**
 * Talks' person-level read model for leader systems (issue #15): 约谈 and 提醒谈话 held in a period (recorded or
 * closed) with a person among the 谈话对象, one row per person and talk — (person_id, kind, ref_type, ref_id,
 * ref_code, title, occurred_on), date: the day of the talk.
 */
export function talkPersonAssessmentEvents(regionId: string, from: string, to: string): SQL {
  return sql`(
    SELECT s.person_id, CASE t.kind WHEN 'interview' THEN 'talks.person_interview' ELSE 'talks.person_reminder' END
        AS kind,
      'talk' AS ref_type, t.id AS ref_id, t.code AS ref_code, t.reason AS title, t.talk_on AS occurred_on
    FROM talks t CROSS JOIN LATERAL unnest(t.subject_person_ids) AS s(person_id)
    WHERE t.region_id = ${regionId} AND t.deleted_at IS NULL AND t.kind IN ('interview', 'reminder')
      AND t.state IN ('recorded', 'closed') AND t.talk_on BETWEEN ${from}::date AND ${to}::date
  )`;
}
