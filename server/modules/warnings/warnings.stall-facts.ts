import { type SQL, sql } from 'drizzle-orm';
import { endOfDay, startedIn } from '../../platform/db/spans.js';

/**
 * Warnings' read model for the stalls view (梗阻点, docs/decisions/006; shape in platform/db/spans.ts): of a
 * region's warnings issued in [from, to], 提醒函下发→答复 (`warning.answer`, limited by the warning's 答复期限)
 * and 答复→化解 (`warning.resolve`). A span also ends when the warning is closed another way (resolved,
 * escalated or dismissed without an answer).
 */
export function warningStallSpans(regionId: string, from: string, to: string): SQL {
  return sql`(
    WITH w AS (
      SELECT w.id, w.unit_id, w.issued_at, w.closed_at, w.deadline,
        CASE WHEN w.state IN ('issued', 'rectifying') THEN NULL ELSE COALESCE(w.closed_at, w.updated_at) END AS left_at,
        (SELECT min(e.at) FROM warning_events e WHERE e.warning_id = w.id AND e.type = 'answer') AS answered_at
      FROM warnings w
      WHERE w.region_id = ${regionId} AND w.issued_at IS NOT NULL
    )
    SELECT 'warning.answer' AS link, w.unit_id, w.issued_at AS started_at, COALESCE(w.answered_at, w.left_at) AS ended_at,
      ${endOfDay(sql`w.deadline`)} AS limit_at
    FROM w WHERE ${startedIn(sql`w.issued_at`, from, to)}
    UNION ALL
    SELECT 'warning.resolve', w.unit_id, w.answered_at, w.left_at, NULL
    FROM w WHERE w.answered_at IS NOT NULL AND ${startedIn(sql`w.answered_at`, from, to)}
  )`;
}
