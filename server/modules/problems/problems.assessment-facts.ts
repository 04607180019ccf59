import { type SQL, sql } from 'drizzle-orm';
import { unitDirectory } from '../org/org.directory.js';
import { chinaDate, chinaDayIn } from '../../platform/calendar/calendar.sql.js';

/**
 * Problems' read model for the assessment (SPEC M6, docs/decisions/006): the events of a region's problems in a
 * period, one row each — (unit_id, kind, ref_type, ref_id, ref_code, title, occurred_on) — as a subquery the
 * assessment joins set-wise. An event belongs to the period of its own date, whenever it is recorded.
 * - problems.overdue: due in the period and not closed by the deadline, as of `today` (date: the deadline)
 * - problems.ontime: due in the period and closed by the deadline (date: the deadline)
 * - problems.circular / interview / listed: escalated to 通报 / 约谈 / 挂牌督办 (date: the escalation)
 * - problems.major_accident: a problem of category 特别重大事故 registered in the period
 */
export function problemAssessmentEvents(regionId: string, from: string, to: string, today: string): SQL {
  const closedOn = chinaDate(sql`p.closed_at`);
  const escalatedOn = chinaDate(sql`e.at`);
  return sql`(
    SELECT p.unit_id, CASE WHEN p.closed_at IS NOT NULL AND ${closedOn} <= p.deadline
        THEN 'problems.ontime' ELSE 'problems.overdue' END AS kind,
      'problem' AS ref_type, p.id AS ref_id, p.code AS ref_code, p.title, p.deadline AS occurred_on
    FROM problems p
    WHERE p.region_id = ${regionId} AND p.deleted_at IS NULL AND p.state <> 'draft'
      AND p.deadline BETWEEN ${from}::date AND ${to}::date
      AND (p.closed_at IS NOT NULL OR p.deadline < ${today}::date)
    UNION ALL
    SELECT p.unit_id, CASE (e.payload->>'level')::int WHEN 1 THEN 'problems.circular'
        WHEN 2 THEN 'problems.interview' ELSE 'problems.listed' END,
      'problem', p.id, p.code, p.title, ${escalatedOn}
    FROM problem_events e JOIN problems p ON p.id = e.problem_id
    WHERE p.region_id = ${regionId} AND p.deleted_at IS NULL AND e.type = 'escalate'
      AND (e.payload->>'level')::int BETWEEN 1 AND 3
      AND ${escalatedOn} BETWEEN ${from}::date AND ${to}::date
    UNION ALL
    SELECT p.unit_id, 'problems.major_accident', 'problem', p.id, p.code, p.title,
      ${chinaDate(sql`p.created_at`)}
    FROM problems p
    WHERE p.region_id = ${regionId} AND p.deleted_at IS NULL AND p.category = '特别重大事故'
      AND ${chinaDayIn(sql`p.created_at`, from, to)}
  )`;
}

/**
 * Problems' person-level read model for leader systems (issue #15): problems due in the period and not closed by
 * their deadline (as of `today`), charged to the county leader in charge recorded on the problem (分管) and to the
 * principal of the unit responsible (主管) — (person_id, kind, ref_type, ref_id, ref_code, title, occurred_on),
 * date: the deadline. A person both leader and principal of it is charged once.
 */
export function problemPersonAssessmentEvents(regionId: string, from: string, to: string, today: string): SQL {
  const closedOn = chinaDate(sql`p.closed_at`);
  return sql`(
    SELECT DISTINCT x.person_id, 'problems.charge_overdue' AS kind, 'problem' AS ref_type, p.id AS ref_id,
      p.code AS ref_code, COALESCE(NULLIF(u.short_name, ''), u.name) || '：' || p.title AS title,
      p.deadline AS occurred_on
    FROM problems p
    JOIN ${unitDirectory('u')} ON u.id = p.unit_id
    CROSS JOIN LATERAL (VALUES (p.leader_person_id), (u.principal_person_id)) AS x(person_id)
    WHERE p.region_id = ${regionId} AND p.deleted_at IS NULL AND p.state <> 'draft' AND x.person_id IS NOT NULL
      AND p.deadline BETWEEN ${from}::date AND ${to}::date
      AND (CASE WHEN p.closed_at IS NOT NULL THEN ${closedOn} > p.deadline ELSE p.deadline < ${today}::date END)
  )`;
}
