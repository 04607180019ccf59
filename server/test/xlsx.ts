import ExcelJS from 'exceljs';
import type { Client } from './harness.js';

/** Builds an import workbook from rows (header row first) for tests. */
export async function workbookOf(sheets: Record<string, (string | number | Date)[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readWorkbook(buf: Buffer): Promise<Record<string, string[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: Record<string, string[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) => {
      rows.push(
        (row.values as unknown[]).slice(1).map((v, i) => {
          if (v === null || v === undefined) return '';
          // A date cell reads as the office suite shows it (its UTC fields are the wall-clock time).
          if (v instanceof Date) {
            const text = v.toISOString().replace('T', ' ');
            return row.getCell(i + 1).numFmt?.includes('hh') ? text.slice(0, 16) : text.slice(0, 10);
          }
          return String(v);
        }),
      );
    });
    out[ws.name] = rows;
  }
  return out;
}

/** The sheets of an export downloaded as `client` (the request must answer 200), by their Chinese names. */
export async function exported(client: Client, url: string): Promise<Record<string, string[][]>> {
  const res = await client.get(url);
  if (res.statusCode !== 200) throw new Error(`GET ${url} as ${client.username}: ${res.statusCode} ${res.body}`);
  return readWorkbook(res.rawPayload);
}

/** A multipart/form-data body with one file field, encoded by the platform's own FormData. */
/** A multipart body with one file; `fields` come first so the server sees them with the file. */
export async function multipartFile(buf: Buffer, filename = 'import.xlsx', fields: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', new Blob([new Uint8Array(buf)]), filename);
  const req = new Request('http://localhost/', { method: 'POST', body: fd });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    headers: { 'content-type': req.headers.get('content-type') as string },
  };
}

export const UNIT_HEADER = ['单位编码', '单位名称', '简称', '单位类型', '上级单位编码', '排序'];
export const PEOPLE_HEADER = ['姓名', '性别', '单位编码', '职务', '职级', '是否党员', '是否班子成员', '联系电话'];

/** A real 1×1 PNG: evidence uploads are checked by content (issue #21 item 16). */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
