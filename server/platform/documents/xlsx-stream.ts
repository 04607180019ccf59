import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { Inflate } from 'fflate';
import { checkXlsxSize } from './xlsx-limits.js';

/** A worksheet being read: its name, then its rows in order. */
export type WorksheetStream = AsyncIterable<ExcelJS.Row> & { name: string };

/** The exceljs 4.4 part parsers (lib/stream/xlsx/workbook-reader.js); its own zip loop is not used. */
interface ReaderInternals {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(
    chunks: AsyncIterable<string>,
    sheetNo: string,
  ): Generator<{ eventType: string; value: WorksheetStream & { id: number; state?: string } }>;
}

/** One entry of the zip's central directory: where its compressed bytes are and how they are packed. */
interface ZipEntry {
  method: number;
  start: number;
  compressedSize: number;
}

const MAX32 = 0xffffffff;
const SLICE = 64 * 1024;

function notXlsx(): Error {
  return new Error('not an .xlsx file (zip directory unreadable)');
}

/** The central directory, read from the end of the file (the local headers may carry no sizes). */
function zipEntries(file: Buffer): Map<string, ZipEntry> {
  let eocd = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  let count = file.readUInt16LE(eocd + 10);
  let at = file.readUInt32LE(eocd + 16);
  if ((at === MAX32 || count === 0xffff) && eocd >= 20 && file.readUInt32LE(eocd - 20) === 0x07064b50) {
    const z64 = Number(file.readBigUInt64LE(eocd - 12));
    count = Number(file.readBigUInt64LE(z64 + 32));
    at = Number(file.readBigUInt64LE(z64 + 48));
  }
  const entries = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (file.readUInt32LE(at) !== 0x02014b50) throw notXlsx();
    const nameLength = file.readUInt16LE(at + 28);
    const extraLength = file.readUInt16LE(at + 30);
    const name = file.toString('utf8', at + 46, at + 46 + nameLength);
    let compressedSize = file.readUInt32LE(at + 20);
    let offset = file.readUInt32LE(at + 42);
    // Zip64: the 8-byte values follow in the extra field, in this order, for the fields set to 0xFFFFFFFF.
    for (let x = at + 46 + nameLength; x < at + 46 + nameLength + extraLength; ) {
      const id = file.readUInt16LE(x);
      const size = file.readUInt16LE(x + 2);
      if (id === 1) {
        let p = x + 4;
        if (file.readUInt32LE(at + 24) === MAX32) p += 8;
        if (compressedSize === MAX32) {
          compressedSize = Number(file.readBigUInt64LE(p));
          p += 8;
        }
        if (offset === MAX32) offset = Number(file.readBigUInt64LE(p));
      }
      x += 4 + size;
    }
    if (file.readUInt32LE(offset) !== 0x04034b50) throw notXlsx();
    const start = offset + 30 + file.readUInt16LE(offset + 26) + file.readUInt16LE(offset + 28);
    if (start + compressedSize > file.length) throw notXlsx();
    entries.set(name, { method: file.readUInt16LE(at + 10), start, compressedSize });
    at += 46 + nameLength + extraLength + file.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * One entry's text, inflated a slice at a time when the parser asks for more (so a large sheet is never
 * whole in memory) and decoded across slice boundaries (a Chinese character split between two slices stays
 * whole — exceljs' own reader turned it into U+FFFD, exceljs issues #2084, #2316).
 */
async function* entryText(file: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const data = file.subarray(entry.start, entry.start + entry.compressedSize);
  const decoder = new TextDecoder('utf-8');
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += SLICE) {
      yield decoder.decode(data.subarray(i, i + SLICE), { stream: true });
    }
  } else if (entry.method === 8) {
    const out: Uint8Array[] = [];
    const inflate = new Inflate((chunk) => out.push(chunk));
    for (let i = 0; i < data.length || i === 0; i += SLICE) {
      inflate.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
      for (const chunk of out.splice(0)) yield decoder.decode(chunk, { stream: true });
    }
  } else {
    throw new Error(`unsupported zip compression method ${entry.method}`);
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

function textStream(file: Buffer, entry: ZipEntry): Readable {
  return Readable.from(entryText(file, entry));
}

/** A relationship target (relative to xl/, or absolute from the package root) as a zip entry name. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * The worksheets of an .xlsx, in workbook order, each read as a stream: rows come one at a time instead of
 * the whole workbook in memory (~550 MiB for 100,000 rows of eight columns). A zip bomb is refused before
 * reading (checkXlsxSize).
 *
 * The zip is read here (central directory + fflate), not by exceljs' WorkbookReader: that one reads entries
 * in file order and, when a worksheet came before xl/workbook.xml (as in files exceljs itself writes), parked
 * it in a temp file and sometimes ended its loop before parsing workbook.xml — the sheets had no names, or it
 * threw. Here the parts every sheet needs (relationships, workbook, styles for date cells, shared strings) are
 * parsed first, whatever their place in the file, then each sheet is inflated lazily as its rows are asked for.
 */
export async function* readWorksheets(file: Buffer): AsyncGenerator<WorksheetStream> {
  checkXlsxSize(file);
  const entries = zipEntries(file);
  const part = (name: string) => entries.get(name);
  const rels = part('xl/_rels/workbook.xml.rels');
  const workbook = part('xl/workbook.xml');
  if (!rels || !workbook) throw notXlsx();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const internals = reader as unknown as ReaderInternals;
  await internals._parseRels(textStream(file, rels));
  await internals._parseWorkbook(textStream(file, workbook));
  const styles = part('xl/styles.xml');
  if (styles) await internals._parseStyles(textStream(file, styles));
  const shared = part('xl/sharedStrings.xml');
  if (shared) for await (const _ of internals._parseSharedStrings(textStream(file, shared)));
  for (const sheet of internals.model?.sheets ?? []) {
    const rel = internals.workbookRels?.find((r) => r.Id === sheet.rId);
    const entry = rel && part(partName(rel.Target));
    if (!rel || !entry) continue;
    const sheetNo = /(\d+)\.xml$/.exec(rel.Target)?.[1] ?? String(sheet.id);
    for (const { eventType, value } of internals._parseWorksheet(entryText(file, entry), sheetNo)) {
      if (eventType !== 'worksheet') continue;
      value.id = sheet.id;
      value.name = sheet.name;
      value.state = sheet.state;
      yield value;
    }
  }
}
