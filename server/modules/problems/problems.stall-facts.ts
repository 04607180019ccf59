import { type SQL, sql } from 'drizzle-orm';
import { endOfDay, startedIn } from '../../platform/db/spans.js';

/**
 * Problems' read model for the stalls view (梗阻点, docs/decisions/006; shape in platform/db/spans.ts): the
 * spans of the problem chain of a region's problems started in [from, to] —
 * 派发→签收 (`problem.receive`), 签收→首次报告进展 (`problem.progress`), 首次进展→申请销号
 * (`problem.close_request`, limited by the 整改期限) and each 申请销号→销号 or 退回 (`problem.close`).
 * A span also ends when the problem leaves the link another way (a close request before any progress report,
 * a closing).
 */
export function problemStallSpans(regionId: string, from: string, to: string): SQL {
  return sql`(
    WITH p AS (
      SELECT p.id, p.unit_id, p.dispatched_at, p.received_at, p.closed_at, p.deadline
      FROM problems p
      WHERE p.region_id = ${regionId} AND p.deleted_at IS NULL AND p.dispatched_at IS NOT NULL
    ), ev AS (
      SELECT e.problem_id,
        min(e.at) FILTER (WHERE e.type = 'report_progress') AS first_progress,
        min(e.at) FILTER (WHERE e.type = 'request_close') AS first_request
      FROM problem_events e JOIN p ON p.id = e.problem_id
      WHERE e.type IN ('report_progress', 'request_close')
      GROUP BY e.problem_id
    )
    SELECT 'problem.receive' AS link, p.unit_id, p.dispatched_at AS started_at, p.received_at AS ended_at,
      NULL::timestamptz AS limit_at
    FROM p WHERE ${startedIn(sql`p.dispatched_at`, from, to)}
    UNION ALL
    SELECT 'problem.progress', p.unit_id, p.received_at, LEAST(ev.first_progress, ev.first_request, p.closed_at), NULL
    FROM p LEFT JOIN ev ON ev.problem_id = p.id
    WHERE p.received_at IS NOT NULL AND ${startedIn(sql`p.received_at`, from, to)}
    UNION ALL
    SELECT 'problem.close_request', p.unit_id, ev.first_progress, LEAST(ev.first_request, p.closed_at),
      ${endOfDay(sql`p.deadline`)}
    FROM p JOIN ev ON ev.problem_id = p.id
    WHERE ev.first_progress IS NOT NULL AND ${startedIn(sql`ev.first_progress`, from, to)}
    UNION ALL
    SELECT 'problem.close', p.unit_id, rc.at,
      (SELECT min(e2.at) FROM problem_events e2
        WHERE e2.problem_id = rc.problem_id AND e2.type IN ('close', 'reject_close') AND e2.at >= rc.at),
      NULL
    FROM problem_events rc JOIN p ON p.id = rc.problem_id
    WHERE rc.type = 'request_close' AND ${startedIn(sql`rc.at`, from, to)}
  )`;
}
