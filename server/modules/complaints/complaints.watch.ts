import { COMPLAINT_SYSTEM_EVENTS } from '../../../common/complaints.js';
import { userIdsWithRoles } from '../../platform/auth/auth.service.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Ctx } from '../../platform/context.js';
import type { JobDefinition } from '../../platform/jobs/jobs.service.js';
import { chineseDay } from '../../platform/documents/document-registry.js';
import { notify } from '../notifications/notifications.service.js';
import { type ComplaintClock, clocksOf } from './complaints.clocks.js';
import * as repo from './complaints.repository.js';
import { complaintRulesByRegion } from './complaints.rules.js';

type Level = 'warn' | 'overdue';
const raised = (c: ComplaintClock): c is ComplaintClock & { status: Level } =>
  c.status === 'warn' || c.status === 'overdue';

/**
 * 限时办结 and the legal clocks, watched daily. A clock entering its warning window is raised to the owner (or,
 * while nobody has received the complaint, to the 信访 staff); a clock past its end is escalated to the
 * commission leaders as well. Each step is raised once per clock (a timeline entry and a message), so running
 * the watch twice raises nothing new; a met clock is forgotten. Messages name the receipt code and the clock,
 * never the filer or the report, since they may leave by SMS or e-mail.
 */
export async function watchComplaintClocks(ctx: Ctx) {
  const rulesOf = complaintRulesByRegion(ctx);
  // Who hears of a region's clocks: its 信访 staff (for unreceived complaints) and its commission leaders.
  const staff = new Map<string, Promise<string[]>>();
  const usersOf = (role: 'supervision_office' | 'commission_leader', regionId: string) => {
    const key = `${role}|${regionId}`;
    if (!staff.has(key)) staff.set(key, userIdsWithRoles(ctx.db, [role], regionId));
    return staff.get(key) as Promise<string[]>;
  };
  const summary = { checked: 0, warned: 0, overdue: 0 };
  for (const row of await repo.withRunningClocks(ctx.db)) {
    summary.checked++;
    const clocks = (await clocksOf(ctx, row, await rulesOf(row.regionId))).filter(raised);
    const before = row.clockAlerts;
    const after = Object.fromEntries(clocks.map((c) => [c.key, c.status])) as Record<string, Level>;
    const fresh = clocks.filter((c) => before[c.key] !== c.status);
    if (fresh.length === 0 && Object.keys(before).length === Object.keys(after).length) continue;
    await repo.setClockAlerts(ctx.db, row.id, after);
    for (const c of fresh) {
      const type = c.status === 'warn' ? 'clock_warned' : 'clock_overdue';
      const line = `「${c.label}」${c.status === 'warn' ? '将于' : '已于'}${chineseDay(c.due)}${c.status === 'warn' ? '到期' : '到期，已超期'}`;
      await repo.insertEvent(ctx.db, {
        complaintId: row.id,
        type,
        fromState: row.state,
        toState: row.state,
        actorName: '系统',
        at: ctx.now,
        comment: `${line}（${c.source}）`,
        payload: { clock: c.key, due: c.due },
      });
      const owners = row.ownerUserId ? [row.ownerUserId] : await usersOf('supervision_office', row.regionId);
      const leaders = c.status === 'overdue' ? await usersOf('commission_leader', row.regionId) : [];
      await notify(ctx, {
        userIds: [...owners, ...leaders],
        kind: `complaint.${type}`,
        title: `【${COMPLAINT_SYSTEM_EVENTS[type]}】信访举报 ${row.code}`,
        body: line,
        link: `/complaints/${row.id}`,
      });
      summary[c.status === 'warn' ? 'warned' : 'overdue']++;
    }
  }
  await recordAudit(ctx, { type: 'complaint.clock_watch', entity: 'complaint', after: summary });
  return summary;
}

export const complaintClockJob: JobDefinition = {
  name: 'complaint-clocks',
  label: '信访举报期限预警与超期督办',
  cron: '10 7 * * *',
  run: (ctx) => ctx.db.transaction((tx) => watchComplaintClocks({ ...ctx, db: tx })),
};
