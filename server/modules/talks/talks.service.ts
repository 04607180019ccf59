import { formatDate } from '../../../common/format.js';
import { TALK_RECORD } from './talks.numbering.js';
import {
  TALK_EVENTS,
  TALK_FORM_OF_FOUR,
  TALK_KINDS,
  TALK_STATES,
  type TalkEvent,
  type TalkKind,
  type TalkState,
} from '../../../common/talks.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import { type Ctx, actorOf, regionOf } from '../../platform/context.js';
import { badRequest, conflict, notFound, ruleViolation } from '../../platform/errors.js';
import {
  type Refusal,
  type Step,
  actionsOf,
  fireTransition,
  requireTransition,
  createdEvent,
} from '../../platform/workflow/machine.js';
import { caseVisibleTo } from '../cases/cases.links.js';
import { notify } from '../notifications/notifications.service.js';
import * as org from '../org/org.service.js';
import { loadProblem } from '../problems/problems.service.js';
import { getWarning } from '../warnings/warnings.service.js';
import * as repo from './talks.repository.js';
import { previewTalksPrepared } from './talks.prepared.repository.js';
import { capacitiesOf } from './talks.policy.js';
import type { TCreateTalk, TListTalks, TTalkEvent, TUpdateTalk } from '../../../common/talks.schema.js';
import { talkMachine } from './talks.states.js';
import type { TalkAction } from '../../../common/talks.states.js';

async function present(ctx: Ctx, rows: repo.TalkRow[]) {
  const a = actorOf(ctx);
  const ids = [
    ...new Set(
      rows.flatMap((r) => [
        ...r.talkerPersonIds,
        ...r.subjectPersonIds,
        ...(r.recorderPersonId ? [r.recorderPersonId] : []),
      ]),
    ),
  ];
  const names = await repo.peopleNames(ctx.db, ids);
  const unitNames = await org.unitNames(ctx.db, [...new Set(rows.flatMap((r) => r.unitIds))]);
  const person = (id: string) => ({ id, ...(names.get(id) ?? { name: '', post: '', unitName: '' }) });
  return rows.map((r) => ({
    ...r,
    kindLabel: TALK_KINDS[r.kind as TalkKind],
    stateLabel: TALK_STATES[r.state as TalkState],
    talkers: r.talkerPersonIds.map(person),
    subjects: r.subjectPersonIds.map(person),
    recorder: r.recorderPersonId ? person(r.recorderPersonId) : null,
    subjectUnitName: r.subjectUnitId ? (unitNames.get(r.subjectUnitId) ?? '') : null,
    unitNames: r.unitIds.map((u) => unitNames.get(u) ?? ''),
    followUpOverdue: !!r.followUpDue && !r.followUpDone && r.state !== 'closed' && r.followUpDue < isoDate(ctx.now),
    actions: actionsOf(talkMachine, capacitiesOf(a), r, refusalOf(ctx, r)),
  }));
}

export async function listTalks(ctx: Ctx, f: TListTalks) {
  const { items, total } = await repo.list(ctx.db, actorOf(ctx).scope, f);
  return { items: await present(ctx, items), total };
}

/**
 * The same first page and total as `listTalks` (no search) with each talk's code, kind and date only, for a preview
 * (home): one prepared statement instead of the list's page, count and names.
 */
export async function previewTalks(ctx: Ctx, f: TListTalks) {
  if (f.q?.trim() || f.page !== 1) {
    const { items, total } = await listTalks(ctx, f);
    return { items: items.map((t) => ({ id: t.id, code: t.code, kindLabel: t.kindLabel, talkOn: t.talkOn })), total };
  }
  const { items, total } = await previewTalksPrepared(ctx.db, actorOf(ctx).scope, f, ctx.together);
  return { items: items.map((t) => ({ ...t, kindLabel: TALK_KINDS[t.kind as TalkKind] })), total };
}

async function loadTalk(ctx: Ctx, id: string) {
  const row = await repo.get(ctx.db, actorOf(ctx).scope, id);
  if (!row) throw notFound('谈话不存在或无权查看');
  return row;
}

export async function getTalk(ctx: Ctx, id: string) {
  const [t] = await present(ctx, [await loadTalk(ctx, id)]);
  const events = (await repo.eventsOf(ctx.db, id)).map((e) => ({
    ...e,
    label: TALK_EVENTS[e.type as TalkEvent] ?? (e.type === 'created' ? '安排谈话' : '修改'),
  }));
  return { ...t, events };
}

type TalkFields = Omit<TCreateTalk, never>;

/**
 * Checks who, whom and links against the caller's scope (a dispatched group talks only about the units
 * it oversees) and returns the units the talk concerns. Links (problem, warning, case) are checked when
 * new or changed (`before`: the stored talk).
 */
async function validate(ctx: Ctx, t: TalkFields, before?: Pick<TalkFields, 'problemId' | 'warningId' | 'caseId'>) {
  const changed = (k: 'problemId' | 'warningId' | 'caseId') => Boolean(t[k]) && t[k] !== before?.[k];
  if (t.talkerPersonIds.length === 0 && !t.talkerNames) {
    throw badRequest('TALKER_REQUIRED', '请选择或填写谈话人', 'talkerPersonIds');
  }
  if (t.subjectPersonIds.length === 0 && !t.subjectUnitId) {
    throw badRequest('SUBJECT_REQUIRED', '请选择谈话对象（人员或约谈单位）', 'subjectPersonIds');
  }
  const talkers = await repo.peopleOfRegion(ctx.db, regionOf(ctx), t.talkerPersonIds);
  if (talkers.length !== new Set(t.talkerPersonIds).size) {
    throw badRequest('PERSON_NOT_FOUND', '谈话人不存在', 'talkerPersonIds');
  }
  if (t.recorderPersonId && (await repo.peopleOfRegion(ctx.db, regionOf(ctx), [t.recorderPersonId])).length === 0) {
    throw badRequest('PERSON_NOT_FOUND', '记录人不存在', 'recorderPersonId');
  }
  if (t.startTime && t.endTime && t.endTime <= t.startTime) {
    throw badRequest('TALK_END_BEFORE_START', '谈话结束时间应晚于开始时间', 'endTime');
  }
  if (t.endTime && !t.startTime) throw badRequest('FIELD_REQUIRED', '请填写谈话开始时间', 'startTime');
  const unitIds = new Set<string>();
  for (const id of new Set(t.subjectPersonIds)) {
    const p = await org.getPerson(ctx, id).catch(() => {
      throw badRequest('PERSON_NOT_FOUND', '谈话对象不存在或不在监督范围内', 'subjectPersonIds');
    });
    unitIds.add(p.unitId);
  }
  if (t.subjectUnitId) {
    await org.getUnit(ctx, t.subjectUnitId).catch(() => {
      throw badRequest('UNIT_NOT_FOUND', '约谈单位不存在或不在监督范围内', 'subjectUnitId');
    });
    unitIds.add(t.subjectUnitId);
  }
  if (t.followUpDue && t.followUpDue < t.talkOn) {
    throw badRequest('TALK_FOLLOW_UP_BEFORE_TALK', '整改期限不能早于谈话日期', 'followUpDue');
  }
  if (t.followUpDue && !t.followUpRequired) {
    throw badRequest('FOLLOW_UP_REQUIRED', '设定整改期限时请填写整改要求', 'followUpRequired');
  }
  // Links reach only what the author may see (issue #21), with the same answer for foreign and missing.
  if (changed('problemId') && t.problemId) {
    await loadProblem(ctx, t.problemId).catch(() => {
      throw ruleViolation('PROBLEM_NOT_FOUND', '关联问题不存在或无权查看', 'problemId');
    });
  }
  if (changed('warningId') && t.warningId) {
    await getWarning(ctx, t.warningId).catch(() => {
      throw ruleViolation('WARNING_NOT_FOUND', '关联预警不存在或无权查看', 'warningId');
    });
  }
  if (changed('caseId') && t.caseId && !(await caseVisibleTo(ctx, t.caseId))) {
    throw ruleViolation('CASE_NOT_FOUND', '关联案件不存在或无权查看', 'caseId');
  }
  return [...unitIds];
}

export async function createTalk(ctx: Ctx, input: TCreateTalk) {
  const a = actorOf(ctx);
  const talkerPersonIds = [...new Set(input.talkerPersonIds)];
  const subjectPersonIds = [...new Set(input.subjectPersonIds)];
  const unitIds = await validate(ctx, { ...input, talkerPersonIds, subjectPersonIds });
  const row = await repo.insert(ctx.db, {
    ...input,
    talkerPersonIds,
    subjectPersonIds,
    unitIds,
    regionId: regionOf(ctx),
    code: await repo.nextCode(ctx.db, Number(input.talkOn.slice(0, 4))),
    formOfFour: TALK_FORM_OF_FOUR[input.kind],
    createdByUserId: a.userId,
  });
  await repo.insertEvent(ctx.db, { talkId: row.id, ...createdEvent(ctx, 'planned') });
  await recordAudit(ctx, { type: 'talk.created', entity: 'talk', entityId: row.id, after: row });
  // 谈话通知: the people talked to (for 约谈 of a unit, its principal) learn when and where.
  const principal = input.subjectUnitId
    ? (await org.unitContactsForSystem(ctx.db, [input.subjectUnitId])).get(input.subjectUnitId)?.principalPersonId
    : undefined;
  await notify(ctx, {
    personIds: [...subjectPersonIds, ...(principal ? [principal] : [])],
    kind: 'talk.scheduled',
    title: `【谈话通知】${TALK_KINDS[input.kind]}`,
    body: `请于${formatDate(input.talkOn)}${input.place ? `到${input.place}` : ''}参加${TALK_KINDS[input.kind]}。事由：${input.reason}`,
    // No link: the people talked to do not browse the talks ledger.
    entity: { type: 'talk', id: row.id },
  });
  return getTalk(ctx, row.id);
}

export async function updateTalk(ctx: Ctx, id: string, input: TUpdateTalk) {
  const a = actorOf(ctx);
  const before = await getTalk(ctx, id);
  requireTransition(talkMachine, 'update', capacitiesOf(a), before);
  const { version, ...patch } = input;
  const merged: TalkFields = {
    kind: patch.kind ?? (before.kind as TalkKind),
    talkerPersonIds: [...new Set(patch.talkerPersonIds ?? before.talkerPersonIds)],
    talkerNames: patch.talkerNames ?? before.talkerNames,
    subjectPersonIds: [...new Set(patch.subjectPersonIds ?? before.subjectPersonIds)],
    subjectUnitId: patch.subjectUnitId === undefined ? before.subjectUnitId : patch.subjectUnitId,
    reason: patch.reason ?? before.reason,
    talkOn: patch.talkOn ?? before.talkOn,
    place: patch.place ?? before.place,
    startTime: patch.startTime === undefined ? before.startTime : patch.startTime,
    endTime: patch.endTime === undefined ? before.endTime : patch.endTime,
    recorderPersonId: patch.recorderPersonId === undefined ? before.recorderPersonId : patch.recorderPersonId,
    followUpRequired: patch.followUpRequired ?? before.followUpRequired,
    followUpDue: patch.followUpDue === undefined ? before.followUpDue : patch.followUpDue,
    problemId: patch.problemId === undefined ? before.problemId : patch.problemId,
    warningId: patch.warningId === undefined ? before.warningId : patch.warningId,
    caseId: patch.caseId === undefined ? before.caseId : patch.caseId,
  };
  const unitIds = await validate(ctx, merged, before);
  const row = await repo.update(ctx.db, id, version, {
    ...merged,
    unitIds,
    formOfFour: TALK_FORM_OF_FOUR[merged.kind],
  });
  if (!row) throw conflict();
  await repo.insertEvent(ctx.db, {
    talkId: id,
    type: 'updated',
    fromState: before.state,
    toState: row.state,
    actorUserId: a.userId,
    actorName: a.displayName,
    at: ctx.now,
  });
  const after = await getTalk(ctx, id);
  await recordAudit(ctx, { type: 'talk.updated', entity: 'talk', entityId: id, before, after });
  return after;
}

/** Soft deletion of a talk that has not taken place. */
export async function deleteTalk(ctx: Ctx, id: string, version: number) {
  const before = await getTalk(ctx, id);
  requireTransition(talkMachine, 'delete', capacitiesOf(actorOf(ctx)), before);
  const row = await repo.update(ctx.db, id, version, { deletedAt: ctx.now });
  if (!row) throw conflict();
  await recordAudit(ctx, { type: 'talk.deleted', entity: 'talk', entityId: id, before });
}

/** record (谈话记录), follow_up (跟踪整改), close (办结). */
export async function fireTalkEvent(ctx: Ctx, id: string, input: TTalkEvent) {
  const a = actorOf(ctx);
  const t = await loadTalk(ctx, id);
  const capacities = capacitiesOf(a);
  await fireTransition(ctx, {
    machine: talkMachine,
    row: t,
    capacities,
    refusal: refusalOf(ctx, t),
    event: input.type,
    version: input.version,
    apply: () => applyEvent(ctx, input),
    update: (patch, version) => repo.update(ctx.db, id, version, patch),
    comment: input.comment,
    record: (e) => repo.insertEvent(ctx.db, { talkId: id, ...e }),
    audit: { type: 'talk.event', entity: 'talk', entityId: id },
  });
  return getTalk(ctx, id);
}

/**
 * What a talk as it stands refuses, or null: the one source of the `actions` a reader is offered and of the
 * refusals of the events (issue #20: no button the server then refuses).
 */
function refusalOf(ctx: Ctx, t: repo.TalkRow): Refusal<TalkAction> {
  return (event) => {
    // A record dated after today would be a record of a talk that has not happened.
    if (event === 'record' && t.state === 'planned' && t.talkOn > isoDate(ctx.now)) {
      return ruleViolation('TALK_NOT_YET', `谈话安排在${formatDate(t.talkOn)}，尚未到谈话日期，不能记录`);
    }
    if (event === 'follow_up' && !t.followUpRequired) {
      return ruleViolation('TALK_NO_FOLLOW_UP', '本次谈话未提出整改要求，无需跟踪');
    }
    if (event === 'close' && t.followUpRequired && !t.followUpDone) {
      return ruleViolation('TALK_FOLLOW_UP_OPEN', '整改要求尚未落实到位，不能办结', 'followUpDone');
    }
    return null;
  };
}

/** The checks and writes of each talk event; the engine has already checked capacity, state and version. */
function applyEvent(ctx: Ctx, input: TTalkEvent): Step<repo.TalkRow, TalkState> {
  switch (input.type) {
    case 'record':
      if (!input.record) throw badRequest('RECORD_REQUIRED', '请填写谈话记录', 'record');
      return {
        patch: { record: input.record, recordedAt: ctx.now },
        payload: { record: input.record },
        after: async (row) => {
          await TALK_RECORD.issue(ctx, row, { issuedOn: row.talkOn });
        },
      };
    case 'follow_up': {
      if (!input.result) throw badRequest('RESULT_REQUIRED', '请填写整改落实情况', 'result');
      const done = input.done ?? false;
      return {
        patch: { followUpResult: input.result, followUpDone: done, followedUpAt: ctx.now },
        payload: { followUpResult: input.result, followUpDone: done },
        comment: input.comment || input.result,
      };
    }
    case 'close':
      return { patch: { closedAt: ctx.now } };
  }
}

/**
 * A talk proposed by another module (the assessment's bottom-ranked units, SPEC M6): planned with a unit's
 * leadership, talked to by the commission's leaders, for the organizer to schedule or drop.
 */
export function proposeTalk(
  ctx: Ctx,
  p: { kind: 'interview' | 'reminder'; subjectUnitId: string; reason: string; talkOn: string },
) {
  return createTalk(ctx, {
    kind: p.kind,
    talkerPersonIds: [],
    talkerNames: '县纪委监委领导',
    subjectPersonIds: [],
    subjectUnitId: p.subjectUnitId,
    reason: p.reason,
    talkOn: p.talkOn,
    startTime: null,
    endTime: null,
    recorderPersonId: null,
    place: '',
    followUpRequired: '',
    followUpDue: null,
    problemId: null,
    warningId: null,
    caseId: null,
  });
}
