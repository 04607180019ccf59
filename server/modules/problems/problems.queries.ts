/** Reads of the problem ledger: what a caller may see, presented with the actions they may take. */
import { PROBLEM_COLORS, PROBLEM_SEVERITIES, PROBLEM_SOURCES, type ProblemColor } from '../../../common/problems.js';
import { type Actor, type Ctx, actorOf, today } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { actionsOf } from '../../platform/workflow/machine.js';
import * as repo from './problems.repository.js';
import {
  type MeasureJson,
  type ProblemJson,
  detailPrepared,
  listPrepared,
  measuresOfPrepared,
} from './problems.prepared.repository.js';
import { previewManyPrepared, previewPrepared } from './problems.preview.repository.js';
import type { TListProblems } from '../../../common/problems.schema.js';
import { capacitiesOf } from './problems.policy.js';
import { problemMachine, problemRefusal, stateLabel } from './problems.states.js';

const seesDrafts = (actor: Actor) => actor.permissions.has('problems:manage');

/** A problem with its names, as Drizzle maps the row (dates) or as the detail statement carries it (ISO text). */
type ProblemRead = Omit<repo.ProblemWithNames, 'problem'> & { problem: repo.ProblemWithNames['problem'] | ProblemJson };

export function present(
  ctx: Ctx,
  row: ProblemRead,
  measures: ((repo.MeasureRow & { ownerName: string | null }) | MeasureJson)[],
) {
  const p = row.problem;
  const actor = actorOf(ctx);
  const day = today(ctx);
  const own = measures.filter((m) => m.problemId === p.id);
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
    measures: own.map((m) => ({
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
    actions: actionsOf(problemMachine, capacitiesOf(actor, p), p, problemRefusal(own)),
  };
}
export type ProblemView = ReturnType<typeof present>;

/** The ledger's rows and total the caller may see with `f`. */
function pageOf(ctx: Ctx, f: TListProblems) {
  const actor = actorOf(ctx);
  // Search builds its statement per request (generic plans were slower for it); every other shape is prepared.
  const list = f.q?.trim() ? repo.list : listPrepared;
  return list(ctx.db, actor.scope, seesDrafts(actor), f, today(ctx));
}

export async function listProblems(ctx: Ctx, f: TListProblems) {
  const { items, total } = await pageOf(ctx, f);
  const measures = await measuresOfPrepared(
    ctx.db,
    items.map((i) => i.problem.id),
  );
  return { items: items.map((r) => present(ctx, r, measures)), total };
}

/**
 * The same rows and total as `listProblems`, without measures and actions: for a preview that shows a row's code,
 * title and unit (home), which would otherwise read every row's measures to throw them away.
 */
export async function previewProblems(ctx: Ctx, f: TListProblems) {
  const actor = actorOf(ctx);
  const prepared = await previewPrepared(ctx.db, actor.scope, seesDrafts(actor), f, today(ctx));
  if (prepared) return prepared;
  const { items, total } = await pageOf(ctx, f);
  const rows = items.map(({ problem: p, unitName }) => ({ id: p.id, code: p.code, title: p.title, unitName }));
  return { items: rows, total };
}

/** `previewProblems` for several filters at once (home's problem entries): the pages in one statement. */
export async function previewProblemsMany(ctx: Ctx, fs: TListProblems[]) {
  const actor = actorOf(ctx);
  const many = await previewManyPrepared(ctx.db, actor.scope, seesDrafts(actor), fs, today(ctx), ctx.together);
  if (many) return many;
  const answers = [];
  for (const f of fs) answers.push(await previewProblems(ctx, f));
  return answers;
}

/** Problems by state and colour for the 挂图作战 board header. */
export async function problemStats(ctx: Ctx, f: TListProblems) {
  const actor = actorOf(ctx);
  const rows = await repo.countByState(ctx.db, actor.scope, seesDrafts(actor), f, today(ctx));
  return rows.map((r) => ({ state: r.state, color: r.color, overdue: r.overdue, count: Number(r.n) }));
}

/** The problems the ledger shows with `f`, counted by state, colour (`none`: no colour) or source. */
export async function problemCounts(
  ctx: Ctx,
  f: Omit<TListProblems, 'page' | 'pageSize'>,
  by: 'state' | 'color' | 'source',
) {
  const actor = actorOf(ctx);
  return repo.countBy(ctx.db, actor.scope, seesDrafts(actor), f, today(ctx), by);
}

/** Loads a problem the caller may see, or 404. */
export async function loadProblem(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const row = await repo.get(ctx.db, actor.scope, seesDrafts(actor), id, today(ctx));
  if (!row) throw notFound('问题不存在或无权查看');
  return row;
}

/** The detail page: one prepared statement, built once per scope shape (issue #19). */
export async function getProblem(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const row = await detailPrepared(ctx.db, actor.scope, seesDrafts(actor), id, today(ctx));
  if (!row) throw notFound('问题不存在或无权查看');
  // Files attach on submit: one uploaded in a dialog that was cancelled is in no event and not the problem's.
  const submitted = new Set(row.events.flatMap((e) => (e.payload as { fileIds?: string[] } | null)?.fileIds ?? []));
  // Added to the presented object rather than spread into a copy of its forty keys.
  return Object.assign(present(ctx, row, row.measures), {
    events: row.events,
    files: row.files.filter((f) => f.eventId || submitted.has(f.id)),
  });
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
