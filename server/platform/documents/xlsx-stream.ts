import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

/** A worksheet being read: its name, then its rows in order. */
export type WorksheetStream = AsyncIterable<ExcelJS.Row> & { name: string };

/** The exceljs 4.4 methods that decode zip entries (lib/stream/xlsx/workbook-reader.js). */
interface ReaderInternals {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
}

async function* decodeUtf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}

/**
 * The worksheets of an .xlsx read as a stream (exceljs `WorkbookReader`): rows come one at a time
 * instead of the whole workbook in memory (~550 MiB for 100,000 rows of eight columns).
 *
 * exceljs 4.4 decodes every zip chunk on its own, so a character split across two chunks turns
 * into U+FFFD — about one row in 2,000 of Chinese text (exceljs issues #2084, #2316). Its entry
 * readers are wrapped here to receive text decoded across chunk boundaries. Date cells stay dates
 * (styles are read: the number format says which cells are dates).
 */
export function readWorksheets(file: Buffer): AsyncIterable<WorksheetStream> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file], { objectMode: false }), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  for (const method of ['_parseRels', '_parseWorkbook', '_parseStyles', '_parseSharedStrings'] as const) {
    const original = internals[method].bind(reader) as (entry: Readable) => never;
    internals[method] = (entry: Readable) => original(entry.setEncoding('utf8'));
  }
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  internals._parseWorksheet = (chunks, sheetNo) => parseWorksheet(decodeUtf8(chunks), sheetNo);
  return reader as unknown as AsyncIterable<WorksheetStream>;
}
