import { PROBLEM_DOCUMENTS } from './problems.numbering.js';
import crypto from 'node:crypto';
import { ESCALATION_LEVELS, type EscalationLevel, type ProblemState } from '../../../common/problems.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, today } from '../../platform/context.js';
import { type Step, fireTransition } from '../../platform/workflow/machine.js';
import { AppError, badRequest, conflict, forbidden, ruleViolation } from '../../platform/errors.js';
import { copyEvent } from './problems.notify.js';
import * as repo from './problems.repository.js';
import type { TProblemEvent } from '../../../common/problems.schema.js';
import { measureDeadline } from './problems.deadline.js';
import { getProblem, loadProblem } from './problems.queries.js';
import { capacitiesOf } from './problems.policy.js';
import { problemMachine, problemRefusal } from './problems.states.js';
import { proposeAccountabilityForProblem } from './problems.proposal.js';

const MAX_FILE = 20 * 1024 * 1024;

/** Stores an evidence file for a problem the caller may report on or manage. */
export async function uploadEvidence(
  ctx: Ctx,
  problemId: string,
  file: { name: string; mime: string; content: Buffer },
) {
  const row = await loadProblem(ctx, problemId);
  const caps = capacitiesOf(actorOf(ctx), row.problem);
  if (!caps.has('unit') && !caps.has('office')) throw forbidden('只有责任单位和督办部门可以上传佐证材料');
  if (file.content.length === 0) throw badRequest('FILE_EMPTY', '文件为空', 'file');
  if (file.content.length > MAX_FILE) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '单个文件不能超过 20MB');
  const saved = await repo.insertFile(ctx.db, {
    problemId,
    name: file.name.slice(0, 200),
    mime: file.mime,
    size: file.content.length,
    sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    uploadedBy: ctx.actor?.userId,
  });
  await recordAudit(ctx, { type: 'problem.file_uploaded', entity: 'problem', entityId: problemId, after: saved });
  return saved;
}

/**
 * Fires a state-machine event (SPEC 3a `POST /api/problems/{id}/events`): checks the transition
 * table and its guards, updates the problem with its version, records the event and the audit
 * entry, and copies the county leader in charge — all in the caller's transaction.
 */
export async function fireEvent(ctx: Ctx, id: string, input: TProblemEvent) {
  const actor = actorOf(ctx);
  const row = await loadProblem(ctx, id);
  const p = row.problem;
  const day = today(ctx);
  let copied: Awaited<ReturnType<typeof repo.insertEvent>> | undefined;
  const measures = await repo.measuresOf(ctx.db, [id]);
  const updated = await fireTransition(ctx, {
    machine: problemMachine,
    row: p,
    capacities: capacitiesOf(actor, p),
    refusal: problemRefusal(measures),
    event: input.type,
    version: input.version,
    apply: () => applyEvent(ctx, p, measures, input, day),
    comment: input.comment,
    update: (patch, version) => repo.update(ctx.db, id, version, patch),
    record: async (e) => {
      copied = await repo.insertEvent(ctx.db, { problemId: id, ...e });
    },
    audit: { type: 'problem.event', entity: 'problem', entityId: id },
  });
  if (copied) await copyEvent(ctx, updated, copied);
  return getProblem(ctx, id);
}

type LoadedProblem = Awaited<ReturnType<typeof loadProblem>>['problem'];

/** The checks and side writes of each problem event; the engine has already checked table, guard and version. */
async function applyEvent(
  ctx: Ctx,
  p: LoadedProblem,
  measures: Awaited<ReturnType<typeof repo.measuresOf>>,
  input: TProblemEvent,
  day: string,
): Promise<Step<LoadedProblem, ProblemState>> {
  const actor = actorOf(ctx);
  const id = p.id;
  const files = await repo.filesOf(ctx.db, id);
  const unknownFile = input.fileIds.find((f) => !files.some((x) => x.id === f));
  if (unknownFile) throw badRequest('FILE_NOT_FOUND', '佐证材料不存在，请重新上传', 'fileIds');
  const requireComment = (what: string) => {
    if (!input.comment) throw badRequest('COMMENT_REQUIRED', `请填写${what}`, 'comment');
  };

  const patch: Partial<LoadedProblem> = {};
  const payload: Record<string, unknown> = { fileIds: input.fileIds };
  let late = false;
  let after: Step<LoadedProblem, ProblemState>['after'];
  switch (input.type) {
    case 'dispatch': {
      // Relative deadlines count from the dispatch date.
      for (const m of measures) {
        if (m.deadlineType === 'date') continue;
        const deadline = await measureDeadline(
          ctx,
          { content: m.content, deadlineType: m.deadlineType as 'calendar' | 'working', days: m.deadlineDays ?? 1 },
          day,
        );
        await repo.updateMeasure(ctx.db, m.id, { deadline });
        m.deadline = deadline;
      }
      if (measures.some((m) => m.deadline < day)) {
        throw badRequest('PROBLEM_DEADLINE_PAST', '整改时限不能早于交办日期', 'measures');
      }
      patch.deadline = measures
        .map((m) => m.deadline)
        .sort()
        .at(-1);
      patch.dispatchedAt = ctx.now;
      await PROBLEM_DOCUMENTS.notice.issue(ctx, p);
      break;
    }
    case 'receive':
      patch.receivedAt = ctx.now;
      break;
    case 'report_progress': {
      const m = measures.find((x) => x.id === input.measureId);
      if (!m) throw badRequest('MEASURE_REQUIRED', '请选择报告进展的整改措施', 'measureId');
      if (!input.progress) throw badRequest('PROGRESS_REQUIRED', '请填写整改进展', 'progress');
      // 减负: late reports are accepted and marked late, never locked out.
      late = day > m.deadline;
      await repo.updateMeasure(ctx.db, m.id, {
        progress: input.progress,
        lastReportAt: ctx.now,
        done: input.done ?? m.done,
        doneAt: input.done ? ctx.now : m.doneAt,
      });
      payload.measureId = m.id;
      payload.progress = input.progress;
      payload.done = input.done ?? false;
      patch.lastProgressAt = ctx.now;
      break;
    }
    case 'request_close': {
      if (files.length === 0 && input.fileIds.length === 0) {
        throw ruleViolation('PROBLEM_EVIDENCE_REQUIRED', '申请销号须上传整改佐证材料', 'fileIds');
      }
      // A unit head's own request skips the unit's internal approval.
      patch.closeStage = actor.roles.some((r) => r.role === 'unit_head') ? 'office' : 'unit_head';
      break;
    }
    case 'approve_close_request':
      patch.closeStage = 'office';
      break;
    case 'close':
      patch.closeStage = null;
      patch.closedAt = ctx.now;
      patch.color = null;
      patch.listed = false;
      patch.pendingEscalation = null;
      break;
    case 'reject_close':
      requireComment('退回理由');
      patch.closeStage = null;
      break;
    case 'reopen': {
      requireComment('反弹情况说明');
      if (!input.deadline || input.deadline < day) {
        throw badRequest('PROBLEM_DEADLINE_PAST', '请填写新的整改时限，且不能早于今天', 'deadline');
      }
      for (const m of measures) {
        await repo.updateMeasure(ctx.db, m.id, {
          done: false,
          doneAt: null,
          deadline: [m.deadline, input.deadline].sort()[1],
        });
      }
      patch.deadline = input.deadline;
      patch.reopenCount = p.reopenCount + 1;
      patch.closedAt = null;
      patch.escalationLevel = 0;
      payload.deadline = input.deadline;
      break;
    }
    case 'escalate': {
      const level = (input.level ?? p.pendingEscalation ?? p.escalationLevel + 1) as EscalationLevel;
      if (level <= p.escalationLevel) {
        throw ruleViolation(
          'ESCALATION_NOT_HIGHER',
          `该问题已处于“${ESCALATION_LEVELS[p.escalationLevel as EscalationLevel]}”`,
        );
      }
      patch.escalationLevel = level;
      patch.pendingEscalation = null;
      if (level >= 3) patch.listed = true;
      payload.level = level;
      payload.levelLabel = ESCALATION_LEVELS[level];
      await PROBLEM_DOCUMENTS.reminder.issue(ctx, p);
      if (level >= 2) await PROBLEM_DOCUMENTS.interview.issue(ctx, p);
      // The last rung hands the problem to the case office's 问责建议 queue (issue #17).
      if (level === 4) after = () => proposeAccountabilityForProblem(ctx, p, input.comment).then(() => undefined);
      break;
    }
    case 'dismiss_escalation':
      requireComment('不予升级的理由');
      payload.level = p.pendingEscalation;
      patch.pendingEscalation = null;
      break;
    default:
      throw ruleViolation('PROBLEM_ILLEGAL_TRANSITION', '不支持的操作');
  }

  return { patch, payload, late, after };
}

/**
 * 明确牵头单位: a decision (e.g. of the joint meeting, where 编办 settles responsibility boundaries)
 * makes `leadUnitId` the responsible unit of a cross-functional problem; the others become co-units.
 */
export async function assignLeadUnit(ctx: Ctx, id: string, leadUnitId: string, note: string) {
  const actor = actorOf(ctx);
  if (!actor.permissions.has('problems:manage')) throw forbidden();
  const { problem: p } = await loadProblem(ctx, id);
  const units = [...new Set([p.unitId, ...p.coUnitIds])];
  if (!units.includes(leadUnitId))
    throw badRequest('LEAD_UNIT_NOT_INVOLVED', '牵头单位须为该事项涉及的单位之一', 'leadUnitId');
  const updated = await repo.update(ctx.db, id, p.version, {
    unitId: leadUnitId,
    coUnitIds: units.filter((u) => u !== leadUnitId),
    leadUnitConfirmed: true,
  });
  if (!updated) throw conflict();
  await repo.insertEvent(ctx.db, {
    problemId: id,
    type: 'assign_lead_unit',
    fromState: p.state,
    toState: p.state,
    actorUserId: actor.userId,
    actorName: actor.displayName,
    at: ctx.now,
    comment: note,
    payload: { leadUnitId, previousUnitId: p.unitId },
  });
  await recordAudit(ctx, {
    type: 'problem.event',
    entity: 'problem',
    entityId: id,
    before: { unitId: p.unitId, coUnitIds: p.coUnitIds },
    after: { event: 'assign_lead_unit', unitId: leadUnitId, coUnitIds: updated.coUnitIds },
  });
  return updated;
}
