import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { xlsxHeaders } from '../http/files.js';

/** One column of an exported list: its header, width and how a row fills it (`index` counts from 1). */
export interface XlsxColumn<T> {
  header: string;
  width: number;
  value: (row: T, index: number) => ExcelJS.CellValue;
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

/** Yields the rows of an array (lists that are read whole, e.g. the unit tree). */
export async function* arrayRows<T>(rows: Iterable<T>): AsyncGenerator<T> {
  yield* rows;
}

interface StreamedSheet {
  dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void };
}

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * The one way a list becomes an .xlsx download: rows are written and zipped as they arrive
 * (exceljs' streaming writer) instead of building the workbook in memory. The first row is read
 * before any byte is sent, so a scope or validation error still answers with its own status.
 */
export async function sendXlsxExport<T>(reply: FastifyReply, spec: XlsxExport<T>): Promise<FastifyReply> {
  const rows = spec.rows[Symbol.asyncIterator]();
  let next = await rows.next();

  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = '责链';
  wb.created = new Date();
  const headerRow = spec.title ? 2 : 1;
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: headerRow }] });
  ws.columns = spec.columns.map((c) => ({ width: c.width }));
  // The streaming writer keeps validations per sheet (exceljs' typings only describe the cell API).
  const validations = (ws as unknown as StreamedSheet).dataValidations;
  for (const [i, c] of spec.columns.entries()) {
    if (!c.choices) continue;
    const rule = { type: 'list' as const, allowBlank: true, formulae: [`"${c.choices.join(',')}"`] };
    const col = columnLetter(i + 1);
    for (let r = headerRow + 1; r <= (spec.choiceRows ?? 2000); r++) validations.add(`${col}${r}`, rule);
  }
  xlsxHeaders(reply, spec.fileName).send(out);

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
    for (let n = 1; !next.done; n++) {
      const item = next.value;
      const row = ws.addRow(spec.columns.map((c) => c.value(item, n)));
      if (spec.wrap) row.alignment = { wrapText: true, vertical: 'top' };
      row.commit();
      next = await rows.next();
    }
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
