import { MINUTES } from './meetings.numbering.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { MEETING_STATES, type MeetingState } from '../../../common/meetings.js';
import { type Ctx, actorOf } from '../../platform/context.js';
import { badRequest, notFound, ruleViolation } from '../../platform/errors.js';
import { type Step, actionsOf, fireTransition } from '../../platform/workflow/machine.js';
import { getUnit, unitNames } from '../org/org.service.js';
import {
  assignLeadUnit,
  createProblem,
  fireEvent as fireProblemEvent,
  listDisputes,
} from '../problems/problems.service.js';
import { fireWarningEvent, getWarning, listWarnings, markOnAgenda } from '../warnings/warnings.service.js';
import * as repo from './meetings.repository.js';
import { capacitiesOf, managesMeetings } from './meetings.policy.js';
import type { TCreateMeeting, TListMeetings, TMeetingEvent } from '../../../common/meetings.schema.js';
import { meetingMachine } from './meetings.states.js';

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
  // The member units decide who sits in (and reads) the meeting: only units the caller sees (issue #21).
  for (const id of new Set(input.memberUnitIds)) {
    await getUnit(ctx, id).catch(() => {
      throw ruleViolation('UNIT_NOT_FOUND', '成员单位不存在或无权查看', 'memberUnitIds');
    });
  }
  const attendingUnitIds = await checkAttendance(ctx, input.memberUnitIds, input.attendingUnitIds, []);
  const meeting = await repo.insert(ctx.db, {
    attendingUnitIds,
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

/** 列席 units are units the caller sees and not members; 请假 units are members. */
async function checkAttendance(ctx: Ctx, members: string[], attending: string[], excused: string[]) {
  for (const id of new Set(attending)) {
    if (members.includes(id)) throw badRequest('ATTENDING_IS_MEMBER', '成员单位无需列为列席单位', 'attendingUnitIds');
    await getUnit(ctx, id).catch(() => {
      throw ruleViolation('UNIT_NOT_FOUND', '列席单位不存在或无权查看', 'attendingUnitIds');
    });
  }
  for (const id of excused) {
    if (!members.includes(id)) throw badRequest('EXCUSED_NOT_MEMBER', '请假单位应为成员单位', 'excusedUnitIds');
  }
  return [...new Set(attending)];
}

export async function listMeetings(ctx: Ctx, f: TListMeetings) {
  const actor = actorOf(ctx);
  const { items, total } = await repo.list(ctx.db, actor.scope, managesMeetings(actor), f);
  return { items: items.map((m) => ({ ...m, stateLabel: stateLabel(m) })), total };
}

const stateLabel = (m: repo.MeetingRow) => MEETING_STATES[m.state as MeetingState];

async function loadMeeting(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const m = await repo.get(ctx.db, actor.scope, managesMeetings(actor), id);
  if (!m) throw notFound('会议不存在或无权查看');
  return m;
}

export async function getMeeting(ctx: Ctx, id: string) {
  const m = await loadMeeting(ctx, id);
  const items = await repo.itemsOf(ctx.db, id);
  // Members may not browse every unit, so the names they need come with the meeting.
  const names = await unitNames(ctx.db, [
    ...m.memberUnitIds,
    ...m.attendingUnitIds,
    ...items.map((i) => i.leadUnitId).filter((x): x is string => !!x),
  ]);
  return {
    ...m,
    stateLabel: stateLabel(m),
    memberUnits: m.memberUnitIds.map((u) => ({ id: u, name: names.get(u) ?? '' })),
    attendingUnits: m.attendingUnitIds.map((u) => ({ id: u, name: names.get(u) ?? '' })),
    items: items.map((i) => ({ ...i, leadUnitName: i.leadUnitId ? (names.get(i.leadUnitId) ?? null) : null })),
    actions: actionsOf(meetingMachine, capacitiesOf(actorOf(ctx)), m),
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

/** add_item, hold, decide (carried out at once), close (with the minutes' summary). */
export async function fireMeetingEvent(ctx: Ctx, id: string, input: TMeetingEvent) {
  const m = await loadMeeting(ctx, id);
  await fireTransition(ctx, {
    machine: meetingMachine,
    row: m,
    capacities: capacitiesOf(actorOf(ctx)),
    event: input.type,
    version: input.version,
    apply: () => applyEvent(ctx, m, input),
    update: (patch, version) => repo.update(ctx.db, id, version, patch),
    // A meeting keeps no timeline of its own: its audit entries and its items' decisions are the record.
    record: async () => undefined,
    audit: { type: 'meeting.event', entity: 'meeting', entityId: id },
  });
  return getMeeting(ctx, id);
}

/** The checks and writes of each meeting event; the engine has already checked capacity, state and version. */
async function applyEvent(
  ctx: Ctx,
  m: repo.MeetingRow,
  input: TMeetingEvent,
): Promise<Step<repo.MeetingRow, MeetingState>> {
  const payload = { itemId: input.itemId, decisionKind: input.decisionKind };
  const items = await repo.itemsOf(ctx.db, m.id);
  switch (input.type) {
    case 'add_item':
      if (!input.title) throw badRequest('TITLE_REQUIRED', '请填写议题', 'title');
      await repo.insertItems(ctx.db, [
        {
          meetingId: m.id,
          seq: items.length + 1,
          kind: 'other',
          title: input.title,
          description: input.description ?? '',
        },
      ]);
      return { payload };
    case 'hold': {
      const excusedUnitIds = [...new Set(input.excusedUnitIds ?? m.excusedUnitIds)];
      const attending = input.attendingUnitIds ?? m.attendingUnitIds;
      const attendingUnitIds = await checkAttendance(ctx, m.memberUnitIds, attending, excusedUnitIds);
      return { patch: { heldAt: ctx.now, attendingUnitIds, excusedUnitIds }, payload };
    }
    case 'decide': {
      const item = items.find((i) => i.id === input.itemId);
      if (!item) throw badRequest('ITEM_REQUIRED', '请选择议题', 'itemId');
      await decide(ctx, item, input);
      return { payload };
    }
    case 'close':
      if (!input.summary) throw badRequest('SUMMARY_REQUIRED', '请填写会议纪要主要内容', 'summary');
      return {
        patch: { closedAt: ctx.now, summary: input.summary },
        payload,
        after: async (row) => {
          await MINUTES.issue(ctx, row);
        },
      };
  }
}
