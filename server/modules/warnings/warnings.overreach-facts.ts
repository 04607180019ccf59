import { type SQL, sql } from 'drizzle-orm';
import { chinaDayIn } from '../../platform/calendar/calendar.sql.js';

/**
 * Warnings' read model for the over-reach monitor (问责泛化, docs/decisions/006): one row per 提醒函 issued in
 * [from, to] (Asia/Shanghai days) — its unit and the 第七条 item of its situation (11 = the catch-all).
 */
export function warningOverreachFacts(regionId: string, from: string, to: string): SQL {
  return sql`(
    SELECT w.unit_id, s.article
    FROM warnings w JOIN situations s ON s.id = w.situation_id
    WHERE w.region_id = ${regionId} AND w.issued_at IS NOT NULL
      AND ${chinaDayIn(sql`w.issued_at`, from, to)}
  )`;
}
