import { userIdsWithRoles } from '../../platform/auth/auth.service.js';
import type { Ctx } from '../../platform/context.js';
import { notify } from '../notifications/notifications.service.js';
import { unitContactsForSystem } from '../org/org.service.js';

interface Brief {
  id: string;
  code: string;
  matter: string;
  unitId: string;
  unitName: string;
  regionId: string;
  createdByUserId: string | null;
}

/** A submitted filing goes to the commission leaders; their decision back to the unit. */
export async function notifyFilingEvent(ctx: Ctx, f: Brief, type: 'submit' | 'approve' | 'return', comment: string) {
  const base = { link: `/tolerance-filings/${f.id}`, entity: { type: 'tolerance_filing', id: f.id } };
  if (type === 'submit') {
    const userIds = await userIdsWithRoles(ctx.db, ['commission_leader'], f.regionId);
    await notify(ctx, {
      ...base,
      userIds,
      kind: 'tolerance.submitted',
      title: '【容错免责备案】请审批',
      body: `${f.unitName}报备 ${f.code}「${f.matter}」，请审批。`,
    });
    return;
  }
  const unit = (await unitContactsForSystem(ctx.db, [f.unitId])).get(f.unitId);
  const approved = type === 'approve';
  await notify(ctx, {
    ...base,
    userIds: f.createdByUserId ? [f.createdByUserId] : [],
    personIds: [unit?.principalPersonId, unit?.liaisonPersonId].filter((x): x is string => !!x),
    kind: approved ? 'tolerance.approved' : 'tolerance.returned',
    title: approved ? '【容错免责备案】已同意备案' : '【容错免责备案】已退回',
    body: `${f.code}「${f.matter}」${approved ? '已同意备案' : `已退回：${comment}`}`,
  });
}
