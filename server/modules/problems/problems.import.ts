import ExcelJS from 'exceljs';
import { PROBLEM_SEVERITIES, PROBLEM_SOURCES } from '../../../common/problems.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, today } from '../../platform/context.js';
import { readWorksheets } from '../../platform/documents/xlsx-stream.js';
import { AppError, badRequest } from '../../platform/errors.js';
import * as org from '../org/org.service.js';
import { type DraftMeasure, type DraftProblem, createDraftProblems } from './problems.bulk.js';
import type { TMeasureInput } from '../../../common/problems.schema.js';
import { measureDeadline } from './problems.deadline.js';
import { cellText } from '../../platform/documents/xlsx-cells.js';

export const IMPORT_MAX_ROWS = 100_000;
/** Row errors listed in the answer; the message still counts them all. */
const MAX_LISTED_ERRORS = 1000;
const UNIT_CODES_PER_LOOKUP = 5000;
const SHEET = '问题清单';
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

/** Server-side steps of an import, reported to a client that asked for progress. */
export type ImportProgress = (p: { phase: 'read' | 'validate' | 'write'; done: number; total?: number }) => void;
const quiet: ImportProgress = () => {};

export interface ImportSheet {
  sheet: string;
  header: string[];
  /** Non-blank data rows with their row number in the sheet. */
  rows: { row: number; cells: string[] }[];
}
type RowError = { sheet: string; row: number; field: string; message: string };

export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
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
    `任何一行有误，整份文件都不会导入；导入后为“待交办”状态，核对后再交办；单次最多 ${IMPORT_MAX_ROWS} 行`,
  ]) {
    help.addRow([line]);
  }
  help.getColumn(1).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function parseDeadline(s: string): Omit<TMeasureInput, 'content'> | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    // A calendar date only (2026-02-30 would fail the insert of the whole file).
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) ? { deadlineType: 'date', deadline: s } : null;
  }
  const working = /^(\d{1,3})\s*个?工作日$/.exec(s);
  if (working) return { deadlineType: 'working', days: Number(working[1]) };
  const calendar = /^(\d{1,3})\s*(天|日|个自然日)$/.exec(s);
  if (calendar) return { deadlineType: 'calendar', days: Number(calendar[1]) };
  return null;
}

/** Reads sheet 问题清单 as a stream; stops with IMPORT_TOO_LARGE as soon as the row limit is passed. */
export async function readImportFile(file: Buffer, progress: ImportProgress = quiet): Promise<ImportSheet> {
  let found: ImportSheet | null = null;
  let tooLarge = false;
  try {
    for await (const ws of readWorksheets(file)) {
      const name = ws.name;
      const rows: ImportSheet['rows'] = [];
      let header: string[] = [];
      for await (const row of ws) {
        if (name !== SHEET) continue;
        const cells = IMPORT_COLUMNS.map((_, i) => cellText(row, i + 1));
        if (row.number === 1) header = cells;
        else if (cells.some(Boolean)) {
          // Stop reading this sheet but let the reader finish the file: it then removes its temp files.
          tooLarge = rows.length === IMPORT_MAX_ROWS;
          if (tooLarge) break;
          rows.push({ row: row.number, cells });
          if (rows.length % 5000 === 0) progress({ phase: 'read', done: rows.length });
        }
      }
      if (name === SHEET) found = { sheet: name, header, rows };
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badRequest('IMPORT_NOT_XLSX', '无法读取文件，请上传 .xlsx 格式的 Excel 文件', 'file');
  }
  if (tooLarge) throw badRequest('IMPORT_TOO_LARGE', `单次最多导入 ${IMPORT_MAX_ROWS} 个问题`, 'file');
  if (!found) throw badRequest('IMPORT_NO_SHEET', '文件中没有“问题清单”工作表，请使用下载的模板', 'file');
  progress({ phase: 'read', done: found.rows.length });
  return found;
}

/** Units by code the caller may use, looked up in chunks (a file may name any number of codes). */
async function unitsOf(ctx: Ctx, sheet: ImportSheet) {
  const codes = [...new Set(sheet.rows.map((r) => r.cells[5]).filter(Boolean))];
  const units = new Map<
    string,
    { id: string; principalPersonId: string | null; leaderInChargePersonId: string | null }
  >();
  for (let i = 0; i < codes.length; i += UNIT_CODES_PER_LOOKUP) {
    for (const [code, unit] of await org.unitsByCode(ctx, codes.slice(i, i + UNIT_CODES_PER_LOOKUP))) {
      units.set(code, unit);
    }
  }
  return units;
}

/** Each distinct deadline spec of the file computed once (working days need the calendar). */
async function deadlinesOf(ctx: Ctx, specs: Map<string, Omit<TMeasureInput, 'content'>>) {
  const deadlines = new Map<string, string>();
  for (const [key, spec] of specs) {
    deadlines.set(key, await measureDeadline(ctx, { content: '', ...spec }, today(ctx)));
  }
  return deadlines;
}

/** Checks every row and builds the drafts; the errors name the row and the column. */
async function validate(ctx: Ctx, sheet: ImportSheet): Promise<{ drafts: DraftProblem[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  IMPORT_COLUMNS.forEach((name, i) => {
    if (sheet.header[i] !== name) {
      errors.push({
        sheet: sheet.sheet,
        row: 1,
        field: name,
        message: `第1行第${i + 1}列应为“${name}”，请使用下载的模板`,
      });
    }
  });
  const units = await unitsOf(ctx, sheet);
  const specs = new Map<string, Omit<TMeasureInput, 'content'>>();
  for (const { cells } of sheet.rows) {
    const spec = parseDeadline(cells[7]);
    if (spec) specs.set(cells[7], spec);
  }
  const deadlines = await deadlinesOf(ctx, specs);
  const from = today(ctx);
  const drafts: DraftProblem[] = [];
  for (const { row, cells } of sheet.rows) {
    const [title, description, sourceLabel, category, severityLabel, unitCode, measuresText, deadlineText] = cells;
    const bad = (field: string, message: string) => errors.push({ sheet: sheet.sheet, row, field, message });
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
    const spec = specs.get(deadlineText);
    const deadline = deadlines.get(deadlineText);
    if (!spec || !deadline) bad('整改时限', '整改时限应为日期（2026-12-31）、“N个工作日”或“N天”');
    else if (deadline < from) bad('整改时限', '整改时限不能早于今天');
    else if (title && source && severity && unit && measures.length) {
      drafts.push({
        title,
        description,
        source,
        category,
        severity,
        unitId: unit.id,
        responsiblePersonId: unit.principalPersonId,
        leaderPersonId: unit.leaderInChargePersonId,
        measures: measures.map(
          (content): DraftMeasure => ({ content, deadlineType: spec.deadlineType, days: spec.days ?? null, deadline }),
        ),
      });
    }
  }
  return { drafts, errors };
}

/** Bulk-creates draft problems from the template's rows; all rows or none (the caller's transaction). */
export async function importProblems(ctx: Ctx, sheet: ImportSheet, progress: ImportProgress = quiet) {
  progress({ phase: 'validate', done: 0, total: sheet.rows.length });
  const { drafts, errors } = await validate(ctx, sheet);
  if (errors.length > 0) {
    const listed = errors.length > MAX_LISTED_ERRORS ? `（下表列出前 ${MAX_LISTED_ERRORS} 处）` : '';
    throw new AppError(400, 'IMPORT_INVALID', `有 ${errors.length} 处错误${listed}，未导入任何数据，请修改后重新上传`, {
      rows: errors.slice(0, MAX_LISTED_ERRORS),
      total: errors.length,
    });
  }
  progress({ phase: 'write', done: 0, total: drafts.length });
  const ids = await createDraftProblems(ctx, drafts, (done) =>
    progress({ phase: 'write', done, total: drafts.length }),
  );
  await recordAudit(ctx, { type: 'problem.imported', entity: 'problem', after: { count: ids.length } });
  return { created: ids.length, ids };
}
