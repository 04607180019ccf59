import { userIdsWithRoles } from '../../platform/auth/auth.service.js';
import type { Ctx } from '../../platform/context.js';
import { notify } from '../notifications/notifications.service.js';
import { unitContactsForSystem } from '../org/org.service.js';
import type { EventRow, ProblemRow } from './problems.repository.js';
import { eventLabel } from './problems.states.js';

/** Events the county leader in charge is copied on (双向抄告: dispatch, progress, closure). */
const COPIED = new Set(['dispatch', 'report_progress', 'request_close', 'close', 'reopen', 'escalate']);
/** Events the responsible unit (principal and liaison) is told about. */
const TO_UNIT = new Set(['dispatch', 'reject_close', 'reopen', 'escalate', 'close']);

type Brief = Pick<ProblemRow, 'id' | 'code' | 'title' | 'unitId' | 'leaderPersonId' | 'closeStage' | 'regionId'>;
const link = (p: Brief) => `/problems/${p.id}`;

/** Copies one problem event to the people who must know of it. */
export async function copyEvent(ctx: Ctx, p: Brief, e: Pick<EventRow, 'type' | 'actorName' | 'comment' | 'late'>) {
  const what = eventLabel(e.type);
  const body = `${p.code}「${p.title}」：${e.actorName}${what}${e.comment ? `。${e.comment}` : ''}${e.late ? '（逾期报送）' : ''}`;
  const base = { body, link: link(p), entity: { type: 'problem', id: p.id } };
  const unit = (await unitContactsForSystem(ctx.db, [p.unitId])).get(p.unitId);
  if (COPIED.has(e.type) && p.leaderPersonId) {
    await notify(ctx, { ...base, personIds: [p.leaderPersonId], kind: 'problem.copy', title: `【抄告】问题${what}` });
  }
  if (TO_UNIT.has(e.type) && unit) {
    const personIds = [unit.principalPersonId, unit.liaisonPersonId].filter((x): x is string => !!x);
    await notify(ctx, { ...base, personIds, kind: `problem.${e.type}`, title: `问题${what}` });
  }
  if (e.type === 'request_close' && p.closeStage === 'unit_head' && unit?.principalPersonId) {
    await notify(ctx, {
      ...base,
      personIds: [unit.principalPersonId],
      kind: 'problem.close_review',
      title: '请审核销号申请',
    });
  }
  if (p.closeStage === 'office' && (e.type === 'request_close' || e.type === 'approve_close_request')) {
    const userIds = await userIdsWithRoles(ctx.db, ['supervision_office'], p.regionId);
    await notify(ctx, { ...base, userIds, kind: 'problem.close_review', title: '请审核销号申请' });
  }
}
