import { RECIPIENT_KINDS } from '../../../common/responsibility.js';
import type { TListDispatches, TListReports, TListResponsibilityItems } from '../../../common/responsibility.schema.js';
import type { Ctx } from '../../platform/context.js';
import { type XlsxColumn, type XlsxExport, listExport } from '../../platform/documents/xlsx-export.js';
import { listCatalogue, listDispatches, listReports } from './responsibility.service.js';

type CatalogueRow = Awaited<ReturnType<typeof listCatalogue>>['items'][number];
type DispatchRow = Awaited<ReturnType<typeof listDispatches>>['items'][number];
type ReportRow = Awaited<ReturnType<typeof listReports>>['items'][number];

/** The catalogue's columns; the same layout is the import template (responsibility.import.ts). */
export const CATALOGUE_COLUMNS: XlsxColumn<CatalogueRow>[] = [
  { header: '责任主体', width: 12, value: (x) => x.subjectKindLabel },
  { header: '责任类别', width: 14, value: (x) => x.category },
  { header: '责任内容', width: 50, value: (x) => x.content },
  { header: '量化指标', width: 24, value: (x) => x.target },
  { header: '佐证材料', width: 24, value: (x) => x.evidence },
  { header: '频次', width: 8, value: (x) => x.frequencyLabel },
];

export function catalogueExport(ctx: Ctx, f: TListResponsibilityItems): XlsxExport<CatalogueRow> {
  return listExport('主体责任事项目录', CATALOGUE_COLUMNS, (q) => listCatalogue(ctx, q), f);
}

const DISPATCH_COLUMNS: XlsxColumn<DispatchRow>[] = [
  { header: '编号', width: 14, value: (x) => x.code },
  { header: '类型', width: 10, value: (x) => x.kindLabel },
  { header: '期间', width: 16, value: (x) => x.periodLabel },
  { header: '派单对象', width: 20, value: (x) => x.recipientName },
  { header: '标题', width: 36, value: (x) => x.title },
  { header: '责任事项', width: 8, value: (x) => x.itemCount },
  { header: '已履责', width: 8, value: (x) => x.fulfilledCount },
  { header: '派发日期', width: 12, value: (x) => x.issuedOn, kind: 'date' },
  { header: '状态', width: 10, value: (x) => x.stateLabel },
];

export function dispatchesExport(ctx: Ctx, f: TListDispatches): XlsxExport<DispatchRow> {
  return listExport('主体责任派单', DISPATCH_COLUMNS, (q) => listDispatches(ctx, q), f);
}

const REPORT_COLUMNS: XlsxColumn<ReportRow>[] = [
  { header: '期间', width: 16, value: (x) => x.periodLabel },
  { header: '报告对象类别', width: 14, value: (x) => RECIPIENT_KINDS[x.recipientKind as keyof typeof RECIPIENT_KINDS] },
  { header: '报告对象', width: 24, value: (x) => x.recipientName },
  { header: '状态', width: 10, value: (x) => x.stateLabel },
  { header: '提交时间', width: 18, value: (x) => x.submittedAt, kind: 'datetime' },
  { header: '审核时间', width: 18, value: (x) => x.approvedAt, kind: 'datetime' },
  { header: '履责情况摘要', width: 60, value: (x) => x.summary },
];

/** 季度履责报告 list with its filters (year, quarter, state, unit) and the reader's scope. */
export function reportsExport(ctx: Ctx, f: TListReports): XlsxExport<ReportRow> {
  return listExport('季度履责报告', REPORT_COLUMNS, (q) => listReports(ctx, q), f);
}
