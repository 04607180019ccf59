import { REVIEW_KINDS } from '../../../common/patrol.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf, today } from '../../platform/context.js';
import { badRequest, forbidden } from '../../platform/errors.js';
import { problemStatesOf } from '../problems/problems.service.js';
import { groupIdsOf, isManager } from './patrol.policy.js';
import * as repo from './patrol.repository.js';
import type { TCreateReview } from '../../../common/patrol.schema.js';
import { groupNames, patrolScope } from './patrol.service.js';
import * as stats from './patrol.stats.repository.js';

function periodOf(ctx: Ctx, year?: number): stats.Period {
  const y = year ?? Number(today(ctx).slice(0, 4));
  return { regionId: actorOf(ctx).scope.regionId as string, from: `${y}-01-01`, to: `${y}-12-31` };
}

const rate = (done: number, all: number) => (all === 0 ? null : Math.round((done / all) * 1000) / 10);

/** Per patrol group: tasks, inspections, days in the field, findings, problems closed, and its reviews. */
export async function groupPerformance(ctx: Ctx, year?: number) {
  const actor = actorOf(ctx);
  const manager = isManager(actor);
  const own = groupIdsOf(actor);
  if (!manager && own.length === 0) throw forbidden();
  const period = periodOf(ctx, year);
  const names = await groupNames(ctx);
  const work = await stats.groupWork(ctx.db, period);
  const problems = await problemStatesOf(
    ctx,
    work.flatMap((w) => w.problemIds),
  );
  const reviews = await repo.listReviews(ctx.db, patrolScope(actor));
  const y = period.from.slice(0, 4);
  const items = [...names.entries()]
    .filter(([id]) => manager || own.includes(id))
    .map(([groupId, groupName]) => {
      const w = work.find((x) => x.groupId === groupId);
      const closed = (w?.problemIds ?? []).filter((id) => problems.get(id)?.state === 'closed').length;
      const mine = reviews.filter((r) => r.groupId === groupId && r.period.startsWith(y));
      const annual = mine.find((r) => r.kind === 'annual');
      return {
        groupId,
        groupName,
        tasks: w?.tasks ?? 0,
        tasksDone: w?.tasksDone ?? 0,
        inspections: w?.inspections ?? 0,
        fieldDays: w?.fieldDays ?? 0,
        unannouncedDays: w?.unannouncedDays ?? 0,
        findings: w?.findings ?? 0,
        dispatched: w?.dispatched ?? 0,
        problems: w?.problemIds.length ?? 0,
        problemsClosed: closed,
        semiannualReports: mine.filter((r) => r.kind === 'semiannual').map((r) => r.period),
        annualScore: annual?.score ?? null,
      };
    });
  return { year: Number(y), items };
}

/** The figures of seed 001: units and projects inspected, findings, circulars and who/what they named, rectification. */
export async function patrolFigures(ctx: Ctx, year?: number) {
  const period = periodOf(ctx, year);
  const f = await stats.figures(ctx.db, period);
  const ids = await stats.findingProblemIds(ctx.db, period);
  const states = await problemStatesOf(ctx, ids);
  const closed = [...states.values()].filter((s) => s.state === 'closed').length;
  const findings = Object.entries(f.findingsByState)
    .filter(([s]) => s !== 'merged')
    .reduce((n, [, c]) => n + c, 0);
  const groups = await groupPerformance(ctx, year);
  return {
    year: groups.year,
    ...f,
    findings,
    problems: states.size,
    problemsClosed: closed,
    rectificationRate: rate(closed, states.size),
    fieldDays: groups.items.reduce((n, g) => n + g.fieldDays, 0),
    unannouncedShare: rate(
      groups.items.reduce((n, g) => n + g.unannouncedDays, 0),
      groups.items.reduce((n, g) => n + g.fieldDays, 0),
    ),
    byGroup: groups.items,
  };
}

export async function listReviews(ctx: Ctx, groupId?: string) {
  const actor = actorOf(ctx);
  const rows = await repo.listReviews(ctx.db, patrolScope(actor), groupId);
  const names = await groupNames(ctx);
  return {
    items: rows.map((r) => ({
      ...r,
      groupName: names.get(r.groupId) ?? '',
      kindLabel: REVIEW_KINDS[r.kind as keyof typeof REVIEW_KINDS],
    })),
    total: rows.length,
  };
}

/** A group submits its semi-annual report; the office records the year-end 述职 evaluation with a score. */
export async function saveReview(ctx: Ctx, input: TCreateReview) {
  const actor = actorOf(ctx);
  let groupId: string;
  if (input.kind === 'semiannual') {
    const own = groupIdsOf(actor);
    if (own.length === 0) throw forbidden('半年工作报告由督导巡查组报送');
    groupId = input.groupId && own.includes(input.groupId) ? input.groupId : own[0];
  } else {
    if (!isManager(actor)) throw forbidden('年度述职评议由领导小组办公室录入');
    if (!input.groupId) throw badRequest('GROUP_REQUIRED', '请选择督导巡查组', 'groupId');
    if (!(await groupNames(ctx)).has(input.groupId)) throw badRequest('GROUP_NOT_FOUND', '督导巡查组不存在', 'groupId');
    if (input.score === undefined) throw badRequest('SCORE_REQUIRED', '请填写评议得分', 'score');
    groupId = input.groupId;
  }
  const row = await repo.insertReview(ctx.db, {
    regionId: actor.scope.regionId as string,
    groupId,
    kind: input.kind,
    period: input.period,
    report: input.report,
    score: input.kind === 'annual' ? (input.score ?? null) : null,
    comment: input.comment,
    submittedBy: actor.displayName,
  });
  await recordAudit(ctx, { type: 'patrol.review_saved', entity: 'patrol_group_review', entityId: row.id, after: row });
  return row;
}
