import { PATROL_METHODS, TASK_STATES, type TaskState } from '../../../common/patrol.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { withDocNumbers } from '../../platform/documents/document-registry.js';
import { type Actor, type Ctx, actorOf, today } from '../../platform/context.js';
import { badRequest, conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import { type Step, actionsOf, fireTransition, requireComment } from '../../platform/workflow/machine.js';
import { listGroups, unitNames } from '../org/org.service.js';
import { tellGroup, tellOffice } from './patrol.notify.js';
import { PATROL_DOCUMENTS } from './patrol.numbering.js';
import { groupIdsOf, isManager, taskCapacitiesOf } from './patrol.policy.js';
import * as repo from './patrol.repository.js';
import type { TCreateTask, TListTasks, TTaskEvent, TUpdateTask } from '../../../common/patrol.schema.js';
import { taskMachine } from './patrol.states.js';

export function patrolScope(a: Actor): repo.PatrolScope {
  return { regionId: a.scope.regionId, manager: isManager(a), groupIds: groupIdsOf(a) };
}

/** One finding in the caller's scope, for modules that link to it (明责's 增派单); 404 otherwise. */
export async function findingForLink(ctx: Ctx, id: string) {
  const row = await repo.getFinding(ctx.db, patrolScope(actorOf(ctx)), id);
  if (!row) throw notFound('督导发现不存在或无权查看');
  return row;
}

/** Records one transition of a task, finding, circular or case. */
export async function recordEvent(
  ctx: Ctx,
  e: {
    entity: 'task' | 'finding' | 'circular' | 'case';
    entityId: string;
    type: string;
    from: string | null;
    to: string | null;
    comment?: string;
    payload?: unknown;
  },
) {
  const actor = actorOf(ctx);
  return repo.insertEvent(ctx.db, {
    entity: e.entity,
    entityId: e.entityId,
    type: e.type,
    fromState: e.from,
    toState: e.to,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    at: ctx.now,
    comment: e.comment ?? '',
    payload: e.payload ?? null,
  });
}

/** The engine's `record` for a task, circular or typical case: its timeline row with the caller's comment. */
export function recordTransitionOf(ctx: Ctx, entity: 'task' | 'circular' | 'case', entityId: string, comment?: string) {
  return (e: { type: string; fromState: string | null; toState: string | null }) =>
    recordEvent(ctx, { entity, entityId, type: e.type, from: e.fromState, to: e.toState, comment });
}

/** Names of the patrol groups the caller may see. */
export async function groupNames(ctx: Ctx): Promise<Map<string, string>> {
  const { items } = await listGroups(ctx, 'patrol');
  return new Map(items.map((g) => [g.id, g.name]));
}

/** The patrol group a group member records for: the one named, or their only group. */
export function recordingGroup(actor: Actor, groupId?: string): string {
  const own = groupIdsOf(actor);
  if (own.length === 0) throw forbidden('只有督导巡查组可以记录督导情况');
  if (groupId) {
    if (!own.includes(groupId)) throw badRequest('GROUP_NOT_OWN', '只能为本组记录督导情况', 'groupId');
    return groupId;
  }
  return own[0];
}

/** Checks that every unit exists; returns their names. */
export async function checkUnits(ctx: Ctx, ids: string[], field: string) {
  const names = await unitNames(ctx.db, ids);
  if (ids.some((id) => !names.has(id))) throw badRequest('UNIT_NOT_FOUND', '所选单位不存在', field);
  return names;
}

/**
 * A group records only on the units it covers, or on the targets of the task it records against
 * (issue #21: a group's independence is no licence to inspect anywhere).
 */
export async function checkCoverage(
  ctx: Ctx,
  groupId: string,
  unitIds: string[],
  field: string,
  task?: { targetUnitIds: string[] } | null,
) {
  await checkUnits(ctx, unitIds, field);
  const group = (await listGroups(ctx, 'patrol')).items.find((g) => g.id === groupId);
  const allowed = new Set([...(group?.unitIds ?? []), ...(task?.targetUnitIds ?? [])]);
  const outside = unitIds.filter((u) => !allowed.has(u));
  if (outside.length) {
    const names = await unitNames(ctx.db, outside);
    throw ruleViolation(
      'UNIT_NOT_COVERED',
      `${outside.map((u) => names.get(u)).join('、')}不在本组督导范围内，也不是所记录任务的督导对象`,
      field,
    );
  }
}

function presentTask(ctx: Ctx, t: repo.TaskRow, groups: Map<string, string>, units: Map<string, string>) {
  return {
    ...t,
    groupName: groups.get(t.groupId) ?? '',
    methodLabel: PATROL_METHODS[t.method as keyof typeof PATROL_METHODS] ?? t.method,
    stateLabel: TASK_STATES[t.state as keyof typeof TASK_STATES] ?? t.state,
    targetUnits: t.targetUnitIds.map((id) => ({ id, name: units.get(id) ?? '' })),
    overdue: !['completed', 'cancelled', 'draft'].includes(t.state) && t.deadline < today(ctx),
    actions: actionsOf(taskMachine, taskCapacitiesOf(actorOf(ctx), t), t),
  };
}

export async function listTasks(ctx: Ctx, f: TListTasks) {
  const actor = actorOf(ctx);
  const { items, total } = await repo.listTasks(ctx.db, patrolScope(actor), f);
  const groups = await groupNames(ctx);
  const units = await unitNames(
    ctx.db,
    items.flatMap((t) => t.targetUnitIds),
  );
  const numbered = await withDocNumbers(ctx.db, items, [PATROL_DOCUMENTS.task.kind]);
  return { items: numbered.map((t) => presentTask(ctx, t, groups, units)), total };
}

/** Loads a task the caller may see, or 404 (group isolation). */
export async function loadTask(ctx: Ctx, id: string) {
  const t = await repo.getTask(ctx.db, patrolScope(actorOf(ctx)), id);
  if (!t) throw notFound('任务不存在或无权查看');
  return t;
}

export async function getTask(ctx: Ctx, id: string) {
  const t = await loadTask(ctx, id);
  const groups = await groupNames(ctx);
  const units = await unitNames(ctx.db, t.targetUnitIds);
  const events = await repo.eventsOf(ctx.db, id);
  return { ...presentTask(ctx, t, groups, units), events };
}

export async function createTask(ctx: Ctx, input: TCreateTask) {
  const actor = actorOf(ctx);
  const groups = await groupNames(ctx);
  if (!groups.has(input.groupId)) throw badRequest('GROUP_NOT_FOUND', '督导巡查组不存在', 'groupId');
  await checkUnits(ctx, input.targetUnitIds, 'targetUnitIds');
  if (input.deadline < today(ctx)) throw badRequest('TASK_DEADLINE_PAST', '完成时限不能早于今天', 'deadline');
  const year = Number(today(ctx).slice(0, 4));
  const regionId = actor.scope.regionId as string;
  const serial = await repo.nextSerial(ctx.db, 'task', regionId, year);
  const { issue, ...fields } = input;
  const row = await repo.insertTask(ctx.db, {
    ...fields,
    targetUnitIds: [...new Set(input.targetUnitIds)],
    regionId,
    code: `督交〔${year}〕${serial}号`,
    createdBy: actor.userId,
  });
  await recordAudit(ctx, { type: 'patrol.task_created', entity: 'patrol_task', entityId: row.id, after: row });
  if (issue) return fireTaskEvent(ctx, row.id, { type: 'issue', version: row.version, comment: '' });
  return getTask(ctx, row.id);
}

/** Edits a draft sheet; once issued it is the group's instruction and stays as it was. */
export async function updateTask(ctx: Ctx, id: string, input: TUpdateTask) {
  const before = await loadTask(ctx, id);
  if (before.state !== 'draft') throw ruleViolation('TASK_NOT_DRAFT', '交办单已下达，不能再修改');
  const { version, ...patch } = input;
  const t = { ...before, ...patch };
  if (t.targetUnitIds.length + t.projects.length === 0) {
    throw badRequest('TARGET_REQUIRED', '请至少选择一个督导对象（单位或项目）', 'targetUnitIds');
  }
  if (t.periodEnd < t.periodStart) throw badRequest('PERIOD_INVALID', '督导结束日期不能早于开始日期', 'periodEnd');
  if (t.deadline < t.periodStart) throw badRequest('DEADLINE_INVALID', '完成时限不能早于督导开始日期', 'deadline');
  if (patch.deadline && patch.deadline < today(ctx)) {
    throw badRequest('TASK_DEADLINE_PAST', '完成时限不能早于今天', 'deadline');
  }
  if (patch.groupId && !(await groupNames(ctx)).has(patch.groupId)) {
    throw badRequest('GROUP_NOT_FOUND', '督导巡查组不存在', 'groupId');
  }
  if (patch.targetUnitIds) await checkUnits(ctx, patch.targetUnitIds, 'targetUnitIds');
  const row = await repo.updateTask(ctx.db, id, version, {
    ...patch,
    ...(patch.targetUnitIds ? { targetUnitIds: [...new Set(patch.targetUnitIds)] } : {}),
  });
  if (!row) throw conflict();
  await recordAudit(ctx, { type: 'patrol.task_updated', entity: 'patrol_task', entityId: id, before, after: row });
  return getTask(ctx, id);
}

/** Fires a task event: the office issues, completes, returns and cancels; the group starts and reports. */
export async function fireTaskEvent(ctx: Ctx, id: string, input: TTaskEvent) {
  const t = await loadTask(ctx, id);
  await fireTransition(ctx, {
    machine: taskMachine,
    row: t,
    capacities: taskCapacitiesOf(actorOf(ctx), t),
    event: input.type,
    version: input.version,
    apply: () => applyTaskEvent(ctx, input),
    update: (patch, version) => repo.updateTask(ctx.db, id, version, patch),
    record: recordTransitionOf(ctx, 'task', id, input.comment),
    audit: { type: 'patrol.task_event', entity: 'patrol_task', entityId: id },
  });
  return getTask(ctx, id);
}

function applyTaskEvent(ctx: Ctx, input: TTaskEvent): Step<repo.TaskRow, TaskState> {
  switch (input.type) {
    case 'issue':
      return {
        patch: { issuedAt: ctx.now },
        after: async (row) => {
          await PATROL_DOCUMENTS.task.issue(ctx, row);
          await tellGroup(ctx, row, 'issued');
        },
      };
    case 'report':
      if (!input.report) throw badRequest('REPORT_REQUIRED', '请填写督导情况报告', 'report');
      return {
        patch: { report: input.report, reportedAt: ctx.now },
        after: (row) => tellOffice(ctx, { task: row }),
      };
    case 'complete':
      return { patch: { completedAt: ctx.now } };
    case 'return':
      requireComment(input.comment, '退回原因');
      return { after: (row) => tellGroup(ctx, row, 'returned', input.comment) };
    case 'cancel':
      requireComment(input.comment, '撤销理由');
      return {};
    case 'start':
      return {};
  }
}
