import { addWorkingDays } from '../../platform/calendar/calendar.service.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import type { DigestSource } from '../notifications/notifications.service.js';
import * as repo from './complaints.repository.js';

/**
 * 限时办结 in the daily digest: the owner's open complaints past their completion deadline, or within three
 * working days of it (the owner is the 首问 responsible until a handover in the system).
 */
export const complaintsDigest: DigestSource = async (ctx, user) => {
  const today = isoDate(ctx.now);
  const soon = await addWorkingDays(ctx.db, today, 3);
  const rows = await repo.overdueOwnedBy(ctx.db, user.userId, soon);
  return rows.map((c) => ({
    title: `信访举报 ${c.code}（${c.unit}）`,
    detail: c.due < today ? '已超过办结期限，请尽快办结' : '办结期限临近',
    link: `/complaints/${c.id}`,
    due: c.due,
  }));
};
