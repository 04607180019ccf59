import { formatDate } from '../../../common/format.js';
import { and, asc, count, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { updateAtVersion } from '../../platform/db/versioned.js';
import { GRADES, type Grade } from '../../../common/assessment.js';
import { PROBLEM_STATES, type ProblemState } from '../../../common/problems.js';
import { RECHECK_VERDICTS, REVIEW_STATES, type RecheckVerdict, type ReviewState } from '../../../common/reviews.js';
import type { TCreateReview, TListReviews, TReviewEvent } from '../../../common/reviews.schema.js';
import { REVIEW_TABLE, type ReviewCapacity } from '../../../common/reviews.states.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { badRequest, notFound, ruleViolation } from '../../platform/errors.js';
import {
  type Step,
  actionsOf,
  defineMachine,
  fireTransition,
  requireComment,
} from '../../platform/workflow/machine.js';
import { selectPage } from '../../platform/db/paging.js';
import * as org from '../org/org.service.js';
import { problemDirectory } from '../problems/problems.facts.js';
import { createProblem, fireEvent as fireProblemEvent } from '../problems/problems.service.js';
import { REVIEW_REPORT } from './assessment.numbering.js';
import { gradeOf, settingsOf } from './assessment.settings.js';
import { getSystem } from './assessment.systems.js';
import { reviewEvents, reviewItems, reviews } from './assessment.tables.js';

/**
 * 督导评估 (SPEC M6, seed 002): the office scores a unit's first-level indicators after a visit, publishes the
 * numbered report, hands the rectification items to the problem ledger with their deadlines and re-inspects;
 * a failed 复查 returns the unit to 限期整改. The unit, its dispatched group and 组织部 read published reviews.
 */
type Row = typeof reviews.$inferSelect;
type Scores = Record<string, { score: number; comment: string }>;

export const reviewMachine = defineMachine<ReviewState, TReviewEvent['type'], ReviewCapacity, Row>({
  table: REVIEW_TABLE,
  noun: '督导评估',
  illegalCode: 'REVIEW_ILLEGAL_TRANSITION',
  actorFirst: true,
});

const manages = (a: Actor) => a.permissions.has('assessment:manage');
const capacitiesOf = (a: Actor) => new Set<ReviewCapacity>(manages(a) ? ['office'] : []);

/** Others read published reviews of the units in their scope; drafts stay with the office. */
function visible(a: Actor) {
  if (manages(a)) return undefined;
  const published = ne(reviews.state, 'draft');
  if (a.scope.allUnits) return published;
  return a.scope.unitIds.length ? and(published, inArray(reviews.unitId, a.scope.unitIds)) : sql`false`;
}

const totalOf = (scores: Scores) => {
  const values = Object.values(scores);
  return values.length ? Math.round(values.reduce((s, x) => s + x.score, 0) * 100) / 100 : null;
};

export async function listReviews(ctx: Ctx, f: TListReviews) {
  const w = and(
    eq(reviews.regionId, regionOf(ctx)),
    visible(actorOf(ctx)),
    f.year ? eq(reviews.year, f.year) : undefined,
    f.unitId ? eq(reviews.unitId, f.unitId) : undefined,
    f.state ? eq(reviews.state, f.state) : undefined,
  );
  const { items: rows, total } = await selectPage(ctx.db, reviews, w, [desc(reviews.visitedOn), desc(reviews.id)], f);
  const names = await org.unitNames(
    ctx.db,
    rows.map((r) => r.unitId),
  );
  return { items: rows.map((r) => present(r, names.get(r.unitId) ?? '')), total };
}

const present = (r: Row, unitName: string) => ({
  ...r,
  unitName,
  state: r.state as ReviewState,
  stateLabel: REVIEW_STATES[r.state as ReviewState],
  total: totalOf(r.scores as Scores),
});

async function loadReview(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select()
    .from(reviews)
    .where(and(eq(reviews.regionId, regionOf(ctx)), eq(reviews.id, id), visible(actorOf(ctx))));
  if (!row) throw notFound('督导评估不存在或无权查看');
  return row;
}

/** The first-level indicators scored in a review (the system's top of the tree). */
async function topIndicators(ctx: Ctx, systemId: string) {
  const system = await getSystem(ctx, systemId);
  return { system, indicators: system.indicators.filter((i) => i.level === 1) };
}

export async function getReview(ctx: Ctx, id: string) {
  const r = await loadReview(ctx, id);
  const { system, indicators } = await topIndicators(ctx, r.systemId);
  const scores = r.scores as Scores;
  const items = await ctx.db
    .select()
    .from(reviewItems)
    .where(eq(reviewItems.reviewId, id))
    .orderBy(asc(reviewItems.seq));
  const p = problemDirectory('p');
  const states = items.length
    ? new Map(
        (
          await ctx.db
            .select({ id: p.id, state: p.state })
            .from(p)
            .where(
              inArray(
                p.id,
                items.map((i) => i.problemId),
              ),
            )
        ).map((x) => [x.id, x.state]),
      )
    : new Map<string, string>();
  const checks = await ctx.db
    .select()
    .from(reviewEvents)
    .where(and(eq(reviewEvents.reviewId, id), eq(reviewEvents.type, 'recheck')))
    .orderBy(asc(reviewEvents.at));
  const total = totalOf(scores);
  const { thresholds } = await settingsOf(ctx, r.regionId);
  const grade: Grade | null =
    total === null || Object.keys(scores).length < indicators.length ? null : gradeOf(total, thresholds);
  const names = await org.unitNames(ctx.db, [r.unitId]);
  return {
    ...present(r, names.get(r.unitId) ?? ''),
    systemName: system.name,
    grade,
    gradeLabel: grade ? GRADES[grade] : null,
    indicators: indicators.map((i) => ({
      id: i.id,
      name: i.name,
      weight: i.weight,
      score: scores[i.id]?.score ?? null,
      comment: scores[i.id]?.comment ?? '',
    })),
    items: items.map((i) => {
      const s = states.get(i.problemId);
      return { ...i, problemState: s ? PROBLEM_STATES[s as ProblemState] : null };
    }),
    checks: checks.map((c) => {
      const payload = (c.payload ?? {}) as { verdict: RecheckVerdict; open: number };
      return {
        at: c.at,
        verdict: payload.verdict,
        verdictLabel: RECHECK_VERDICTS[payload.verdict],
        comment: c.comment,
        open: payload.open,
      };
    }),
    actions: actionsOf(reviewMachine, capacitiesOf(actorOf(ctx)), r),
  };
}

export async function createReview(ctx: Ctx, input: TCreateReview) {
  await org.getUnit(ctx, input.unitId).catch(() => {
    throw ruleViolation('UNIT_NOT_FOUND', '被评估单位不存在或无权查看', 'unitId');
  });
  const { indicators } = await topIndicators(ctx, input.systemId).catch(() => {
    throw ruleViolation('SYSTEM_NOT_FOUND', '指标体系不存在', 'systemId');
  });
  if (indicators.length === 0) throw ruleViolation('SYSTEM_EMPTY', '该指标体系还没有一级指标', 'systemId');
  const [row] = await ctx.db
    .insert(reviews)
    .values({ ...input, regionId: regionOf(ctx) })
    .returning();
  await recordAudit(ctx, { type: 'review.created', entity: 'review', entityId: row.id, after: row });
  return getReview(ctx, row.id);
}

export async function fireReviewEvent(ctx: Ctx, id: string, input: TReviewEvent) {
  const r = await loadReview(ctx, id);
  await fireTransition(ctx, {
    machine: reviewMachine,
    row: r,
    capacities: capacitiesOf(actorOf(ctx)),
    event: input.type,
    version: input.version,
    comment: input.comment,
    apply: () => applyEvent(ctx, r, input),
    update: (patch, version) => updateAtVersion(ctx.db, reviews, id, version, patch, undefined, ctx.now),
    record: (e) =>
      ctx.db
        .insert(reviewEvents)
        .values({ reviewId: id, ...e })
        .then(() => undefined),
    audit: { type: 'review.event', entity: 'review', entityId: id },
  });
  return getReview(ctx, id);
}

async function applyEvent(ctx: Ctx, r: Row, input: TReviewEvent): Promise<Step<Row, ReviewState>> {
  switch (input.type) {
    case 'score': {
      const { indicators } = await topIndicators(ctx, r.systemId);
      const byId = new Map(indicators.map((i) => [i.id, i]));
      const scores = { ...(r.scores as Scores) };
      for (const s of input.scores ?? []) {
        const ind = byId.get(s.indicatorId);
        if (!ind) throw badRequest('INDICATOR_NOT_FOUND', '只能为该指标体系的一级指标评分', 'scores');
        if (s.score > ind.weight) throw badRequest('SCORE_TOO_HIGH', `“${ind.name}”最高${ind.weight}分`, 'scores');
        scores[s.indicatorId] = { score: s.score, comment: s.comment };
      }
      return { patch: { scores }, payload: { scored: (input.scores ?? []).length } };
    }
    case 'publish': {
      const { indicators } = await topIndicators(ctx, r.systemId);
      const missing = indicators.filter((i) => !(i.id in (r.scores as Scores)));
      if (missing.length) {
        throw ruleViolation('REVIEW_UNSCORED', `尚未评分：${missing.map((i) => i.name).join('、')}`);
      }
      if (!input.conclusion) throw badRequest('CONCLUSION_REQUIRED', '请填写评估结论（公开部分）', 'conclusion');
      return {
        patch: { conclusion: input.conclusion, findings: input.findings ?? '', publishedAt: ctx.now },
        after: async (row) => {
          await REVIEW_REPORT.issue(ctx, row);
        },
      };
    }
    case 'rectify':
      return { payload: { problems: await handOver(ctx, r, input.items ?? []) } };
    case 'schedule':
      if (!input.recheckOn) throw badRequest('RECHECK_DATE_REQUIRED', '请选择复查日期', 'recheckOn');
      if (input.recheckOn < today(ctx)) throw badRequest('RECHECK_DATE_PAST', '复查日期不能早于今天', 'recheckOn');
      return { patch: { recheckOn: input.recheckOn }, payload: { recheckOn: input.recheckOn } };
    case 'recheck': {
      if (!input.verdict) throw badRequest('VERDICT_REQUIRED', '请选择复查结论', 'verdict');
      requireComment(input.comment, '复查意见');
      const open = await openItems(ctx, r.id);
      if (input.verdict === 'passed' && open > 0) {
        throw ruleViolation('ITEMS_OPEN', `还有${open}项整改问题未销号，不能认定复查合格`);
      }
      const payload = { verdict: input.verdict, open };
      if (input.verdict === 'failed') return { to: 'rectifying', patch: { recheckOn: null }, payload };
      return { patch: { closedAt: ctx.now }, payload };
    }
  }
}

/** The rectification items become problems of the unit, dispatched at once with their deadlines. */
async function handOver(ctx: Ctx, r: Row, items: NonNullable<TReviewEvent['items']>) {
  if (items.length === 0) throw badRequest('ITEMS_REQUIRED', '请至少填写一项整改事项', 'items');
  if (items.some((i) => i.deadline <= today(ctx))) {
    throw badRequest('DEADLINE_PAST', '整改时限应晚于今天', 'items');
  }
  const codes: string[] = [];
  const [{ n: before }] = await ctx.db.select({ n: count() }).from(reviewItems).where(eq(reviewItems.reviewId, r.id));
  for (const [k, item] of items.entries()) {
    const p = await createProblem(ctx, {
      title: `【督导评估整改】${item.content}`.slice(0, 200),
      description: `${r.title}（${formatDate(r.visitedOn)}实地督导）发现问题，限期整改：${item.content}`.slice(0, 5000),
      source: 'special',
      sourceRef: r.title.slice(0, 200),
      category: '督导评估',
      severity: 'general',
      unitId: r.unitId,
      urgent: false,
      dispatch: false,
      measures: [{ content: item.content, deadlineType: 'date', deadline: item.deadline }],
    });
    await fireProblemEvent(ctx, p.id, {
      type: 'dispatch',
      version: p.version,
      comment: `督导评估“${r.title}”限期整改`,
      fileIds: [],
    });
    await ctx.db.insert(reviewItems).values({
      reviewId: r.id,
      seq: Number(before) + k + 1,
      content: item.content,
      deadline: item.deadline,
      problemId: p.id,
      problemCode: p.code,
    });
    codes.push(p.code);
  }
  return codes;
}

async function openItems(ctx: Ctx, reviewId: string) {
  const items = await ctx.db
    .select({ id: reviewItems.problemId })
    .from(reviewItems)
    .where(eq(reviewItems.reviewId, reviewId));
  if (items.length === 0) return 0;
  const p = problemDirectory('p');
  const rows = await ctx.db
    .select({ state: p.state })
    .from(p)
    .where(
      inArray(
        p.id,
        items.map((i) => i.id),
      ),
    );
  return rows.filter((x) => x.state !== 'closed').length;
}
