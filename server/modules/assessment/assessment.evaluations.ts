import { and, asc, count, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { updateAtVersion } from '../../platform/db/versioned.js';
import { GRADES } from '../../../common/assessment.js';
import {
  EVALUATION_KINDS,
  EVALUATION_STATES,
  type EvaluationKind,
  type EvaluationState,
  QUESTION_SOURCES,
  type QuestionSource,
} from '../../../common/evaluations.js';
import type {
  TCreateEvaluation,
  TEvaluationEvent,
  TEvaluationScores,
  TListEvaluations,
} from '../../../common/evaluations.schema.js';
import { EVALUATION_TABLE, type EvaluationCapacity } from '../../../common/evaluations.states.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Actor, type Ctx, actorOf, regionOf } from '../../platform/context.js';
import { badRequest, notFound, ruleViolation } from '../../platform/errors.js';
import { type Step, actionsOf, defineMachine, fireTransition } from '../../platform/workflow/machine.js';
import * as org from '../org/org.service.js';
import { drawQuestions, questionsOf, renumberAsked } from './assessment.inquiries.js';
import { checkPerson, leadersOf } from './assessment.subjects.js';
import { EVALUATION_MINUTES } from './assessment.numbering.js';
import { gradeOf, settingsOf } from './assessment.settings.js';
import { evaluationQuestions, evaluationReporters, evaluationScores, evaluations } from './assessment.tables.js';

/**
 * 述职评议 / 述责述廉 / 三述一评 (SPEC M6): the office convenes; reporting units and their supervisors read the
 * meetings they report in (their own unit's part only); the 纪要 is numbered when the meeting ends.
 */
type Row = typeof evaluations.$inferSelect;

export const evaluationMachine = defineMachine<EvaluationState, TEvaluationEvent['type'], EvaluationCapacity, Row>({
  table: EVALUATION_TABLE,
  noun: '评议会议',
  illegalCode: 'EVALUATION_ILLEGAL_TRANSITION',
  actorFirst: true,
});

const manages = (a: Actor) => a.permissions.has('assessment:manage');
const capacitiesOf = (a: Actor) => new Set<EvaluationCapacity>(manages(a) ? ['office'] : []);

/** The units whose part the caller reads: null = every unit (the office, and read-only roles over the region). */
function visibleUnits(a: Actor): string[] | null {
  return manages(a) || a.scope.allUnits ? null : a.scope.unitIds;
}

/** The outer row's id, qualified: drizzle writes a bare "id", which inside the subqueries means their own row's. */
const evaluationId = sql.raw('"evaluations"."id"');

const hasReporterIn = (units: string[]) =>
  sql`EXISTS (SELECT 1 FROM evaluation_reporters r WHERE r.evaluation_id = ${evaluationId}
    AND r.unit_id = ANY(${`{${units.join(',')}}`}::uuid[]))`;

const counts = {
  reporterCount: sql<number>`(SELECT count(*)::int FROM evaluation_reporters r WHERE r.evaluation_id = ${evaluationId})`,
  questionCount: sql<number>`(SELECT count(*)::int FROM evaluation_questions q WHERE q.evaluation_id = ${evaluationId})`,
};

const present = (r: Row & { reporterCount: number; questionCount: number }) => ({
  ...r,
  kind: r.kind as EvaluationKind,
  kindLabel: EVALUATION_KINDS[r.kind as EvaluationKind],
  state: r.state as EvaluationState,
  stateLabel: EVALUATION_STATES[r.state as EvaluationState],
  reporterCount: Number(r.reporterCount),
  questionCount: Number(r.questionCount),
});

export async function listEvaluations(ctx: Ctx, f: TListEvaluations) {
  const units = visibleUnits(actorOf(ctx));
  const w = and(
    eq(evaluations.regionId, regionOf(ctx)),
    f.year ? eq(evaluations.year, f.year) : undefined,
    f.kind ? eq(evaluations.kind, f.kind) : undefined,
    f.state ? eq(evaluations.state, f.state) : undefined,
    f.unitId ? hasReporterIn([f.unitId]) : undefined,
    units ? hasReporterIn(units) : undefined,
  );
  const rows = await ctx.db
    .select({ e: evaluations, ...counts })
    .from(evaluations)
    .where(w)
    .orderBy(desc(evaluations.scheduledAt), desc(evaluations.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await ctx.db.select({ n: count() }).from(evaluations).where(w);
  return { items: rows.map(({ e, ...c }) => present({ ...e, ...c })), total: Number(n) };
}

export async function loadEvaluation(ctx: Ctx, id: string) {
  const units = visibleUnits(actorOf(ctx));
  const [row] = await ctx.db
    .select()
    .from(evaluations)
    .where(
      and(eq(evaluations.regionId, regionOf(ctx)), eq(evaluations.id, id), units ? hasReporterIn(units) : undefined),
    );
  if (!row) throw notFound('评议会议不存在或无权查看');
  return row;
}

/** Reporters the caller reads, without the report's bytes. */
export async function reportersOf(ctx: Ctx, id: string) {
  const units = visibleUnits(actorOf(ctx));
  const { reportContent: _, ...columns } = getTableColumns(evaluationReporters);
  return ctx.db
    .select(columns)
    .from(evaluationReporters)
    .where(
      and(eq(evaluationReporters.evaluationId, id), units ? inArray(evaluationReporters.unitId, units) : undefined),
    )
    .orderBy(asc(evaluationReporters.seq));
}

/** Mean score per reporter, its competition rank (ties share a rank) and its grade by the assessment's thresholds. */
async function standings(ctx: Ctx, e: Row) {
  const rows = await ctx.db
    .select({
      reporterId: evaluationScores.reporterId,
      n: sql<number>`count(*)::int`,
      average: sql<string>`round(avg(${evaluationScores.score}), 2)`,
    })
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, e.id))
    .groupBy(evaluationScores.reporterId);
  const { thresholds } = await settingsOf(ctx, e.regionId);
  const averages = rows.map((r) => Number(r.average));
  return new Map(
    rows.map((r) => {
      const average = Number(r.average);
      return [
        r.reporterId,
        {
          scored: Number(r.n),
          average,
          rank: 1 + averages.filter((x) => x > average).length,
          grade: gradeOf(average, thresholds),
        },
      ];
    }),
  );
}

const LINKS: Record<QuestionSource, ((id: string) => string) | null> = {
  finding: (id) => `/supervision/findings/${id}`,
  problem: (id) => `/problems/${id}`,
  warning: (id) => `/warnings/${id}`,
  manual: null,
};

export function mayUpload(a: Actor, e: Row, unitId: string) {
  if (e.state === 'closed') return false;
  if (manages(a)) return true;
  return a.roles.some((r) => (r.role === 'unit_head' || r.role === 'unit_liaison') && r.unitId === unitId);
}

export async function getEvaluation(ctx: Ctx, id: string) {
  const actor = actorOf(ctx);
  const e = await loadEvaluation(ctx, id);
  const reporters = await reportersOf(ctx, id);
  const names = await org.unitNames(
    ctx.db,
    reporters.map((r) => r.unitId),
  );
  const questions = await questionsOf(
    ctx,
    id,
    reporters.map((r) => r.id),
  );
  const standing = await standings(ctx, e);
  const scores = manages(actor)
    ? await ctx.db.select().from(evaluationScores).where(eq(evaluationScores.evaluationId, id))
    : [];
  const [c] = await ctx.db.select(counts).from(evaluations).where(eq(evaluations.id, id));
  return {
    ...present({ ...e, ...c }),
    manage: manages(actor),
    actions: actionsOf(evaluationMachine, capacitiesOf(actor), e),
    scores: scores.map((s) => ({ attendee: s.attendee, reporterId: s.reporterId, score: Number(s.score) })),
    reporters: reporters.map((r) => {
      const s = standing.get(r.id);
      return {
        id: r.id,
        seq: r.seq,
        unitId: r.unitId,
        unitName: names.get(r.unitId) ?? '',
        reporterName: r.reporterName,
        personId: r.personId,
        report:
          r.reportName && r.reportUploadedAt
            ? { name: r.reportName, size: r.reportSize ?? 0, uploadedAt: r.reportUploadedAt }
            : null,
        scored: s?.scored ?? 0,
        average: s?.average ?? null,
        rank: s?.rank ?? null,
        grade: s?.grade ?? null,
        gradeLabel: s ? GRADES[s.grade] : null,
        canUpload: !r.reportName && mayUpload(actor, e, r.unitId),
        questions: questions
          .filter((q) => q.reporterId === r.id)
          .map((q) => ({
            id: q.id,
            reporterId: q.reporterId,
            seq: q.seq,
            source: q.source as QuestionSource,
            sourceLabel: QUESTION_SOURCES[q.source as QuestionSource],
            sourceCode: q.sourceCode,
            link: q.sourceId ? (LINKS[q.source as QuestionSource]?.(q.sourceId) ?? null) : null,
            question: q.question,
            answer: q.answer,
            answeredAt: q.answeredAt,
            problem: q.problemId && q.problemCode ? { id: q.problemId, code: q.problemCode } : null,
          })),
      };
    }),
  };
}

export async function createEvaluation(ctx: Ctx, input: TCreateEvaluation) {
  const regionId = regionOf(ctx);
  const unitIds = input.reporters.map((r) => r.unitId);
  if (new Set(unitIds).size !== unitIds.length) throw badRequest('REPORTER_TWICE', '述职单位不能重复', 'reporters');
  for (const unitId of unitIds) {
    await org.getUnit(ctx, unitId).catch(() => {
      throw ruleViolation('UNIT_NOT_FOUND', '述职单位不存在或无权查看', 'reporters');
    });
  }
  const personIds = input.reporters.flatMap((r) => (r.personId ? [r.personId] : []));
  if (new Set(personIds).size !== personIds.length) throw badRequest('REPORTER_TWICE', '述职人不能重复', 'reporters');
  for (const personId of personIds) await checkPerson(ctx, personId, 'reporters', '述职人');
  // A leader reporting in person is named as the org records them unless the form says otherwise.
  const leaders = await leadersOf(ctx, personIds);
  const reporters = input.reporters.map((r) => ({
    ...r,
    reporterName: r.reporterName || (r.personId ? (leaders.get(r.personId)?.name ?? '') : ''),
  }));
  const attendees = [...new Set(input.attendees)];
  const [row] = await ctx.db
    .insert(evaluations)
    .values({ ...input, regionId, attendees })
    .returning();
  await ctx.db
    .insert(evaluationReporters)
    .values(reporters.map((r, i) => ({ ...r, evaluationId: row.id, seq: i + 1 })));
  const drawn = await drawQuestions(ctx, regionId, row.id);
  await recordAudit(ctx, {
    type: 'evaluation.created',
    entity: 'evaluation',
    entityId: row.id,
    after: { ...row, drawn },
  });
  return getEvaluation(ctx, row.id);
}

/** redraw, ask (a question of one reporter), hold, close (checks the record is complete; issues the 纪要). */
export async function fireEvaluationEvent(ctx: Ctx, id: string, input: TEvaluationEvent) {
  const e = await loadEvaluation(ctx, id);
  await fireTransition(ctx, {
    machine: evaluationMachine,
    row: e,
    capacities: capacitiesOf(actorOf(ctx)),
    event: input.type,
    version: input.version,
    apply: () => applyEvent(ctx, e, input),
    update: (patch, version) => updateAtVersion(ctx.db, evaluations, id, version, patch, undefined, ctx.now),
    // The meeting's record is its questions, answers and scores, and the audit trail of each.
    record: async () => undefined,
    audit: { type: 'evaluation.event', entity: 'evaluation', entityId: id },
  });
  return getEvaluation(ctx, id);
}

async function applyEvent(ctx: Ctx, e: Row, input: TEvaluationEvent): Promise<Step<Row, EvaluationState>> {
  switch (input.type) {
    case 'redraw':
      return { payload: { drawn: await drawQuestions(ctx, e.regionId, e.id) } };
    case 'ask': {
      if (!input.question) throw badRequest('QUESTION_REQUIRED', '请填写质询问题', 'question');
      if (!input.reporterId) throw badRequest('REPORTER_REQUIRED', '请选择被质询的述职单位', 'reporterId');
      const [reporter] = await ctx.db
        .select({ id: evaluationReporters.id })
        .from(evaluationReporters)
        .where(and(eq(evaluationReporters.evaluationId, e.id), eq(evaluationReporters.id, input.reporterId)));
      if (!reporter) throw badRequest('REPORTER_REQUIRED', '请选择被质询的述职单位', 'reporterId');
      await ctx.db
        .insert(evaluationQuestions)
        .values({ evaluationId: e.id, reporterId: reporter.id, seq: 0, source: 'manual', question: input.question });
      await renumberAsked(ctx, e.id);
      return { payload: { reporterId: reporter.id } };
    }
    case 'hold':
      return { patch: { heldAt: ctx.now } };
    case 'close': {
      if (!input.summary) throw badRequest('SUMMARY_REQUIRED', '请填写评议意见（纪要主要内容）', 'summary');
      await requireComplete(ctx, e);
      return {
        patch: { closedAt: ctx.now, summary: input.summary },
        after: async (row) => {
          await EVALUATION_MINUTES.issue(ctx, row);
        },
      };
    }
  }
}

/** A meeting ends with every question answered and every reporter scored. */
async function requireComplete(ctx: Ctx, e: Row) {
  const [open] = await ctx.db
    .select({ n: count() })
    .from(evaluationQuestions)
    .where(and(eq(evaluationQuestions.evaluationId, e.id), eq(evaluationQuestions.answer, '')));
  if (Number(open.n) > 0) throw ruleViolation('QUESTIONS_UNANSWERED', `尚有${open.n}个质询问题未记录答复`);
  const unscored = await ctx.db
    .select({ unitId: evaluationReporters.unitId })
    .from(evaluationReporters)
    .where(
      and(
        eq(evaluationReporters.evaluationId, e.id),
        sql`NOT EXISTS (SELECT 1 FROM evaluation_scores s WHERE s.reporter_id = ${evaluationReporters.id})`,
      ),
    );
  if (unscored.length) {
    const names = await org.unitNames(
      ctx.db,
      unscored.map((u) => u.unitId),
    );
    throw ruleViolation('REPORTERS_UNSCORED', `尚未评分：${[...names.values()].join('、')}`);
  }
}

const requireHeld = (e: Row, what: string) => {
  if (e.state !== 'held')
    throw ruleViolation('EVALUATION_NOT_HELD', `评议会议${EVALUATION_STATES[e.state as EvaluationState]}，不能${what}`);
};

/** The reporter's answer to a question, as recorded in the meeting (re-recording replaces it). */
export async function answerQuestion(ctx: Ctx, id: string, questionId: string, answer: string) {
  const e = await loadEvaluation(ctx, id);
  requireHeld(e, '记录答复');
  const [q] = await ctx.db
    .update(evaluationQuestions)
    .set({ answer, answeredAt: ctx.now })
    .where(and(eq(evaluationQuestions.evaluationId, id), eq(evaluationQuestions.id, questionId)))
    .returning();
  if (!q) throw notFound('质询问题不存在');
  await recordAudit(ctx, {
    type: 'evaluation.answered',
    entity: 'evaluation',
    entityId: id,
    after: { questionId, answer },
  });
  return getEvaluation(ctx, id);
}

/** One attendee's scores of the reporters (a named attendee; re-scoring replaces). */
export async function scoreReporters(ctx: Ctx, id: string, input: TEvaluationScores) {
  const e = await loadEvaluation(ctx, id);
  requireHeld(e, '录入评分');
  if (!e.attendees.includes(input.attendee)) {
    throw badRequest('ATTENDEE_NOT_NAMED', `评议人应为：${e.attendees.join('、')}`, 'attendee');
  }
  const reporters = new Set(
    (
      await ctx.db
        .select({ id: evaluationReporters.id })
        .from(evaluationReporters)
        .where(eq(evaluationReporters.evaluationId, id))
    ).map((r) => r.id),
  );
  if (input.scores.some((s) => !reporters.has(s.reporterId))) {
    throw badRequest('REPORTER_NOT_FOUND', '述职单位不属于本次评议', 'scores');
  }
  if (new Set(input.scores.map((x) => x.reporterId)).size !== input.scores.length) {
    throw badRequest('REPORTER_TWICE', '同一述职单位只能评一个分数', 'scores');
  }
  // One statement for the attendee's whole sheet; a score given before is replaced.
  await ctx.db
    .insert(evaluationScores)
    .values(input.scores.map((x) => ({ ...x, evaluationId: id, attendee: input.attendee, at: ctx.now })))
    .onConflictDoUpdate({
      target: [evaluationScores.evaluationId, evaluationScores.reporterId, evaluationScores.attendee],
      set: { score: sql`excluded.score`, at: ctx.now },
    });
  await recordAudit(ctx, { type: 'evaluation.scored', entity: 'evaluation', entityId: id, after: input });
  return getEvaluation(ctx, id);
}
