import { type SQL, sql } from 'drizzle-orm';
import { endOfDay, startedIn } from '../../platform/db/spans.js';

/**
 * Cases' read model for the stalls view (梗阻点, docs/decisions/006; shape in platform/db/spans.ts), of a region:
 * 问责建议→立案或不予立案 (`proposal.case`, proposals made in [from, to], by the source's unit), 立项→作出决定
 * (`case.decide`, ended by 不予启动 too) and 作出决定→执行 (`case.execute`, limited by the 执行期限 when set).
 * A case counts for the unit of its first subject that names one (cases without one are left out).
 * Only counts and times leave the module: no case content.
 */
export function caseStallSpans(regionId: string, from: string, to: string): SQL {
  return sql`(
    WITH c AS (
      SELECT c.id, c.created_at, c.decided_at, c.executed_at, c.closed_at, c.execution_deadline,
        (SELECT s.unit_id FROM case_subjects s WHERE s.case_id = c.id AND s.unit_id IS NOT NULL ORDER BY s.seq LIMIT 1)
          AS unit_id
      FROM cases c
      WHERE c.region_id = ${regionId} AND c.deleted_at IS NULL
    )
    SELECT 'proposal.case' AS link, p.unit_id, p.created_at AS started_at, p.decided_at AS ended_at,
      NULL::timestamptz AS limit_at
    FROM accountability_proposals p
    WHERE p.region_id = ${regionId} AND p.unit_id IS NOT NULL AND ${startedIn(sql`p.created_at`, from, to)}
    UNION ALL
    SELECT 'case.decide', c.unit_id, c.created_at, COALESCE(c.decided_at, c.closed_at), NULL
    FROM c WHERE c.unit_id IS NOT NULL AND ${startedIn(sql`c.created_at`, from, to)}
    UNION ALL
    SELECT 'case.execute', c.unit_id, c.decided_at, COALESCE(c.executed_at, c.closed_at),
      CASE WHEN c.execution_deadline IS NOT NULL THEN ${endOfDay(sql`c.execution_deadline`)} END
    FROM c WHERE c.unit_id IS NOT NULL AND c.decided_at IS NOT NULL AND ${startedIn(sql`c.decided_at`, from, to)}
  )`;
}
