import crypto from 'node:crypto';
import { PATROL_METHODS } from '../../../common/patrol.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, today } from '../../platform/context.js';
import { AppError, badRequest, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import { unitNames } from '../org/org.service.js';
import { groupIdsOf } from './patrol.policy.js';
import * as repo from './patrol.repository.js';
import type { TCreateInspection, TListInspections } from '../../../common/patrol.schema.js';
import { checkCoverage, fireTaskEvent, groupNames, loadTask, patrolScope, recordingGroup } from './patrol.service.js';

const MAX_FILE = 20 * 1024 * 1024;

function present(i: repo.InspectionRow, groups: Map<string, string>, units: Map<string, string>) {
  return {
    ...i,
    groupName: groups.get(i.groupId) ?? '',
    methodLabel: PATROL_METHODS[i.method as keyof typeof PATROL_METHODS] ?? i.method,
    units: i.unitIds.map((id) => ({ id, name: units.get(id) ?? '' })),
  };
}

export async function listInspections(ctx: Ctx, f: TListInspections) {
  const { items, total } = await repo.listInspections(ctx.db, patrolScope(actorOf(ctx)), f);
  const groups = await groupNames(ctx);
  const units = await unitNames(
    ctx.db,
    items.flatMap((i) => i.unitIds),
  );
  return { items: items.map((i) => present(i, groups, units)), total };
}

export async function loadInspection(ctx: Ctx, id: string) {
  const row = await repo.getInspection(ctx.db, patrolScope(actorOf(ctx)), id);
  if (!row) throw notFound('督导记录不存在或无权查看');
  return row;
}

export async function getInspection(ctx: Ctx, id: string) {
  const row = await loadInspection(ctx, id);
  const groups = await groupNames(ctx);
  const units = await unitNames(ctx.db, row.unitIds);
  const files = await repo.filesOf(ctx.db, id);
  const findings = await repo.listFindings(ctx.db, patrolScope(actorOf(ctx)), {
    inspectionId: id,
    page: 1,
    pageSize: 200,
  });
  return {
    ...present(row, groups, units),
    files,
    findings: findings.items.map((f) => ({ id: f.id, code: f.code, title: f.title, state: f.state })),
  };
}

/** A task a group records against: its own, issued or under way (an issued task starts with its first visit). */
export async function openTaskOf(ctx: Ctx, taskId: string, groupId: string) {
  const task = await loadTask(ctx, taskId);
  if (task.groupId !== groupId) throw badRequest('TASK_NOT_OWN', '该任务不是交办给本组的任务', 'taskId');
  if (task.state !== 'issued' && task.state !== 'in_progress') {
    throw ruleViolation('TASK_NOT_OPEN', '该任务不在督导阶段，不能再记录督导情况', 'taskId');
  }
  return task;
}

export async function createInspection(ctx: Ctx, input: TCreateInspection) {
  const actor = actorOf(ctx);
  const groupId = recordingGroup(actor, input.groupId);
  if (input.date > today(ctx)) throw badRequest('INSPECTION_DATE_FUTURE', '督导日期不能晚于今天', 'date');
  const task = input.taskId ? await openTaskOf(ctx, input.taskId, groupId) : null;
  await checkCoverage(ctx, groupId, input.unitIds, 'unitIds', task);
  if (task) {
    if (task.state === 'issued') {
      await fireTaskEvent(ctx, task.id, { type: 'start', version: task.version, comment: '开始现场督导' });
    }
  }
  const row = await repo.insertInspection(ctx.db, {
    regionId: actor.scope.regionId as string,
    groupId,
    taskId: input.taskId ?? null,
    date: input.date,
    place: input.place,
    method: input.method,
    unitIds: [...new Set(input.unitIds)],
    project: input.project,
    peopleMet: input.peopleMet,
    notes: input.notes,
    createdBy: actor.userId,
    createdByName: actor.displayName,
  });
  await recordAudit(ctx, {
    type: 'patrol.inspection_created',
    entity: 'patrol_inspection',
    entityId: row.id,
    after: row,
  });
  return getInspection(ctx, row.id);
}

/** Photos and files of an inspection: only the group that made it adds them. */
export async function uploadInspectionFile(
  ctx: Ctx,
  id: string,
  file: { name: string; mime: string; content: Buffer },
) {
  const actor = actorOf(ctx);
  const row = await loadInspection(ctx, id);
  if (!groupIdsOf(actor).includes(row.groupId)) throw forbidden('只有本督导巡查组可以上传督导材料');
  if (file.content.length === 0) throw badRequest('FILE_EMPTY', '文件为空', 'file');
  if (file.content.length > MAX_FILE) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '单个文件不能超过 20MB');
  const saved = await repo.insertFile(ctx.db, {
    inspectionId: id,
    name: file.name.slice(0, 200),
    mime: file.mime,
    size: file.content.length,
    sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    uploadedBy: actor.userId,
  });
  await recordAudit(ctx, { type: 'patrol.file_uploaded', entity: 'patrol_inspection', entityId: id, after: saved });
  return saved;
}

export async function inspectionFile(ctx: Ctx, id: string, fileId: string) {
  await loadInspection(ctx, id);
  const file = await repo.getFile(ctx.db, id, fileId);
  if (!file) throw notFound('文件不存在');
  return file;
}
