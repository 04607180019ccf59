import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, type Ctx, actorOf } from '../../platform/context.js';
import { badRequest, conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import { unitNames } from '../org/org.service.js';
import { createProblem, listDisputes } from '../problems/problems.service.js';
import { assignLeadUnit, fireEvent as fireProblemEvent } from '../problems/problems.workflow.js';
import { fireWarningEvent, getWarning, listWarnings, markOnAgenda } from '../warnings/warnings.service.js';
import * as repo from './meetings.repository.js';
import type { TCreateMeeting, TMeetingEvent } from '../../../common/meetings.schema.js';

const STATE_LABELS: Record<string, string> = { scheduled: '待召开', held: '已召开', closed: '已结束' };

const isManager = (a: Actor) => a.permissions.has('meetings:manage');

/** Agenda candidates: warnings pending review and cross-unit disputes without a lead unit. */
export async function agendaCandidates(ctx: Ctx) {
  const warnings = (await listWarnings(ctx, { state: 'pending_review', page: 1, pageSize: 200 })).items;
  const disputes = await listDisputes(ctx);
  return {
    warnings: warnings.map((w) => ({
      id: w.id,
      code: w.code,
      title: w.situationName,
      unitId: w.unitId,
      problemId: w.problemId,
    })),
    disputes: disputes.map((p) => ({
      id: p.id,
      code: p.code,
      title: p.title,
      unitId: p.unitId,
      coUnitIds: p.coUnitIds,
    })),
  };
}

export async function createMeeting(ctx: Ctx, input: TCreateMeeting) {
  const actor = actorOf(ctx);
  const meeting = await repo.insert(ctx.db, {
    regionId: actor.scope.regionId as string,
    title: input.title,
    scheduledAt: input.scheduledAt,
    place: input.place,
    memberUnitIds: [...new Set(input.memberUnitIds)],
  });
  if (input.assemble) {
    const c = await agendaCandidates(ctx);
    const items = [
      ...c.disputes.map((d) => ({
        kind: 'dispute',
        problemId: d.id,
        title: `职能交叉事项牵头单位认定：${d.title}`,
        description: `问题 ${d.code} 涉及多个单位，牵头单位尚未明确`,
      })),
      ...c.warnings.map((w) => ({
        kind: 'warning',
        warningId: w.id,
        problemId: w.problemId,
        title: `模拟问责研判：${w.title}`,
        description: `模拟问责单 ${w.code}`,
      })),
    ];
    await repo.insertItems(
      ctx.db,
      items.map((it, i) => ({ ...it, meetingId: meeting.id, seq: i + 1 })),
    );
    await markOnAgenda(
      ctx,
      c.warnings.map((w) => w.id),
      meeting.id,
    );
  }
  await recordAudit(ctx, { type: 'meeting.created', entity: 'meeting', entityId: meeting.id, after: meeting });
  return getMeeting(ctx, meeting.id);
}

export async function listMeetings(ctx: Ctx, page: number, pageSize: number) {
  const actor = actorOf(ctx);
  const { items, total } = await repo.list(ctx.db, actor.scope, isManager(actor), page, pageSize);
  return { items: items.map((m) => ({ ...m, stateLabel: STATE_LABELS[m.state] })), total };
}

function actionsOf(actor: Actor, m: repo.MeetingRow): string[] {
  if (!isManager(actor)) return [];
  if (m.state === 'scheduled') return ['add_item', 'hold'];
  if (m.state === 'held') return ['add_item', 'decide', 'close'];
  return [];
}

export async function getMeeting(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const m = await repo.get(ctx.db, actor.scope, isManager(actor), id);
  if (!m) throw notFound('会议不存在或无权查看');
  const items = await repo.itemsOf(ctx.db, id);
  // Members may not browse every unit, so the names they need come with the meeting.
  const names = await unitNames(ctx.db, [
    ...m.memberUnitIds,
    ...items.map((i) => i.leadUnitId).filter((x): x is string => !!x),
  ]);
  return {
    ...m,
    stateLabel: STATE_LABELS[m.state],
    memberUnits: m.memberUnitIds.map((u) => ({ id: u, name: names.get(u) ?? '' })),
    items: items.map((i) => ({ ...i, leadUnitName: i.leadUnitId ? (names.get(i.leadUnitId) ?? null) : null })),
    actions: actionsOf(actor, m),
  };
}

/** Records a decision on one agenda item and carries it out (warnings, lead units, new problems). */
async function decide(ctx: Ctx, item: repo.ItemRow, input: TMeetingEvent) {
  const kind = input.decisionKind;
  if (!kind) throw badRequest('DECISION_REQUIRED', '请选择决定事项', 'decisionKind');
  if (item.decisionKind) throw ruleViolation('ITEM_DECIDED', '该议题已作出决定');
  const text = input.decision ?? '';
  const patch: Partial<repo.ItemRow> = {
    decisionKind: kind,
    decision: text,
    decidedAt: ctx.now,
    decidedBy: actorOf(ctx).displayName,
  };
  if (kind === 'issue_warning' || kind === 'dismiss_warning') {
    if (!item.warningId) throw badRequest('NOT_A_WARNING', '该议题不是模拟问责单', 'itemId');
    const w = await getWarning(ctx, item.warningId);
    if (kind === 'dismiss_warning' && !text) throw badRequest('COMMENT_REQUIRED', '请填写不予预警的理由', 'decision');
    await fireWarningEvent(ctx, w.id, {
      type: kind === 'issue_warning' ? 'issue' : 'dismiss',
      version: w.version,
      comment: text || '经联席会议研判，发出提醒函',
    });
  }
  if (kind === 'lead_unit') {
    if (!item.problemId || !input.leadUnitId) throw badRequest('LEAD_UNIT_REQUIRED', '请选择牵头单位', 'leadUnitId');
    await assignLeadUnit(ctx, item.problemId, input.leadUnitId, text || '经联席会议研究，明确牵头单位');
    patch.leadUnitId = input.leadUnitId;
  }
  if (kind === 'new_problem') {
    if (!input.ownerPersonId || !input.deadline) {
      throw badRequest('OWNER_REQUIRED', '会议决定转为交办事项时，须明确责任人和完成时限', 'ownerPersonId');
    }
    if (!input.leadUnitId) throw badRequest('UNIT_REQUIRED', '请选择责任单位', 'leadUnitId');
    const p = await createProblem(ctx, {
      title: text || item.title,
      description: `联席会议决定：${item.title}`,
      source: 'warning',
      category: '',
      severity: 'general',
      unitId: input.leadUnitId,
      responsiblePersonId: input.ownerPersonId,
      urgent: false,
      dispatch: true,
      measures: [
        {
          content: text || item.title,
          ownerPersonId: input.ownerPersonId,
          deadlineType: 'date',
          deadline: input.deadline,
        },
      ],
    });
    await fireProblemEvent(ctx, p.id, {
      type: 'dispatch',
      version: p.version,
      comment: '联席会议决定事项',
      fileIds: [],
    });
    Object.assign(patch, {
      resultProblemId: p.id,
      ownerPersonId: input.ownerPersonId,
      deadline: input.deadline,
      leadUnitId: input.leadUnitId,
    });
  }
  if (kind === 'note' && !text) throw badRequest('COMMENT_REQUIRED', '请填写会议决定', 'decision');
  await repo.updateItem(ctx.db, item.id, patch);
}

export async function fireMeetingEvent(ctx: Ctx, id: string, input: TMeetingEvent) {
  const m = await getMeeting(ctx, id);
  if (!m.actions.includes(input.type)) {
    if (!isManager(actorOf(ctx))) throw forbidden();
    throw ruleViolation('MEETING_ILLEGAL_TRANSITION', `会议当前状态为“${m.stateLabel}”，不能执行该操作`);
  }
  if (m.version !== input.version) throw conflict();
  const patch: Partial<repo.MeetingRow> = {};
  if (input.type === 'add_item') {
    if (!input.title) throw badRequest('TITLE_REQUIRED', '请填写议题', 'title');
    await repo.insertItems(ctx.db, [
      {
        meetingId: id,
        seq: m.items.length + 1,
        kind: 'other',
        title: input.title,
        description: input.description ?? '',
      },
    ]);
  }
  if (input.type === 'hold') {
    patch.state = 'held';
    patch.heldAt = ctx.now;
  }
  if (input.type === 'decide') {
    const item = m.items.find((i) => i.id === input.itemId);
    if (!item) throw badRequest('ITEM_REQUIRED', '请选择议题', 'itemId');
    await decide(ctx, item, input);
  }
  if (input.type === 'close') {
    if (!input.summary) throw badRequest('SUMMARY_REQUIRED', '请填写会议纪要主要内容', 'summary');
    patch.state = 'closed';
    patch.closedAt = ctx.now;
    patch.summary = input.summary;
  }
  const row = await repo.update(ctx.db, id, input.version, patch);
  if (!row) throw conflict();
  await recordAudit(ctx, {
    type: 'meeting.event',
    entity: 'meeting',
    entityId: id,
    before: { state: m.state },
    after: { event: input.type, state: row.state, itemId: input.itemId, decisionKind: input.decisionKind },
  });
  return getMeeting(ctx, id);
}
