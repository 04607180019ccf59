import { ESCALATION_TARGETS, FINDING_STATES, type FindingState } from '../../../common/patrol.js';
import { PROBLEM_SEVERITIES, PROBLEM_STATES } from '../../../common/problems.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, today } from '../../platform/context.js';
import { badRequest, notFound, ruleViolation } from '../../platform/errors.js';
import { type Step, actionsOf, fireTransition, requireComment } from '../../platform/workflow/machine.js';
import { unitNames } from '../org/org.service.js';
import { createProblem, fireEvent as fireProblemEvent, problemStatesOf } from '../problems/problems.service.js';
import { loadInspection, openTaskOf } from './patrol.inspections.js';
import { tellOffice } from './patrol.notify.js';
import { proposeAccountabilityForFinding } from './patrol.proposal.js';
import { findingCapacitiesOf } from './patrol.policy.js';
import * as repo from './patrol.repository.js';
import { previewFindingsPrepared } from './patrol.prepared.repository.js';
import type { TAction, TCreateFinding, TFindingEvent, TListFindings } from '../../../common/patrol.schema.js';
import { checkCoverage, checkUnits, groupNames, patrolScope, recordEvent, recordingGroup } from './patrol.service.js';
import { findingMachine } from './patrol.states.js';

const stateLabel = (s: string) => FINDING_STATES[s as FindingState] ?? s;

async function present(ctx: Ctx, rows: repo.FindingRow[]) {
  const caps = findingCapacitiesOf(actorOf(ctx));
  const groups = await groupNames(ctx);
  const units = await unitNames(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  const problems = await problemStatesOf(
    ctx,
    rows.flatMap((r) => r.problemIds),
  );
  return rows.map((f) => ({
    ...f,
    groupName: groups.get(f.groupId) ?? '',
    unitName: units.get(f.unitId) ?? '',
    stateLabel: stateLabel(f.state),
    severityLabel: PROBLEM_SEVERITIES[f.severity as keyof typeof PROBLEM_SEVERITIES] ?? f.severity,
    escalatedToLabel: f.escalatedTo ? ESCALATION_TARGETS[f.escalatedTo as keyof typeof ESCALATION_TARGETS] : null,
    problems: f.problemIds.map((id) => {
      const p = problems.get(id);
      return {
        id,
        code: p?.code ?? '',
        state: p?.state ?? '',
        stateLabel: p ? PROBLEM_STATES[p.state as keyof typeof PROBLEM_STATES] : '',
      };
    }),
    actions: actionsOf(findingMachine, caps, f),
  }));
}

export async function listFindings(ctx: Ctx, f: TListFindings) {
  const { items, total } = await repo.listFindings(ctx.db, patrolScope(actorOf(ctx)), f);
  return { items: await present(ctx, items), total };
}

/** The same rows and total as `listFindings` with their units' names only, for a preview (home). */
export async function previewFindings(ctx: Ctx, f: TListFindings) {
  // Without search, the first page is one prepared statement (issue #19); otherwise the list's own reads.
  if (!f.q && f.page === 1) return previewFindingsPrepared(ctx.db, patrolScope(actorOf(ctx)), f, ctx.together);
  const { items, total } = await repo.listFindings(ctx.db, patrolScope(actorOf(ctx)), f);
  const units = await unitNames(
    ctx.db,
    items.map((r) => r.unitId),
  );
  const rows = items.map((r) => ({ id: r.id, code: r.code, title: r.title, unitName: units.get(r.unitId) ?? '' }));
  return { items: rows, total };
}

/** Loads a finding the caller may see, or 404: units never see findings (independence rule). */
export async function loadFinding(ctx: Ctx, id: string) {
  const row = await repo.getFinding(ctx.db, patrolScope(actorOf(ctx)), id);
  if (!row) throw notFound('督导发现不存在或无权查看');
  return row;
}

export async function getFinding(ctx: Ctx, id: string) {
  const row = await loadFinding(ctx, id);
  const [view] = await present(ctx, [row]);
  const events = await repo.eventsOf(ctx.db, id);
  const duplicates = await repo.listFindings(ctx.db, patrolScope(actorOf(ctx)), {
    mergedIntoId: id,
    page: 1,
    pageSize: 200,
  });
  const merged = row.mergedIntoId ? await repo.getFinding(ctx.db, patrolScope(actorOf(ctx)), row.mergedIntoId) : null;
  return {
    ...view,
    mergedInto: merged ? { id: merged.id, code: merged.code, title: merged.title } : null,
    duplicates: duplicates.items.map((d) => ({ id: d.id, code: d.code, title: d.title, groupId: d.groupId })),
    events,
  };
}

export async function createFinding(ctx: Ctx, input: TCreateFinding) {
  const actor = actorOf(ctx);
  const groupId = recordingGroup(actor, input.groupId);
  let taskId = input.taskId ?? null;
  if (input.inspectionId) {
    const inspection = await loadInspection(ctx, input.inspectionId);
    if (inspection.groupId !== groupId) {
      throw badRequest('INSPECTION_NOT_OWN', '该督导记录不属于本组', 'inspectionId');
    }
    taskId = taskId ?? inspection.taskId;
  }
  const task = taskId ? await openTaskOf(ctx, taskId, groupId) : null;
  await checkCoverage(ctx, groupId, [input.unitId], 'unitId', task);
  const regionId = actor.scope.regionId as string;
  const year = Number(today(ctx).slice(0, 4));
  const serial = await repo.nextSerial(ctx.db, 'finding', regionId, year);
  const row = await repo.insertFinding(ctx.db, {
    regionId,
    code: `DF${year}-${String(serial).padStart(4, '0')}`,
    groupId,
    taskId,
    inspectionId: input.inspectionId ?? null,
    unitId: input.unitId,
    project: input.project,
    title: input.title,
    description: input.description,
    suggestion: input.suggestion,
    category: input.category,
    severity: input.severity,
    reportedBy: actor.userId,
    reportedByName: actor.displayName,
  });
  await recordAudit(ctx, { type: 'patrol.finding_created', entity: 'patrol_finding', entityId: row.id, after: row });
  await tellOffice(ctx, { finding: row });
  return getFinding(ctx, row.id);
}

/** Creates and dispatches one problem of the ledger from a finding (source 督导巡查, the finding as reference). */
async function dispatchProblem(
  ctx: Ctx,
  f: repo.FindingRow,
  a: TAction,
  extra: { title?: string; description: string; severity?: string },
) {
  const p = await createProblem(ctx, {
    title: extra.title ?? f.title,
    description: extra.description,
    source: 'patrol',
    sourceRef: f.code,
    category: f.category,
    severity: (extra.severity ?? f.severity) as 'general',
    unitId: a.unitId,
    responsiblePersonId: a.ownerPersonId ?? undefined,
    urgent: false,
    dispatch: true,
    measures: [
      { content: a.content, ownerPersonId: a.ownerPersonId ?? null, deadlineType: 'date', deadline: a.deadline },
    ],
  });
  await fireProblemEvent(ctx, p.id, {
    type: 'dispatch',
    version: p.version,
    comment: `督导巡查发现 ${f.code} 交办`,
    fileIds: [],
  });
  return p.id;
}

/** Fires a finding event: the office merges, dispatches, escalates, records instructions or closes. */
export async function fireFindingEvent(ctx: Ctx, id: string, input: TFindingEvent) {
  const actor = actorOf(ctx);
  const f = await loadFinding(ctx, id);
  await fireTransition(ctx, {
    machine: findingMachine,
    row: f,
    capacities: findingCapacitiesOf(actor),
    event: input.type,
    version: input.version,
    apply: () => applyFindingEvent(ctx, f, input),
    update: (patch, version) => repo.updateFinding(ctx.db, id, version, patch),
    record: (e) =>
      recordEvent(ctx, {
        entity: 'finding',
        entityId: id,
        type: e.type,
        from: e.fromState,
        to: e.toState,
        comment: input.comment || input.instruction || '',
        payload: e.payload,
      }),
    audit: { type: 'patrol.finding_event', entity: 'patrol_finding', entityId: id },
  });
  return getFinding(ctx, id);
}

/** The checks and side writes of each finding event; the engine has already checked table and version. */
async function applyFindingEvent(
  ctx: Ctx,
  f: repo.FindingRow,
  input: TFindingEvent,
): Promise<Step<repo.FindingRow, FindingState>> {
  const id = f.id;
  const patch: Partial<repo.FindingRow> = {};
  const payload: Record<string, unknown> = {};
  switch (input.type) {
    case 'merge': {
      if (!input.targetId) throw badRequest('TARGET_REQUIRED', '请选择要合并到的督导发现', 'targetId');
      if (input.targetId === id) throw badRequest('TARGET_SELF', '不能合并到自身', 'targetId');
      const target = await repo.getFinding(ctx.db, patrolScope(actorOf(ctx)), input.targetId);
      if (!target) throw badRequest('TARGET_NOT_FOUND', '要合并到的督导发现不存在', 'targetId');
      if (target.state === 'merged' || target.state === 'closed') {
        throw ruleViolation(
          'TARGET_NOT_OPEN',
          `目标督导发现状态为“${stateLabel(target.state)}”，不能合并到它`,
          'targetId',
        );
      }
      patch.mergedIntoId = target.id;
      payload.targetId = target.id;
      payload.targetCode = target.code;
      await recordEvent(ctx, {
        entity: 'finding',
        entityId: target.id,
        type: 'merged_in',
        from: target.state,
        to: target.state,
        comment: `合并重复发现 ${f.code}`,
        payload: { findingId: f.id },
      });
      break;
    }
    case 'dispatch': {
      if (!input.deadline) throw badRequest('DEADLINE_REQUIRED', '请填写整改时限', 'deadline');
      const unitId = input.unitId ?? f.unitId;
      await checkUnits(ctx, [unitId], 'unitId');
      const problemId = await dispatchProblem(
        ctx,
        f,
        {
          unitId,
          ownerPersonId: input.ownerPersonId,
          deadline: input.deadline,
          content: input.measure || f.suggestion || `针对“${f.title}”抓好整改`,
        },
        { description: f.description, severity: input.severity },
      );
      patch.problemIds = [...f.problemIds, problemId];
      payload.problemIds = [problemId];
      break;
    }
    case 'escalate':
      if (!input.escalateTo) throw badRequest('ESCALATE_TO_REQUIRED', '请选择上报对象', 'escalateTo');
      requireComment(input.comment, '上报理由');
      patch.escalatedTo = input.escalateTo;
      payload.escalateTo = input.escalateTo;
      break;
    case 'instruct': {
      if (!input.instruction) throw badRequest('INSTRUCTION_REQUIRED', '请填写批示内容', 'instruction');
      if (!input.instructedBy) throw badRequest('INSTRUCTED_BY_REQUIRED', '请填写批示领导', 'instructedBy');
      const actions = input.actions ?? [];
      if (actions.length === 0) {
        throw badRequest('ACTIONS_REQUIRED', '请将批示分解为至少一项有责任人和完成时限的事项', 'actions');
      }
      for (const [i, a] of actions.entries()) {
        if (!a.ownerPersonId)
          throw badRequest('OWNER_REQUIRED', '每项批示事项须明确责任人', `actions.${i}.ownerPersonId`);
      }
      await checkUnits(
        ctx,
        actions.map((a) => a.unitId),
        'actions',
      );
      const ids: string[] = [];
      for (const a of actions) {
        ids.push(
          await dispatchProblem(ctx, f, a, {
            title: `${f.title}（落实${input.instructedBy}批示）`,
            description: `${f.description}\n${input.instructedBy}批示：${input.instruction}`,
          }),
        );
      }
      patch.problemIds = [...f.problemIds, ...ids];
      patch.instruction = input.instruction;
      patch.instructedBy = input.instructedBy;
      patch.instructedAt = ctx.now;
      payload.problemIds = ids;
      payload.instructedBy = input.instructedBy;
      break;
    }
    case 'close':
      requireComment(input.comment, '办结理由');
      patch.closeReason = input.comment;
      break;
  }
  // 督+问: the finding also goes to the case office's 问责建议 queue, with the problems it became.
  const propose = input.accountability && input.type !== 'merge' && input.type !== 'close';
  return {
    patch,
    payload,
    after: propose
      ? async (u) => {
          await proposeAccountabilityForFinding(ctx, u, input.accountability ?? '', input.accountablePersonIds ?? []);
        }
      : undefined,
  };
}
