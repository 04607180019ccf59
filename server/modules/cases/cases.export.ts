import { INFLUENCE_KINDS, situationArticle } from '../../../common/cases.js';
import type { TListCases, TListEvaluations, TListInfluencePeriods } from '../../../common/cases.schema.js';
import type { Ctx } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import { listEvaluations } from './cases.evaluations.js';
import { currentInfluencePeriods } from './cases.influence.js';
import { listCases } from './cases.read.js';

type CaseRow = Awaited<ReturnType<typeof listCases>>['items'][number];
type EvaluationRow = Awaited<ReturnType<typeof listEvaluations>>['items'][number];
type PeriodRow = Awaited<ReturnType<typeof currentInfluencePeriods>>['items'][number];

/** A date column: timestamps in Beijing time; raw-SQL dates may arrive as Date or as text. */

const CASE_COLUMNS: XlsxColumn<CaseRow>[] = [
  { header: '案件编号', width: 14, value: (c) => c.code },
  { header: '案件名称', width: 36, value: (c) => c.title },
  { header: '类型', width: 16, value: (c) => c.kindLabel },
  { header: '问责情形', width: 30, value: (c) => `${situationArticle(c.situation)} ${c.situationText}` },
  { header: '来源', width: 12, value: (c) => c.sourceLabel },
  { header: '状态', width: 10, value: (c) => c.stateLabel },
  { header: '立项日期', width: 12, value: (c) => c.createdAt, kind: 'date' },
  { header: '决定日期', width: 12, value: (c) => c.decisionDate, kind: 'date' },
  { header: '决定文号', width: 18, value: (c) => c.decisionNumber ?? '' },
  { header: '结案日期', width: 12, value: (c) => c.closedAt, kind: 'date' },
];

/** The cases ledger: the list's filters over the cases the caller may read (a case file is confidential). */
export function casesExport(ctx: Ctx, f: TListCases): XlsxExport<CaseRow> {
  return listExport('问责案件台账', CASE_COLUMNS, (q) => listCases(ctx, q), f);
}

const EVALUATION_COLUMNS: XlsxColumn<EvaluationRow>[] = [
  { header: '案件编号', width: 14, value: (e) => e.caseCode },
  { header: '案件名称', width: 36, value: (e) => e.caseTitle },
  { header: '评查期间', width: 10, value: (e) => e.period },
  { header: '状态', width: 8, value: (e) => (e.state === 'scored' ? '已评分' : '待评分') },
  { header: '得分', width: 8, value: (e) => e.total },
  { header: '发现的问题', width: 36, value: (e) => e.defects },
  { header: '整改情况', width: 36, value: (e) => e.corrections },
  { header: '评查日期', width: 12, value: (e) => e.evaluatedAt, kind: 'date' },
];

/** 案件评查 of a period, with the list's filters. */
export function evaluationsExport(ctx: Ctx, f: TListEvaluations): XlsxExport<EvaluationRow> {
  return listExport('案件评查台账', EVALUATION_COLUMNS, (q) => listEvaluations(ctx, q), f, { sheet: '案件评查' });
}

const PERIOD_COLUMNS: XlsxColumn<PeriodRow>[] = [
  { header: '姓名', width: 10, value: (p) => p.personName },
  { header: '单位', width: 24, value: (p) => p.unitName ?? '' },
  { header: '职务', width: 20, value: (p) => p.post },
  { header: '处理', width: 16, value: (p) => p.form },
  { header: '类别', width: 16, value: (p) => INFLUENCE_KINDS[p.kind as keyof typeof INFLUENCE_KINDS] ?? p.kind },
  { header: '起始', width: 12, value: (p) => p.startsOn, kind: 'date' },
  { header: '届满', width: 12, value: (p) => p.endsOn, kind: 'date' },
  { header: '依据', width: 30, value: (p) => p.source },
];

/** The periods in force (影响期), for 组织部, in the list's order. */
export function influencePeriodsExport(ctx: Ctx, f: TListInfluencePeriods): XlsxExport<PeriodRow> {
  return listExport('影响期台账', PERIOD_COLUMNS, (q) => currentInfluencePeriods(ctx, q), f, { sheet: '影响期' });
}
