import { type Ctx, today } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import type { TListFindings, TListInspections, TListTasks } from '../../../common/patrol.schema.js';
import { listCirculars, listTypicalCases } from './patrol.bulletins.js';
import { listFindings } from './patrol.findings.js';
import { listInspections } from './patrol.inspections.js';
import { listTasks } from './patrol.service.js';

type FindingRow = Awaited<ReturnType<typeof listFindings>>['items'][number];

function columns(_ctx: Ctx): XlsxColumn<FindingRow>[] {
  return [
    { header: '序号', width: 6, value: (_, n) => n },
    { header: '编号', width: 14, value: (x) => x.code },
    { header: '督导巡查组', width: 16, value: (x) => x.groupName },
    { header: '责任单位', width: 18, value: (x) => x.unitName },
    { header: '问题类别', width: 12, value: (x) => x.category },
    { header: '问题概述', width: 36, value: (x) => x.title },
    { header: '问题详情', width: 48, value: (x) => x.description },
    { header: '整改建议', width: 30, value: (x) => x.suggestion },
    { header: '严重程度', width: 10, value: (x) => x.severityLabel },
    { header: '状态', width: 10, value: (x) => x.stateLabel },
    { header: '上报对象', width: 20, value: (x) => x.escalatedToLabel ?? '' },
    { header: '批示', width: 30, value: (x) => (x.instruction ? `${x.instructedBy}：${x.instruction}` : '') },
    { header: '交办问题', width: 18, value: (x) => x.problems.map((p) => `${p.code}（${p.stateLabel}）`).join('\n') },
    { header: '办结理由', width: 24, value: (x) => x.closeReason ?? '' },
    { header: '报送时间', width: 12, value: (x) => x.createdAt, kind: 'date' },
  ];
}

/** 督导发现台账 with the list's filters: the office's record of what the groups found and what became of it. */
export function findingsExport(ctx: Ctx, f: TListFindings): XlsxExport<FindingRow> {
  return listExport('督导发现台账', columns(ctx), (q) => listFindings(ctx, q), f, {
    title: `督导发现台账（导出时间：${today(ctx)}）`,
  });
}

const namesOf = (refs: { name: string }[]) => refs.map((r) => r.name).join('、');

type TaskRow = Awaited<ReturnType<typeof listTasks>>['items'][number];

const TASKS_COLUMNS: XlsxColumn<TaskRow>[] = [
  { header: '编号', width: 14, value: (x) => x.code },
  { header: '督导巡查组', width: 16, value: (x) => x.groupName },
  { header: '督导事项', width: 30, value: (x) => x.title },
  { header: '被督导单位', width: 30, value: (x) => namesOf(x.targetUnits) },
  { header: '督导方式', width: 12, value: (x) => x.methodLabel },
  { header: '督导起始', width: 12, value: (x) => x.periodStart, kind: 'date' },
  { header: '督导截止', width: 12, value: (x) => x.periodEnd, kind: 'date' },
  { header: '报告时限', width: 12, value: (x) => x.deadline, kind: 'date' },
  { header: '状态', width: 10, value: (x) => (x.overdue ? `${x.stateLabel}（逾期）` : x.stateLabel) },
];

/** 交办单台账 with the list's filters. */
export function tasksExport(ctx: Ctx, f: TListTasks): XlsxExport<TaskRow> {
  return listExport('督导交办单', TASKS_COLUMNS, (q) => listTasks(ctx, q), f, { sheet: '交办单' });
}

type InspectionRow = Awaited<ReturnType<typeof listInspections>>['items'][number];

const INSPECTIONS_COLUMNS: XlsxColumn<InspectionRow>[] = [
  { header: '督导日期', width: 12, value: (x) => x.date, kind: 'date' },
  { header: '督导巡查组', width: 16, value: (x) => x.groupName },
  { header: '地点', width: 24, value: (x) => x.place },
  { header: '方式', width: 12, value: (x) => x.methodLabel },
  { header: '被督导单位', width: 30, value: (x) => namesOf(x.units) },
  { header: '项目', width: 20, value: (x) => x.project },
  { header: '接触人员', width: 20, value: (x) => x.peopleMet },
  { header: '督导情况', width: 60, value: (x) => x.notes },
  { header: '记录人', width: 10, value: (x) => x.createdByName },
];

/** 督导记录 with the list's filters. */
export function inspectionsExport(ctx: Ctx, f: TListInspections): XlsxExport<InspectionRow> {
  return listExport('督导记录', INSPECTIONS_COLUMNS, (q) => listInspections(ctx, q), f);
}

type CircularRow = Awaited<ReturnType<typeof listCirculars>>['items'][number];

const CIRCULARS_COLUMNS: XlsxColumn<CircularRow>[] = [
  { header: '编号', width: 14, value: (x) => x.code },
  { header: '类型', width: 12, value: (x) => x.kindLabel },
  { header: '标题', width: 40, value: (x) => x.title },
  { header: '涉及单位', width: 30, value: (x) => namesOf(x.units) },
  { header: '点名事项数', width: 10, value: (x) => x.namedMatters },
  { header: '状态', width: 10, value: (x) => x.stateLabel },
  { header: '审批人', width: 10, value: (x) => x.approvedBy ?? '' },
  { header: '印发时间', width: 18, value: (x) => x.publishedAt, kind: 'datetime' },
];

/** 督导巡查通报和约谈建议书 the caller may see. */
export function circularsExport(ctx: Ctx): XlsxExport<CircularRow> {
  return listExport('督导巡查通报', CIRCULARS_COLUMNS, (q) => listCirculars(ctx, q), {}, { sheet: '通报' });
}

type TypicalCaseRow = Awaited<ReturnType<typeof listTypicalCases>>['items'][number];

const TYPICAL_CASES_COLUMNS: XlsxColumn<TypicalCaseRow>[] = [
  { header: '类型', width: 12, value: (x) => x.kindLabel },
  { header: '标题', width: 40, value: (x) => x.title },
  { header: '单位', width: 20, value: (x) => x.unitName },
  { header: '状态', width: 10, value: (x) => x.stateLabel },
  { header: '发布时间', width: 18, value: (x) => x.publishedAt, kind: 'datetime' },
  { header: '案例内容', width: 60, value: (x) => x.body },
];

/** 典型案例 the caller may see (published ones for the units, every one for the office). */
export function typicalCasesExport(ctx: Ctx): XlsxExport<TypicalCaseRow> {
  return listExport('典型案例', TYPICAL_CASES_COLUMNS, (q) => listTypicalCases(ctx, q), {});
}
