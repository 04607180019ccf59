import { sql } from 'drizzle-orm';
import { rolesOf } from '../../platform/auth/auth.service.js';
import { addWorkingDays } from '../../platform/calendar/calendar.service.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import { rowsOf } from '../../platform/db/client.js';
import type { DigestSource } from '../notifications/notifications.service.js';

/** Items due within this many working days are listed before they are late (the problems' blue window). */
export const DUE_SOON_WORKING_DAYS = 3;

/** Unit roles that receive a unit's (and its leadership's) lists. */
const UNIT_RECIPIENTS = ['unit_liaison', 'unit_head'];

/**
 * 明责 in the daily digest: one line per list of the person's (a county leader's own, or their unit's) with items
 * not yet fulfilled that are overdue or due within three working days. Nothing due, nothing listed.
 */
export const responsibilityDigest: DigestSource = async (ctx, user) => {
  const units = (await rolesOf(ctx.db, [user.userId]))
    .filter((r) => r.unitId && UNIT_RECIPIENTS.includes(r.role))
    .map((r) => r.unitId as string);
  if (!user.personId && units.length === 0) return [];
  const today = isoDate(ctx.now);
  const until = await addWorkingDays(ctx.db, today, DUE_SOON_WORKING_DAYS);
  const rows = rowsOf<{ id: string; code: string; title: string; n: number; late: number; due: string }>(
    await ctx.db.execute(sql`
      SELECT d.id, d.code, d.title, count(*)::int AS n,
             (count(*) FILTER (WHERE i.deadline < ${today}))::int AS late, min(i.deadline)::text AS due
      FROM dispatches d JOIN dispatch_items i ON i.dispatch_id = d.id
      WHERE d.deleted_at IS NULL AND d.state IN ('issued', 'received') AND i.fulfilled_on IS NULL
        AND i.deadline <= ${until}
        AND ((d.recipient_kind = 'leader' AND d.recipient_person_id = ${user.personId})
          OR (d.recipient_kind <> 'leader' AND d.unit_id = ANY(${`{${units.join(',')}}`}::uuid[])))
      GROUP BY d.id, d.code, d.title
      ORDER BY due, d.code`),
  );
  return rows.map((d) => ({
    title: `${d.code}「${d.title}」`,
    detail:
      Number(d.late) > 0
        ? `${d.late}项责任事项已逾期${Number(d.n) > Number(d.late) ? `，${Number(d.n) - Number(d.late)}项临近完成时限` : ''}，请尽快履责并记录履责纪实`
        : `${d.n}项责任事项临近完成时限，请按期履责并记录履责纪实`,
    link: `/responsibility/dispatches/${d.id}`,
    due: String(d.due).slice(0, 10),
  }));
};
