import { ESCALATION_LEVELS, type EscalationLevel } from '../../../common/problems.js';
import { findUser, rolesOf } from '../../platform/auth/auth.service.js';
import { addWorkingDays } from '../../platform/calendar/calendar.service.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import type { DigestSource } from '../notifications/notifications.digest.js';
import { escalationSettingsOf } from './problems.escalation.js';
import * as repo from './problems.repository.js';

/**
 * What a person has to do about problems today: measures due within the blue window or
 * overdue (units), and closure reviews and escalation proposals waiting (the office).
 */
export const problemsDigest: DigestSource = async (ctx, user) => {
  const items = [];
  const today = isoDate(ctx.now);
  const u = await findUser(ctx.db, user.userId);
  if (user.personId) {
    const s = await escalationSettingsOf(ctx, u?.regionId);
    const until = await addWorkingDays(ctx.db, today, s.blueWorkingDays);
    for (const p of await repo.dueForPerson(ctx.db, user.personId, until)) {
      items.push({
        title: `${p.code}「${p.title}」`,
        detail: p.deadline && p.deadline < today ? '已逾期，请尽快整改并报告进展' : '整改时限临近',
        link: `/problems/${p.id}`,
        due: p.deadline ?? undefined,
      });
    }
  }
  const roles = await rolesOf(ctx.db, [user.userId]);
  if (u?.regionId && roles.some((r) => r.role === 'supervision_office')) {
    for (const p of await repo.waitingForOffice(ctx.db, u.regionId)) {
      items.push({
        title: `${p.code}「${p.title}」`,
        detail: p.pending ? `建议升级为“${ESCALATION_LEVELS[p.pending as EscalationLevel]}”，待确认` : '销号申请待审核',
        link: `/problems/${p.id}`,
      });
    }
  }
  return items;
};
