import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, actorOf } from '../../platform/context.js';
import { conflict, forbidden, notFound, ruleViolation } from '../../platform/errors.js';
import type { StoredFile } from '../../platform/http/files.js';
import { getEvaluation, loadEvaluation, mayUpload, reportersOf } from './assessment.evaluations.js';
import { evaluationReporters } from './assessment.tables.js';

/** The written reports of a meeting's reporting units: handed in once, read within the meeting's scope. */
async function loadReporter(ctx: Ctx, id: string, reporterId: string) {
  const e = await loadEvaluation(ctx, id);
  const r = (await reportersOf(ctx, id)).find((x) => x.id === reporterId);
  if (!r) throw notFound('述职单位不存在或无权查看');
  return { e, r };
}

/** The reporter's written report, uploaded once by the office or the unit's own head or liaison. */
export async function uploadReport(ctx: Ctx, id: string, reporterId: string, file: StoredFile) {
  const { e, r } = await loadReporter(ctx, id, reporterId);
  if (e.state === 'closed') throw ruleViolation('EVALUATION_CLOSED', '评议已结束，不能再提交述职报告');
  if (!mayUpload(actorOf(ctx), e, r.unitId)) {
    throw forbidden('只有本单位负责人、联络员或考核办可以提交述职报告');
  }
  const [row] = await ctx.db
    .update(evaluationReporters)
    .set({
      reportName: file.name,
      reportMime: file.mime,
      reportSize: file.content.length,
      reportSha256: createHash('sha256').update(file.content).digest('hex'),
      reportContent: file.content,
      reportUploadedAt: ctx.now,
      reportUploadedBy: actorOf(ctx).userId,
    })
    .where(and(eq(evaluationReporters.id, reporterId), sql`${evaluationReporters.reportName} IS NULL`))
    .returning({ id: evaluationReporters.id });
  if (!row) throw conflict('述职报告已提交，不能重复上传');
  await recordAudit(ctx, {
    type: 'evaluation.report_uploaded',
    entity: 'evaluation',
    entityId: id,
    after: { reporterId, name: file.name, size: file.content.length },
  });
  return getEvaluation(ctx, id);
}

export async function reportFile(ctx: Ctx, id: string, reporterId: string) {
  const { r } = await loadReporter(ctx, id, reporterId);
  if (!r.reportName) throw notFound('该单位尚未提交述职报告');
  const [f] = await ctx.db
    .select({ content: evaluationReporters.reportContent })
    .from(evaluationReporters)
    .where(eq(evaluationReporters.id, reporterId));
  return { name: r.reportName, mime: r.reportMime ?? 'application/octet-stream', content: f.content };
}
