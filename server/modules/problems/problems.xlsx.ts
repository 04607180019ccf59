import ExcelJS from 'exceljs';
import { PROBLEM_SEVERITIES, PROBLEM_SOURCES } from '../../../common/problems.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, badRequest } from '../../platform/errors.js';
import * as org from '../org/org.service.js';
import type { TListProblems, TMeasureInput } from './problems.schema.js';
import { createProblem, listProblems, today } from './problems.service.js';

const LEDGER_COLUMNS: [string, number][] = [
  ['序号', 6],
  ['问题编号', 14],
  ['问题来源', 12],
  ['问题类别', 12],
  ['问题描述', 40],
  ['责任单位', 16],
  ['责任人', 10],
  ['分管县领导', 10],
  ['整改措施', 50],
  ['整改时限', 12],
  ['整改进展', 30],
  ['状态', 10],
  ['预警', 8],
  ['是否逾期', 8],
  ['挂牌督办', 8],
  ['交办日期', 12],
  ['销号日期', 12],
];
const IMPORT_COLUMNS = [
  '问题标题',
  '问题描述',
  '问题来源',
  '问题类别',
  '严重程度',
  '责任单位编码',
  '整改措施',
  '整改时限',
] as const;
const SOURCE_BY_LABEL = new Map<string, string>(Object.entries(PROBLEM_SOURCES).map(([k, v]) => [v, k]));
const SEVERITY_BY_LABEL = new Map<string, string>(Object.entries(PROBLEM_SEVERITIES).map(([k, v]) => [v, k]));
const dateOf = (d: Date | null) => (d ? new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : '');

/** 整改台账 in the layout offices use, with the ledger's filters (max 50,000 rows). */
export async function exportLedger(ctx: Ctx, f: TListProblems): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '责链';
  const ws = wb.addWorksheet('整改台账');
  ws.addRow([`问题整改台账（导出时间：${today(ctx)}）`]);
  ws.mergeCells(1, 1, 1, LEDGER_COLUMNS.length);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow(LEDGER_COLUMNS.map(([c]) => c));
  ws.getRow(2).font = { bold: true };
  LEDGER_COLUMNS.forEach(([, w], i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  let n = 0;
  for (let page = 1; ; page++) {
    const { items } = await listProblems(ctx, { ...f, page, pageSize: 1000 });
    for (const p of items) {
      n += 1;
      ws.addRow([
        n,
        p.code,
        p.sourceLabel,
        p.category,
        p.title,
        p.unitName,
        p.responsibleName ?? '',
        p.leaderName ?? '',
        p.measures.map((m) => `${m.seq}. ${m.content}`).join('\n'),
        p.deadline ?? '',
        p.measures
          .map((m) => (m.progress ? `${m.seq}. ${m.progress}` : ''))
          .filter(Boolean)
          .join('\n'),
        p.stateLabel,
        p.colorLabel ?? '',
        p.overdue ? '是' : '否',
        p.listed ? '是' : '否',
        dateOf(p.dispatchedAt),
        dateOf(p.closedAt),
      ]).alignment = { wrapText: true, vertical: 'top' };
    }
    if (items.length < 1000 || n >= 50_000) break;
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('问题清单');
  ws.addRow([...IMPORT_COLUMNS]);
  ws.getRow(1).font = { bold: true };
  [30, 40, 12, 12, 10, 14, 50, 14].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const help = wb.addWorksheet('填写说明');
  for (const line of [
    `问题来源可选：${Object.values(PROBLEM_SOURCES).join('、')}`,
    '严重程度可选：一般、较重、严重（留空为一般）',
    '责任单位编码见“组织与人员”导出的单位名录',
    '整改措施可写多项，用换行或“；”分隔，共用同一整改时限',
    '整改时限可填日期（2026-12-31）、“N个工作日”或“N天”（自交办之日起算）',
    '任何一行有误，整份文件都不会导入；导入后为“待交办”状态，核对后再交办',
  ]) {
    help.addRow([line]);
  }
  help.getColumn(1).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function text(row: ExcelJS.Row, col: number): string {
  const v = row.getCell(col).value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return String(v).trim();
}

function parseDeadline(s: string): Omit<TMeasureInput, 'content'> | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return { deadlineType: 'date', deadline: s };
  const working = /^(\d{1,3})\s*个?工作日$/.exec(s);
  if (working) return { deadlineType: 'working', days: Number(working[1]) };
  const calendar = /^(\d{1,3})\s*(天|日|个自然日)$/.exec(s);
  if (calendar) return { deadlineType: 'calendar', days: Number(calendar[1]) };
  return null;
}

/** Bulk-creates draft problems from the template; all rows or none. */
export async function importProblems(ctx: Ctx, file: Buffer) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badRequest('IMPORT_NOT_XLSX', '无法读取文件，请上传 .xlsx 格式的 Excel 文件', 'file');
  }
  const ws = wb.getWorksheet('问题清单');
  if (!ws) throw badRequest('IMPORT_NO_SHEET', '文件中没有“问题清单”工作表，请使用下载的模板', 'file');
  const errors: { sheet: string; row: number; field: string; message: string }[] = [];
  IMPORT_COLUMNS.forEach((name, i) => {
    if (text(ws.getRow(1), i + 1) !== name) {
      errors.push({ sheet: ws.name, row: 1, field: name, message: `第1行第${i + 1}列应为“${name}”，请使用下载的模板` });
    }
  });
  const raw: { row: number; cells: string[] }[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) raw.push({ row: n, cells: IMPORT_COLUMNS.map((_, i) => text(row, i + 1)) });
  });
  const units = await org.unitsByCode(ctx, [...new Set(raw.map((r) => r.cells[5]).filter(Boolean))]);
  const inputs = [];
  for (const { row, cells } of raw) {
    const [title, description, sourceLabel, category, severityLabel, unitCode, measuresText, deadlineText] = cells;
    if (cells.every((c) => !c)) continue;
    const bad = (field: string, message: string) => errors.push({ sheet: ws.name, row, field, message });
    if (!title) bad('问题标题', '问题标题不能为空');
    else if (title.length > 200) bad('问题标题', '问题标题不能超过200字');
    const source = SOURCE_BY_LABEL.get(sourceLabel);
    if (!source) bad('问题来源', `问题来源“${sourceLabel}”不正确`);
    const severity = severityLabel ? SEVERITY_BY_LABEL.get(severityLabel) : 'general';
    if (!severity) bad('严重程度', '严重程度应为一般、较重或严重');
    const unit = units.get(unitCode);
    if (!unit) bad('责任单位编码', unitCode ? `单位编码 ${unitCode} 不存在或无权操作` : '责任单位编码不能为空');
    const measures = measuresText
      .split(/[\n；;]+/)
      .map((m) => m.trim())
      .filter(Boolean);
    if (measures.length === 0) bad('整改措施', '至少填写一项整改措施');
    const deadline = parseDeadline(deadlineText);
    if (!deadline) bad('整改时限', '整改时限应为日期（2026-12-31）、“N个工作日”或“N天”');
    else if (deadline.deadlineType === 'date' && (deadline.deadline as string) < today(ctx)) {
      bad('整改时限', '整改时限不能早于今天');
    }
    if (title && source && severity && unit && measures.length && deadline) {
      inputs.push({
        title,
        description,
        source: source as never,
        category,
        severity: severity as never,
        unitId: unit.id,
        urgent: false,
        dispatch: false,
        measures: measures.map((content) => ({ content, ...deadline })),
      });
    }
  }
  if (raw.length > 10_000) throw badRequest('IMPORT_TOO_LARGE', '单次最多导入 10000 个问题', 'file');
  if (errors.length > 0) {
    throw new AppError(400, 'IMPORT_INVALID', `有 ${errors.length} 处错误，未导入任何数据，请修改后重新上传`, {
      rows: errors,
    });
  }
  const created = [];
  for (const input of inputs) created.push((await createProblem(ctx, input)).id);
  await recordAudit(ctx, { type: 'problem.imported', entity: 'problem', after: { count: created.length } });
  return { created: created.length, ids: created };
}
