import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { xlsxHeaders } from '../http/files.js';

/** One column of an exported list: its header, widest width and how a row fills it (`index` counts from 1). */
export interface XlsxColumn<T> {
  header: string;
  /** The widest the column grows to fit its content (characters; a Chinese character counts two). */
  width: number;
  value: (row: T, index: number) => ExcelJS.CellValue;
  /**
   * `date`: a calendar date (`YYYY-MM-DD` or a point in time, taken in Asia/Shanghai); `datetime`: a point in
   * time to the minute. Either becomes a real date cell, which sorts and filters as a date in the office suite.
   */
  kind?: 'date' | 'datetime';
  /** A drop-down of allowed values, for sheets that double as import templates. */
  choices?: readonly string[];
}

/** An export: one worksheet, its columns and an async source of rows read while the file streams out. */
export interface XlsxExport<T> {
  /** The download's Chinese file name, e.g. `问题整改台账.xlsx`. */
  fileName: string;
  sheet: string;
  columns: readonly XlsxColumn<T>[];
  /** The rows; a source that stops at a cap returns `Truncated` (see pagedRows). */
  rows: AsyncIterable<T> | AsyncGenerator<T, Truncated | undefined>;
  /** A bold merged first row above the header (offices' ledger layout). */
  title?: string;
  /** Wrap long text in data rows and align it to the top. */
  wrap?: boolean;
  /** Header background (import layouts), ARGB. */
  headerFill?: string;
  /** Last row with the `choices` drop-downs, so an export re-used as a template takes new rows (default 2,000). */
  choiceRows?: number;
}

/** Most rows one export writes, so one download cannot hold a server for minutes. */
export const MAX_EXPORT_ROWS = 50_000;

/** What a row source returns when it stopped at its cap with rows left over. */
export interface Truncated {
  truncatedAt: number;
}

/**
 * The rows of a paged list, fetched a page at a time while the export streams, so memory holds
 * one page and never the whole list. Stopping at `max` with rows left, it returns `{ truncatedAt }`
 * and the exporter says so in the file.
 */
export async function* pagedRows<T>(
  fetchPage: (page: number, pageSize: number) => Promise<{ items: T[] }>,
  { pageSize = 1000, max = MAX_EXPORT_ROWS } = {},
): AsyncGenerator<T, Truncated | undefined> {
  let sent = 0;
  for (let page = 1; ; page++) {
    const { items } = await fetchPage(page, pageSize);
    for (const item of items) {
      if (sent++ >= max) return { truncatedAt: max };
      yield item;
    }
    if (items.length < pageSize) return undefined;
  }
}

/**
 * The export of a paged list: the rows `list` answers for the list's own filter, read a page at a time
 * (see pagedRows); the file and its sheet are called `name` unless `options` say otherwise.
 */
export function listExport<T, F extends object>(
  name: string,
  columns: readonly XlsxColumn<T>[],
  list: (query: F & { page: number; pageSize: number }) => Promise<{ items: T[] }>,
  filter: F,
  options: Partial<Pick<XlsxExport<T>, 'sheet' | 'title' | 'wrap'>> = {},
): XlsxExport<T> {
  return {
    fileName: `${name}.xlsx`,
    sheet: name,
    wrap: true,
    columns,
    rows: pagedRows((page, pageSize) => list({ ...filter, page, pageSize })),
    ...options,
  };
}

/** Yields the rows of an array (lists that are read whole, e.g. the unit tree). */
export async function* arrayRows<T>(rows: Iterable<T>): AsyncGenerator<T> {
  yield* rows;
}

interface StreamedSheet {
  dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void };
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DATE_FORMATS = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' } as const;

/**
 * A date cell's value: the wall-clock time in Asia/Shanghai written as UTC, since a spreadsheet date has no
 * time zone and exceljs writes a Date by its UTC fields.
 */
function dateCell(v: ExcelJS.CellValue, kind: 'date' | 'datetime'): ExcelJS.CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return new Date(`${v}T00:00:00Z`);
  const at = v instanceof Date ? v : typeof v === 'string' ? new Date(v) : null;
  if (!at || Number.isNaN(at.getTime())) return v;
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return kind === 'date' ? new Date(`${local.toISOString().slice(0, 10)}T00:00:00Z`) : local;
}

/** How wide a value shows: a Chinese (full-width) character takes two columns. */
function displayWidth(v: ExcelJS.CellValue): number {
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return 16;
  let w = 0;
  for (const line of String(v).split('\n')) {
    let n = 0;
    for (const ch of line) n += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
    w = Math.max(w, n);
  }
  return w;
}

/** Rows read ahead to fit the column widths, which a streamed sheet must declare before its first row. */
const SAMPLE_ROWS = 200;

function fittedWidths<T>(columns: readonly XlsxColumn<T>[], sample: T[]): number[] {
  return columns.map((c) => {
    const widest = Math.max(displayWidth(c.header), ...sample.map((row, n) => displayWidth(c.value(row, n + 1))));
    return Math.min(Math.max(widest + 2, 6), Math.max(c.width, 8));
  });
}

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * The one way a list becomes an .xlsx download: rows are written and zipped as they arrive
 * (exceljs' streaming writer) instead of building the workbook in memory. Every sheet has a frozen
 * header with an autofilter, date cells for dates, widths fitted to the first rows, and a print setup
 * (A4 landscape, fit to width, header repeated, page numbers).
 */
export async function sendXlsxExport<T>(reply: FastifyReply, spec: XlsxExport<T>): Promise<FastifyReply> {
  const rows = spec.rows[Symbol.asyncIterator]();
  // The first rows are read before any byte is sent: errors still get their status, and widths fit the data.
  const sample: T[] = [];
  let next = await rows.next();
  while (!next.done && sample.length < SAMPLE_ROWS) {
    sample.push(next.value);
    next = await rows.next();
  }

  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '责链';
  wb.created = new Date();
  const headerRow = spec.title ? 2 : 1;
  const ws = wb.addWorksheet(spec.sheet, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    // Printed on A4 landscape, as wide as the page, the header repeated on every page, numbered.
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  });
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: spec.columns.length } };
  ws.columns = fittedWidths(spec.columns, sample).map((width, i) => {
    const kind = spec.columns[i].kind;
    return { width, style: kind ? { numFmt: DATE_FORMATS[kind] } : {} };
  });
  // The streaming writer keeps validations per sheet (exceljs' typings only describe the cell API).
  const validations = (ws as unknown as StreamedSheet).dataValidations;
  for (const [i, c] of spec.columns.entries()) {
    if (!c.choices) continue;
    const rule = { type: 'list' as const, allowBlank: true, formulae: [`"${c.choices.join(',')}"`] };
    const col = columnLetter(i + 1);
    for (let r = headerRow + 1; r <= (spec.choiceRows ?? 2000); r++) validations.add(`${col}${r}`, rule);
  }
  xlsxHeaders(reply, spec.fileName).send(out);

  const write = (item: T, n: number) => {
    const row = ws.addRow(spec.columns.map((c) => (c.kind ? dateCell(c.value(item, n), c.kind) : c.value(item, n))));
    for (const [i, c] of spec.columns.entries()) if (c.kind) row.getCell(i + 1).numFmt = DATE_FORMATS[c.kind];
    if (spec.wrap) row.alignment = { wrapText: true, vertical: 'top' };
    row.commit();
  };
  try {
    if (spec.title) {
      const title = ws.addRow([spec.title]);
      title.font = { bold: true, size: 14 };
      ws.mergeCells(1, 1, 1, spec.columns.length);
      title.commit();
    }
    const header = ws.addRow(spec.columns.map((c) => c.header));
    header.font = { bold: true };
    if (spec.headerFill) header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: spec.headerFill } };
    header.commit();
    let n = 0;
    for (const item of sample) write(item, ++n);
    for (; !next.done; next = await rows.next()) write(next.value, ++n);
    const cut = next.value as Truncated | undefined;
    if (cut?.truncatedAt) {
      const note = ws.addRow([
        `仅导出前 ${cut.truncatedAt.toLocaleString('zh-CN')} 条，其余未导出；请缩小筛选范围后分批导出。`,
      ]);
      note.font = { bold: true, color: { argb: 'FFC00000' } };
      note.commit();
    }
    ws.commit();
    await wb.commit();
  } catch (err) {
    // Headers are out: the only honest answer left is a broken download.
    reply.log.error({ err }, 'xlsx export failed while streaming');
    out.destroy(err as Error);
  }
  return reply;
}
