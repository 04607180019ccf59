import { SUBJECT_KINDS, SURVEY_STATES, type SubjectKind, type SurveyState } from '../../../common/assessment.js';
import type { TListAssessments, TListSurveys, TListSystems } from '../../../common/assessment.schema.js';
import type { TListEvaluations } from '../../../common/evaluations.schema.js';
import { UNIT_TYPE_LABELS, type UnitType } from '../../../common/org.js';
import type { TListReviews } from '../../../common/reviews.schema.js';
import type { Ctx } from '../../platform/context.js';
import { type XlsxColumn, listExport } from '../../platform/documents/xlsx-export.js';
import { listEvaluations } from './assessment.evaluations.js';
import { listReviews } from './assessment.reviews.js';
import { listAssessments } from './assessment.service.js';
import { listSurveys } from './assessment.surveys.js';
import { listSystems } from './assessment.systems.js';

type EvaluationRow = Awaited<ReturnType<typeof listEvaluations>>['items'][number];
type ReviewRow = Awaited<ReturnType<typeof listReviews>>['items'][number];
type SurveyRow = Awaited<ReturnType<typeof listSurveys>>['items'][number];
type AssessmentRow = Awaited<ReturnType<typeof listAssessments>>['items'][number];
type SystemRow = Awaited<ReturnType<typeof listSystems>>['items'][number];

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

const SURVEY_COLUMNS: XlsxColumn<SurveyRow>[] = [
  { header: '测评名称', width: 30, value: (x) => x.title },
  { header: '测评单位', width: 24, value: (x) => x.unitName },
  { header: '被测评人', width: 24, value: (x) => x.personName ?? '领导班子' },
  { header: '年度', width: 8, value: (x) => x.year },
  { header: '题目', width: 6, value: (x) => x.questions.length },
  { header: '发放选票', width: 10, value: (x) => x.issued },
  { header: '已投票', width: 8, value: (x) => x.answered },
  { header: '参与率（%）', width: 12, value: (x) => (x.issued ? x.participation : '未发放选票') },
  { header: '状态', width: 8, value: (x) => SURVEY_STATES[x.state as SurveyState] ?? x.state },
  { header: '创建日期', width: 12, value: (x) => x.createdAt, kind: 'date' },
];

const ASSESSMENT_COLUMNS: XlsxColumn<AssessmentRow>[] = [
  { header: '考核名称', width: 30, value: (x) => x.name },
  { header: '指标体系', width: 30, value: (x) => x.systemName },
  { header: '考核期间（起）', width: 14, value: (x) => x.periodFrom, kind: 'date' },
  { header: '考核期间（止）', width: 14, value: (x) => x.periodTo, kind: 'date' },
  { header: '状态', width: 8, value: (x) => x.stateLabel },
  {
    header: '版本',
    width: 24,
    value: (x) => (x.publishedRevision ? `第${x.revision}版（已发布第${x.publishedRevision}版）` : `第${x.revision}版`),
  },
  { header: '发布时间', width: 18, value: (x) => x.publishedAt, kind: 'datetime' },
];

const SYSTEM_COLUMNS: XlsxColumn<SystemRow>[] = [
  { header: '体系名称', width: 30, value: (x) => x.name },
  { header: '年度', width: 8, value: (x) => x.year },
  { header: '考核对象', width: 10, value: (x) => SUBJECT_KINDS[x.subjectKind as SubjectKind] ?? x.subjectKind },
  {
    header: '适用单位类型',
    width: 14,
    value: (x) => (x.unitType ? (UNIT_TYPE_LABELS[x.unitType as UnitType] ?? x.unitType) : '全部单位'),
  },
  { header: '总分值', width: 8, value: (x) => x.totalWeight },
  { header: '说明', width: 40, value: (x) => x.description },
];

/** 民主测评 with their participation, with the list's filters (the office's list). */
export const surveysExport = (ctx: Ctx, f: TListSurveys) =>
  listExport('民主测评', SURVEY_COLUMNS, (q) => listSurveys(ctx, q), f);

/** The assessment runs the caller reads (others than the office: the published ones), with the list's filter. */
export const assessmentsExport = (ctx: Ctx, f: TListAssessments) =>
  listExport('考核评价', ASSESSMENT_COLUMNS, (q) => listAssessments(ctx, q), f);

/** The region's indicator systems, with the list's year. */
export const systemsExport = (ctx: Ctx, f: TListSystems) =>
  listExport('指标体系', SYSTEM_COLUMNS, (q) => listSystems(ctx, q), f);

/** The meetings the caller reads, with the list's filters. */
export const evaluationsExport = (ctx: Ctx, f: TListEvaluations) =>
  listExport('述职评议会议', EVALUATION_COLUMNS, (q) => listEvaluations(ctx, q), f, { title: '述职评议会议一览表' });

/** The reviews the caller reads, with the list's filters. */
export const reviewsExport = (ctx: Ctx, f: TListReviews) =>
  listExport('督导评估', REVIEW_COLUMNS, (q) => listReviews(ctx, q), f, { title: '督导评估一览表' });
