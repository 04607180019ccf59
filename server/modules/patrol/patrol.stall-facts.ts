import { type SQL, sql } from 'drizzle-orm';
import { startedIn } from '../../platform/db/spans.js';

/**
 * Patrol's read model for the stalls view (梗阻点, docs/decisions/006; shape in platform/db/spans.ts): of a
 * region's findings reported in [from, to], 巡查发现→交办 (`finding.dispatch`): the span ends when the office
 * dispatches it (or the leader's instruction does), merges it or closes it without dispatching; 上报 keeps it waiting.
 */
export function findingStallSpans(regionId: string, from: string, to: string): SQL {
  return sql`(
    SELECT 'finding.dispatch' AS link, f.unit_id, f.created_at AS started_at,
      (SELECT min(e.at) FROM patrol_events e
        WHERE e.entity_id = f.id AND e.entity = 'finding' AND e.type IN ('dispatch', 'instruct', 'merge', 'close'))
        AS ended_at,
      NULL::timestamptz AS limit_at
    FROM patrol_findings f
    WHERE f.region_id = ${regionId} AND ${startedIn(sql`f.created_at`, from, to)}
  )`;
}
