import { type SQL, sql } from 'drizzle-orm';
import { chinaDayIn } from '../../platform/calendar/calendar.sql.js';

/**
 * Cases' read model for the over-reach monitor (问责泛化, docs/decisions/006): one row per subject of a case decided
 * in [from, to] (Asia/Shanghai days) — the subject's unit, the case's 问责情形 (11 = 第七条第（十一）项, the catch-all)
 * and the subject's 四种形态 (null when not held to account). Only numbers leave the module: no names, no facts.
 */
export function caseOverreachFacts(regionId: string, from: string, to: string): SQL {
  return sql`(
    SELECT s.unit_id, c.situation, s.form_of_four
    FROM case_subjects s JOIN cases c ON c.id = s.case_id
    WHERE c.region_id = ${regionId} AND c.deleted_at IS NULL AND c.decided_at IS NOT NULL
      AND ${chinaDayIn(sql`c.decided_at`, from, to)}
  )`;
}
