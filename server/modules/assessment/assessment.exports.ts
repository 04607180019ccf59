import type { TListEvaluations } from '../../../common/evaluations.schema.js';
import type { TListReviews } from '../../../common/reviews.schema.js';
import type { Ctx } from '../../platform/context.js';
import { type XlsxColumn, listExport } from '../../platform/documents/xlsx-export.js';
import { listEvaluations } from './assessment.evaluations.js';
import { listReviews } from './assessment.reviews.js';

type EvaluationRow = Awaited<ReturnType<typeof listEvaluations>>['items'][number];
type ReviewRow = Awaited<ReturnType<typeof listReviews>>['items'][number];

const EVALUATION_COLUMNS: XlsxColumn<EvaluationRow>[] = [
  { header: '序号', width: 6, value: (_x, i) => i },
  { header: '会议名称', width: 30, value: (x) => x.title },
  { header: '类型', width: 12, value: (x) => x.kindLabel },
  { header: '年度', width: 8, value: (x) => x.year },
  { header: '会议时间', width: 18, value: (x) => x.scheduledAt },
  { header: '地点', width: 18, value: (x) => x.place },
  { header: '述职单位数', width: 10, value: (x) => x.reporterCount },
  { header: '质询问题数', width: 10, value: (x) => x.questionCount },
  { header: '状态', width: 10, value: (x) => x.stateLabel },
];

const REVIEW_COLUMNS: XlsxColumn<ReviewRow>[] = [
  { header: '序号', width: 6, value: (_x, i) => i },
  { header: '评估名称', width: 30, value: (x) => x.title },
  { header: '被评估单位', width: 24, value: (x) => x.unitName },
  { header: '年度', width: 8, value: (x) => x.year },
  { header: '实地督导日期', width: 14, value: (x) => x.visitedOn },
  { header: '得分', width: 8, value: (x) => x.total ?? '' },
  { header: '复查日期', width: 14, value: (x) => x.recheckOn ?? '' },
  { header: '状态', width: 12, value: (x) => x.stateLabel },
];

/** The meetings the caller reads, with the list's filters. */
export const evaluationsExport = (ctx: Ctx, f: TListEvaluations) =>
  listExport('述职评议会议', EVALUATION_COLUMNS, (q) => listEvaluations(ctx, q), f, { title: '述职评议会议一览表' });

/** The reviews the caller reads, with the list's filters. */
export const reviewsExport = (ctx: Ctx, f: TListReviews) =>
  listExport('督导评估', REVIEW_COLUMNS, (q) => listReviews(ctx, q), f, { title: '督导评估一览表' });
