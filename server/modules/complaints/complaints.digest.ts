import { findUser, rolesOf } from '../../platform/auth/auth.service.js';
import type { DigestSource } from '../notifications/notifications.service.js';
import { clocksOf } from './complaints.clocks.js';
import * as repo from './complaints.repository.js';
import { complaintRulesByRegion } from './complaints.rules.js';

/**
 * 首问负责 and 限时办结 in the daily digest: every clock of the owner's complaints that is within its warning
 * window or past its end, and for a commission leader every overdue clock of the region (the watch escalated
 * those to them). Clocks are computed as of now, so a notice given since the watch ran is not listed.
 */
export const complaintsDigest: DigestSource = async (ctx, user) => {
  const u = await findUser(ctx.db, user.userId);
  const leader = (await rolesOf(ctx.db, [user.userId])).some((r) => r.role === 'commission_leader');
  const leaderOf = leader ? (u?.regionId ?? null) : null;
  const rulesOf = complaintRulesByRegion(ctx);
  const items = [];
  for (const c of await repo.digestCandidates(ctx.db, { userId: user.userId, leaderOf })) {
    const mine = c.ownerUserId === user.userId;
    for (const clock of await clocksOf(ctx, c, await rulesOf(c.regionId))) {
      if (clock.status !== 'overdue' && !(mine && clock.status === 'warn')) continue;
      items.push({
        title: `信访举报 ${c.code}（${c.subjectUnitName}）`,
        detail: `${clock.label}${clock.status === 'overdue' ? '已超期' : '期限临近'}${mine ? '' : `，承办人：${c.ownerName || '未接收'}`}`,
        link: `/complaints/${c.id}`,
        due: clock.due,
      });
    }
  }
  return items;
};
