import dayjs from 'dayjs';
import { PROBLEM_COLORS, PROBLEM_SEVERITIES, PROBLEM_SOURCES, type ProblemColor } from '../../../common/problems.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { addWorkingDays } from '../../platform/calendar/calendar.service.js';
import { type Actor, type Ctx, actorOf, today } from '../../platform/context.js';
import { badRequest, conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import * as org from '../org/org.service.js';
import * as repo from './problems.repository.js';
import type { TCreateProblem, TListProblems, TMeasureInput, TUpdateProblem } from '../../../common/problems.schema.js';
import { actionsOf } from '../../platform/workflow/machine.js';
import { capacitiesOf } from './problems.policy.js';
import { problemMachine, stateLabel } from './problems.states.js';

const seesDrafts = (actor: Actor) => actor.permissions.has('problems:manage');

export function present(
  ctx: Ctx,
  row: repo.ProblemWithNames,
  measures: (repo.MeasureRow & { ownerName: string | null })[],
) {
  const p = row.problem;
  const actor = actorOf(ctx);
  const day = today(ctx);
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    description: p.description,
    source: p.source,
    sourceLabel: PROBLEM_SOURCES[p.source as keyof typeof PROBLEM_SOURCES] ?? p.source,
    sourceRef: p.sourceRef,
    category: p.category,
    severity: p.severity,
    severityLabel: PROBLEM_SEVERITIES[p.severity as keyof typeof PROBLEM_SEVERITIES] ?? p.severity,
    unitId: p.unitId,
    unitName: row.unitName,
    coUnitIds: p.coUnitIds,
    leadUnitConfirmed: p.leadUnitConfirmed,
    responsiblePersonId: p.responsiblePersonId,
    responsibleName: row.responsibleName,
    leaderPersonId: p.leaderPersonId,
    leaderName: row.leaderName,
    state: p.state,
    stateLabel: stateLabel(p.state),
    closeStage: p.closeStage,
    overdue: row.overdue,
    listed: p.listed,
    color: p.color as ProblemColor | null,
    colorLabel: p.color ? PROBLEM_COLORS[p.color as ProblemColor] : null,
    urgent: p.urgent,
    deadline: p.deadline,
    escalationLevel: p.escalationLevel,
    pendingEscalation: p.pendingEscalation,
    commonGroupId: p.commonGroupId,
    reopenCount: p.reopenCount,
    dispatchedAt: p.dispatchedAt,
    receivedAt: p.receivedAt,
    lastProgressAt: p.lastProgressAt,
    closedAt: p.closedAt,
    createdAt: p.createdAt,
    version: p.version,
    measures: measures
      .filter((m) => m.problemId === p.id)
      .map((m) => ({
        id: m.id,
        seq: m.seq,
        content: m.content,
        ownerPersonId: m.ownerPersonId,
        ownerName: m.ownerName,
        deadlineType: m.deadlineType,
        deadlineDays: m.deadlineDays,
        deadline: m.deadline,
        done: m.done,
        doneAt: m.doneAt,
        progress: m.progress,
        lastReportAt: m.lastReportAt,
        overdue: !m.done && m.deadline < day && p.state !== 'closed',
      })),
    actions: actionsOf(problemMachine, capacitiesOf(actor, p), p),
  };
}
export type ProblemView = ReturnType<typeof present>;

export async function listProblems(ctx: Ctx, f: TListProblems) {
  const actor = actorOf(ctx);
  const { items, total } = await repo.list(ctx.db, actor.scope, seesDrafts(actor), f, today(ctx));
  const measures = await repo.measuresOf(
    ctx.db,
    items.map((i) => i.problem.id),
  );
  return { items: items.map((r) => present(ctx, r, measures)), total };
}

/** Problems by state and colour for the 挂图作战 board header. */
export async function problemStats(ctx: Ctx, f: TListProblems) {
  const actor = actorOf(ctx);
  const rows = await repo.countByState(ctx.db, actor.scope, seesDrafts(actor), f, today(ctx));
  return rows.map((r) => ({ state: r.state, color: r.color, overdue: r.overdue, count: Number(r.n) }));
}

/** Loads a problem the caller may see, or 404. */
export async function loadProblem(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const row = await repo.get(ctx.db, actor.scope, seesDrafts(actor), id, today(ctx));
  if (!row) throw notFound('问题不存在或无权查看');
  return row;
}

export async function getProblem(ctx: Ctx, id: string) {
  const row = await loadProblem(ctx, id);
  const measures = await repo.measuresOf(ctx.db, [id]);
  const events = await repo.eventsOf(ctx.db, id);
  const files = await repo.filesOf(ctx.db, id);
  return {
    ...present(ctx, row, measures),
    events: events.map((e) => ({
      id: e.id,
      type: e.type,
      fromState: e.fromState,
      toState: e.toState,
      actorName: e.actorName,
      at: e.at,
      comment: e.comment,
      payload: e.payload,
      late: e.late,
    })),
    files,
  };
}

/** Deadline of a measure counted from `from` (the dispatch date, or today for drafts). */
export async function measureDeadline(ctx: Ctx, m: TMeasureInput, from: string): Promise<string> {
  if (m.deadlineType === 'date') return m.deadline as string;
  if (m.deadlineType === 'calendar')
    return dayjs(from)
      .add(m.days as number, 'day')
      .format('YYYY-MM-DD');
  return addWorkingDays(ctx.db, from, m.days as number);
}

async function measureRows(ctx: Ctx, problemId: string, measures: TMeasureInput[]) {
  const from = today(ctx);
  const rows = [];
  for (const [i, m] of measures.entries()) {
    const deadline = await measureDeadline(ctx, m, from);
    if (deadline < from) {
      throw badRequest('PROBLEM_DEADLINE_PAST', '整改时限不能早于交办日期', `measures.${i}.deadline`);
    }
    rows.push({
      problemId,
      seq: i + 1,
      content: m.content,
      ownerPersonId: m.ownerPersonId ?? null,
      deadlineType: m.deadlineType,
      deadlineDays: m.days ?? null,
      deadline,
    });
  }
  return rows;
}

async function checkRefs(ctx: Ctx, input: Partial<TCreateProblem>) {
  if (input.unitId) {
    await org.getUnit(ctx, input.unitId).catch(() => {
      throw badRequest('UNIT_NOT_FOUND', '责任单位不存在', 'unitId');
    });
  }
  const people: [string | null | undefined, string][] = [
    [input.responsiblePersonId, 'responsiblePersonId'],
    [input.leaderPersonId, 'leaderPersonId'],
    ...(input.measures ?? []).map(
      (m, i) => [m.ownerPersonId, `measures.${i}.ownerPersonId`] as [string | null | undefined, string],
    ),
  ];
  for (const [id, field] of people) {
    if (id) {
      await org.getPerson(ctx, id).catch(() => {
        throw badRequest('PERSON_NOT_FOUND', '所选人员不存在', field);
      });
    }
  }
}

export async function createProblem(ctx: Ctx, input: TCreateProblem) {
  const actor = actorOf(ctx);
  await checkRefs(ctx, input);
  const unit = await org.getUnit(ctx, input.unitId);
  const problem = await repo.insert(ctx.db, {
    regionId: actor.scope.regionId as string,
    code: await repo.nextCode(ctx.db, Number(today(ctx).slice(0, 4))),
    title: input.title,
    description: input.description,
    source: input.source,
    sourceRef: input.sourceRef ?? null,
    category: input.category,
    severity: input.severity,
    unitId: input.unitId,
    responsiblePersonId: input.responsiblePersonId ?? unit.principalPersonId,
    leaderPersonId: input.leaderPersonId ?? unit.leaderInChargePersonId,
    urgent: input.urgent,
    createdBy: actor.userId,
  });
  const measures = await measureRows(ctx, problem.id, input.measures);
  await repo.insertMeasures(ctx.db, measures);
  const deadline =
    measures
      .map((m) => m.deadline)
      .sort()
      .at(-1) ?? null;
  const saved = await repo.update(ctx.db, problem.id, problem.version, { deadline });
  await recordAudit(ctx, {
    type: 'problem.created',
    entity: 'problem',
    entityId: problem.id,
    after: { ...saved, measures },
  });
  return saved;
}

export async function updateProblem(ctx: Ctx, id: string, input: TUpdateProblem) {
  const before = await getProblem(ctx, id);
  if (!actorOf(ctx).permissions.has('problems:manage')) throw forbidden();
  if (before.state !== 'draft') {
    throw ruleViolation('PROBLEM_NOT_DRAFT', '问题已交办，不能再修改清单内容；如需调整请通过退回重改或反弹处理');
  }
  await checkRefs(ctx, input);
  const { version, measures, ...patch } = input;
  let deadline = before.deadline;
  if (measures) {
    const rows = await measureRows(ctx, id, measures);
    await repo.replaceMeasures(ctx.db, id, rows);
    deadline =
      rows
        .map((m) => m.deadline)
        .sort()
        .at(-1) ?? null;
  }
  const updated = await repo.update(ctx.db, id, version, { ...patch, deadline });
  if (!updated) throw conflict();
  const after = await getProblem(ctx, id);
  await recordAudit(ctx, { type: 'problem.updated', entity: 'problem', entityId: id, before, after });
  return after;
}

/** Joint-meeting disputes the caller may see. */
export async function listDisputes(ctx: Ctx) {
  const rows = await repo.disputes(ctx.db, actorOf(ctx).scope, today(ctx));
  const measures = await repo.measuresOf(
    ctx.db,
    rows.map((r) => r.problem.id),
  );
  return rows.map((r) => present(ctx, r, measures));
}

/** States of problems another module created (e.g. from patrol findings), for its statistics. */
export async function problemStatesOf(ctx: Ctx, ids: string[]): Promise<Map<string, { state: string; code: string }>> {
  const rows = await repo.statesOf(ctx.db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { state: r.state, code: r.code }]));
}
