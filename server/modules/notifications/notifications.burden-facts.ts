import { type SQL, sql } from 'drizzle-orm';
import { chinaDayIn } from '../../platform/calendar/calendar.sql.js';

/**
 * Notifications' read model for the burden meter (减负, docs/decisions/006): per unit, the messages its people's
 * accounts received in [from, to] (Asia/Shanghai days), as (unit_id, kind, n, reused) rows. Counts only, no text.
 */
export function notificationBurdenFacts(regionId: string, from: string, to: string): SQL {
  return sql`(
    SELECT p.unit_id, 'notifications.messages' AS kind, count(*)::int AS n, 0 AS reused
    FROM notifications n JOIN users u ON u.id = n.user_id JOIN people p ON p.id = u.person_id
    WHERE p.region_id = ${regionId}
      AND ${chinaDayIn(sql`n.created_at`, from, to)}
    GROUP BY p.unit_id
  )`;
}
