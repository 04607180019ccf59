import { type SQL, sql } from 'drizzle-orm';
import { personDirectory, unitDirectory } from '../org/org.directory.js';
import { chinaDate } from '../../platform/calendar/calendar.sql.js';

/**
 * Cases' read model for the assessment (SPEC M6, docs/decisions/006): accountability decided against a unit or
 * its people, one row per subject held to account, in the assessment's event shape. A case belongs to the
 * period it was opened in (the conduct's period), so an old case decided now lands in its own year: a
 * recomputed run picks it up there, never in the year of the decision.
 * - cases.decided: a subject (the unit, or a person of it) with at least one form decided
 * - cases.principal_sanctioned: the subject is the unit's principal and the heaviest form is of the second
 *   形态 or above (一票否决)
 */
export function caseAssessmentEvents(regionId: string, from: string, to: string): SQL {
  const openedOn = chinaDate(sql`c.created_at`);
  return sql`(
    SELECT COALESCE(s.unit_id, pe.unit_id) AS unit_id,
      CASE WHEN s.person_id IS NOT NULL AND s.person_id = u.principal_person_id AND COALESCE(s.form_of_four, 0) >= 2
        THEN 'cases.principal_sanctioned' ELSE 'cases.decided' END AS kind,
      'case' AS ref_type, c.id AS ref_id, c.code AS ref_code, c.title || '（' || s.name || '）' AS title,
      ${openedOn} AS occurred_on
    FROM cases c
    JOIN case_subjects s ON s.case_id = c.id
    LEFT JOIN ${personDirectory('pe')} ON pe.id = s.person_id
    LEFT JOIN ${unitDirectory('u')} ON u.id = COALESCE(s.unit_id, pe.unit_id)
    WHERE c.region_id = ${regionId} AND c.deleted_at IS NULL AND c.decided_at IS NOT NULL
      AND jsonb_array_length(s.forms) > 0 AND COALESCE(s.unit_id, pe.unit_id) IS NOT NULL
      AND ${openedOn} BETWEEN ${from}::date AND ${to}::date
  )`;
}

/**
 * Cases' person-level read model for leader systems (issue #15): each person held to account in a case opened in
 * the period (the conduct's period, as above), with the forms decided — (person_id, kind, ref_type, ref_id,
 * ref_code, title, occurred_on). Every such subject gives `cases.person_decided`; one whose heaviest form is of the
 * second 形态 or above (组织处理, 纪律处分) gives `cases.person_sanctioned` too (the 一票否决 of a leader).
 */
export function casePersonAssessmentEvents(regionId: string, from: string, to: string): SQL {
  const openedOn = chinaDate(sql`c.created_at`);
  return sql`(
    SELECT s.person_id, k.kind, 'case' AS ref_type, c.id AS ref_id, c.code AS ref_code,
      c.title || '（' || s.name || '：' || (SELECT string_agg(f->>'form', '、') FROM jsonb_array_elements(s.forms) f)
        || '，第' || COALESCE(s.form_of_four, 1) || '种形态）' AS title,
      ${openedOn} AS occurred_on
    FROM cases c
    JOIN case_subjects s ON s.case_id = c.id
    CROSS JOIN LATERAL (VALUES ('cases.person_decided'), ('cases.person_sanctioned')) AS k(kind)
    WHERE c.region_id = ${regionId} AND c.deleted_at IS NULL AND c.decided_at IS NOT NULL
      AND s.person_id IS NOT NULL AND jsonb_array_length(s.forms) > 0
      AND (k.kind = 'cases.person_decided' OR COALESCE(s.form_of_four, 0) >= 2)
      AND ${openedOn} BETWEEN ${from}::date AND ${to}::date
  )`;
}
