import { formatDate } from '../../../common/format.js';
import { userIdsWithRoles } from '../../platform/auth/auth.service.js';
import type { Ctx } from '../../platform/context.js';
import { notify } from '../notifications/notifications.service.js';
import { getGroup } from '../org/org.service.js';
import type { FindingRow, TaskRow } from './patrol.repository.js';

/** The leading group's office: every supervision-office login of the region. */
const officeUsers = (ctx: Ctx, regionId: string) => userIdsWithRoles(ctx.db, ['supervision_office'], regionId);

/** Tells the patrol group of a task sheet issued to it, or returned for more work. */
export async function tellGroup(ctx: Ctx, t: TaskRow, what: 'issued' | 'returned', comment = '') {
  const g = await getGroup(ctx, t.groupId);
  const personIds = [g.leaderPersonId, ...g.memberPersonIds].filter((x): x is string => !!x);
  await notify(ctx, {
    personIds,
    kind: `patrol.task_${what}`,
    title: what === 'issued' ? '新的督导巡查任务' : '督导任务退回补充',
    body: `${t.code}「${t.title}」，完成时限 ${formatDate(t.deadline)}${comment ? `。${comment}` : ''}`,
    link: `/supervision/tasks/${t.id}`,
    entity: { type: 'patrol_task', id: t.id },
  });
}

/** Tells the office of a group's report or finding: the group reports upward only. */
export async function tellOffice(ctx: Ctx, e: { task?: TaskRow; finding?: FindingRow }) {
  const row = e.task ?? e.finding;
  if (!row) return;
  await notify(ctx, {
    userIds: await officeUsers(ctx, row.regionId),
    kind: e.task ? 'patrol.task_reported' : 'patrol.finding_submitted',
    title: e.task ? '督导巡查组报告督导情况' : '督导巡查组报送问题',
    body: `${row.code}「${row.title}」`,
    link: e.task ? `/supervision/tasks/${row.id}` : `/supervision/findings/${row.id}`,
    entity: { type: e.task ? 'patrol_task' : 'patrol_finding', id: row.id },
  });
}
