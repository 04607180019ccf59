import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readWorksheets } from './xlsx-stream.js';

async function readAll(buf: Buffer) {
  const sheets: Record<string, unknown[][]> = {};
  for await (const ws of readWorksheets(buf)) {
    const rows: unknown[][] = [];
    for await (const row of ws) rows.push((row.values as unknown[]).slice(1));
    sheets[ws.name] = rows;
  }
  return sheets;
}

describe('streamed .xlsx reading', () => {
  it('keeps every Chinese character whatever the zip chunk boundaries', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('问题清单');
    const expected = Array.from({ length: 6000 }, (_, i) => [`批量导入问题${i}：自建房安全排查不彻底`, `说明${i}`, i]);
    for (const r of expected) ws.addRow(r);
    ws.getCell('D1').value = { richText: [{ text: '富文本' }, { text: '加粗', font: { bold: true } }] };
    const sheets = await readAll(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(Object.keys(sheets)).toEqual(['问题清单']);
    expect(sheets.问题清单.map((r) => r.slice(0, 3))).toEqual(expected);
    expect(sheets.问题清单[0][3]).toMatchObject({
      richText: [{ text: '富文本' }, { text: '加粗', font: { bold: true } }],
    });
  });

  it('keeps them in strings written inline in the sheet (no shared strings)', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const ws = wb.addWorksheet('问题清单');
    const expected = Array.from({ length: 6000 }, (_, i) => [`整改措施${i}：排查整改并建立台账`]);
    for (const r of expected) ws.addRow(r).commit();
    await wb.commit();
    const sheets = await readAll(Buffer.concat(chunks));
    expect(sheets.问题清单).toEqual(expected);
  });

  it('gives date cells as dates and names every sheet', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填写说明').addRow(['说明']);
    wb.addWorksheet('数据').addRow([new Date(Date.UTC(2026, 11, 31)), '2026-12-31', 15]);
    const sheets = await readAll(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(sheets).toEqual({ 填写说明: [['说明']], 数据: [[new Date(Date.UTC(2026, 11, 31)), '2026-12-31', 15]] });
  });

  it('reads the sheets when they come before workbook.xml, styles and shared strings in the zip (200 times)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('填写说明').addRow(['说明']);
    wb.addWorksheet('数据').addRow([new Date(Date.UTC(2026, 11, 31)), '问题清单', 15]);
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    // The order exceljs' own reader raced on: every worksheet first, the parts a sheet needs last.
    const rank = (n: string) => (n.startsWith('xl/worksheets/') ? 0 : n.startsWith('xl/') ? 2 : 1);
    const names = Object.keys(parts).sort((a, b) => rank(a) - rank(b));
    const reordered = Buffer.from(zipSync(Object.fromEntries(names.map((n) => [n, parts[n]]))));
    const order = Object.keys(unzipSync(reordered));
    expect(order.indexOf('xl/worksheets/sheet2.xml')).toBeLessThan(order.indexOf('xl/workbook.xml'));
    expect(order.indexOf('xl/worksheets/sheet2.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));
    const expected = { 填写说明: [['说明']], 数据: [[new Date(Date.UTC(2026, 11, 31)), '问题清单', 15]] };
    for (let i = 0; i < 200; i++) expect(await readAll(reordered)).toEqual(expected);
    // The file exceljs writes (sheets before workbook.xml, sizes in data descriptors) reads the same.
    const written = Buffer.from(await wb.xlsx.writeBuffer());
    for (let i = 0; i < 200; i++) expect(await readAll(written)).toEqual(expected);
  });

  it('reads stored (uncompressed) entries and a sheet part named otherwise than sheetN.xml', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('问题清单').addRow(['整改', 3]);
    const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const rels = new TextDecoder().decode(parts['xl/_rels/workbook.xml.rels']);
    parts['xl/_rels/workbook.xml.rels'] = strToU8(rels.replace('worksheets/sheet1.xml', 'worksheets/问题.xml'));
    parts['xl/worksheets/问题.xml'] = parts['xl/worksheets/sheet1.xml'];
    delete parts['xl/worksheets/sheet1.xml'];
    const stored = Buffer.from(zipSync(parts, { level: 0 }));
    expect(await readAll(stored)).toEqual({ 问题清单: [['整改', 3]] });
  });

  it('fails on a file that is not an .xlsx, including an empty one', async () => {
    await expect(readAll(Buffer.from('not a zip file at all'))).rejects.toThrow();
    await expect(readAll(Buffer.alloc(0))).rejects.toThrow();
  });
});
