import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { QUESTIONS_PER_REPORTER, type QuestionSource } from '../../../common/evaluations.js';
import { type Ctx, today } from '../../platform/context.js';
import { rowsOf } from '../../platform/db/client.js';
import { formatChineseDate } from '../../platform/documents/official-document.js';
import { patrolInquiryFacts } from '../patrol/patrol.inquiry-facts.js';
import { problemInquiryFacts } from '../problems/problems.inquiry-facts.js';
import { warningInquiryFacts } from '../warnings/warnings.inquiry-facts.js';
import { evaluationQuestions, evaluationReporters } from './assessment.tables.js';

/**
 * 督+述 (SPEC M6): the questions (质询) put to each reporting unit, drawn from what supervision holds open against
 * it today — findings not yet handled, problems past their deadline, reminders not yet resolved — through each
 * module's published read model, oldest first, at most QUESTIONS_PER_REPORTER per unit.
 */
interface Fact {
  unit_id: string;
  source: Exclude<QuestionSource, 'manual'>;
  source_id: string;
  source_code: string | null;
  title: string;
  since: string | Date | null;
}

const day = (d: string | Date | null) =>
  d === null ? '' : formatChineseDate(typeof d === 'string' ? new Date(`${d.slice(0, 10)}T12:00:00+08:00`) : d);

const QUESTION: Record<Fact['source'], (f: Fact) => string> = {
  finding: (f) => `${day(f.since)}督查发现“${f.title}”（${f.source_code}），至今尚未整改落实，请说明原因和下一步措施。`,
  problem: (f) =>
    `问题“${f.title}”（${f.source_code}）整改期限为${day(f.since)}，至今未销号，请说明逾期原因、整改进展和责任落实情况。`,
  warning: (f) => `模拟问责提醒函（${f.source_code}）指出“${f.title}”，至今尚未化解，请说明采取的措施和化解时限。`,
};

export async function drawQuestions(ctx: Ctx, regionId: string, evaluationId: string) {
  const reporters = await ctx.db
    .select({ id: evaluationReporters.id, unitId: evaluationReporters.unitId })
    .from(evaluationReporters)
    .where(eq(evaluationReporters.evaluationId, evaluationId));
  const unitIds = `{${[...new Set(reporters.map((r) => r.unitId))].join(',')}}`;
  const facts = rowsOf<Fact & { n: number }>(
    await ctx.db.execute(sql`SELECT * FROM (
      SELECT f.*, row_number() OVER (PARTITION BY f.unit_id ORDER BY f.since, f.source, f.source_code) AS n
      FROM (${patrolInquiryFacts(regionId, unitIds)} UNION ALL ${problemInquiryFacts(regionId, unitIds, today(ctx))}
        UNION ALL ${warningInquiryFacts(regionId, unitIds)}) f
    ) x WHERE x.n <= ${QUESTIONS_PER_REPORTER} ORDER BY x.unit_id, x.n`),
  );
  // Drawn questions come first; questions asked by hand keep their order after them.
  await ctx.db
    .delete(evaluationQuestions)
    .where(and(eq(evaluationQuestions.evaluationId, evaluationId), ne(evaluationQuestions.source, 'manual')));
  const rows = reporters.flatMap((r) =>
    facts
      .filter((f) => f.unit_id === r.unitId)
      .map((f) => ({
        evaluationId,
        reporterId: r.id,
        seq: Number(f.n),
        source: f.source,
        sourceId: f.source_id,
        sourceCode: f.source_code,
        question: QUESTION[f.source](f),
      })),
  );
  if (rows.length) await ctx.db.insert(evaluationQuestions).values(rows);
  await renumberAsked(ctx, evaluationId);
  return rows.length;
}

/** Questions asked by hand follow the drawn ones of the same reporter. */
export async function renumberAsked(ctx: Ctx, evaluationId: string) {
  await ctx.db.execute(sql`UPDATE evaluation_questions q SET seq = x.seq FROM (
      SELECT q2.id, (SELECT count(*) FROM evaluation_questions d WHERE d.evaluation_id = q2.evaluation_id
          AND d.reporter_id = q2.reporter_id AND d.source <> 'manual')
        + row_number() OVER (PARTITION BY q2.reporter_id ORDER BY q2.created_at, q2.seq, q2.id) AS seq
      FROM evaluation_questions q2 WHERE q2.evaluation_id = ${evaluationId} AND q2.source = 'manual') x
    WHERE q.id = x.id`);
}

export async function questionsOf(ctx: Ctx, evaluationId: string, reporterIds: string[]) {
  if (reporterIds.length === 0) return [];
  return ctx.db
    .select()
    .from(evaluationQuestions)
    .where(
      and(eq(evaluationQuestions.evaluationId, evaluationId), inArray(evaluationQuestions.reporterId, reporterIds)),
    )
    .orderBy(asc(evaluationQuestions.reporterId), asc(evaluationQuestions.seq));
}
