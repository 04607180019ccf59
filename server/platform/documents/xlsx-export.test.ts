import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { forbidden } from '../errors.js';
import { installErrorHandler } from '../http/errors-handler.js';
import { arrayRows, pagedRows, sendXlsxExport, type XlsxColumn } from './xlsx-export.js';

type Row = { code: string; n: number };
const COLUMNS: XlsxColumn<Row>[] = [
  { header: '序号', width: 6, value: (_, i) => i },
  { header: '编号', width: 12, value: (r) => r.code },
  { header: '是否', width: 6, value: (r) => (r.n % 2 ? '是' : '否'), choices: ['是', '否'] },
];

async function app() {
  const fastify = Fastify();
  installErrorHandler(fastify);
  fastify.get('/ok', (_req, reply) =>
    sendXlsxExport(reply, {
      fileName: '测试台账.xlsx',
      sheet: '台账',
      title: '测试台账（导出时间：2026-12-04）',
      columns: COLUMNS,
      rows: pagedRows(
        async (page, pageSize) => ({
          items: Array.from({ length: page <= 2 ? pageSize : 3 }, (_, i) => ({ code: `P${page}-${i}`, n: i })),
        }),
        { pageSize: 5, max: 12 },
      ),
    }),
  );
  fastify.get('/denied', (_req, reply) =>
    sendXlsxExport(reply, {
      fileName: 'x.xlsx',
      sheet: 'x',
      columns: COLUMNS,
      rows: pagedRows<Row>(async () => {
        throw forbidden('没有导出权限');
      }),
    }),
  );
  return fastify;
}

describe('the streaming list exporter', () => {
  it('writes the title, header and rows page by page, capped at max, with drop-downs', async () => {
    const res = await (await app()).inject('/ok');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('测试台账.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('台账');
    expect(ws?.getRow(1).getCell(1).value).toBe('测试台账（导出时间：2026-12-04）');
    expect(ws?.getRow(2).values).toEqual([undefined, '序号', '编号', '是否']);
    expect(ws?.getRow(14).values).toEqual([undefined, 12, 'P3-1', '是']);
    // Rows were left over: the file says it was cut, never silently.
    expect(ws?.rowCount).toBe(2 + 12 + 1);
    expect(String(ws?.getRow(15).getCell(1).value)).toBe('仅导出前 12 条，其余未导出；请缩小筛选范围后分批导出。');
    expect(ws?.getCell('C3').dataValidation).toMatchObject({ type: 'list', formulae: ['"是,否"'] });
  });

  it('adds no note when every row fits', async () => {
    const fastify = Fastify();
    fastify.get('/all', (_req, reply) =>
      sendXlsxExport(reply, {
        fileName: 'x.xlsx',
        sheet: 'x',
        columns: COLUMNS,
        rows: pagedRows(async (page) => ({ items: page === 1 ? [{ code: 'A', n: 1 }] : [] }), { pageSize: 5, max: 1 }),
      }),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fastify.inject('/all')).rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('x')?.rowCount).toBe(2);
  });

  it('answers an error of the first page with its own status, not a broken file', async () => {
    const res = await (await app()).inject('/denied');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ message: '没有导出权限' });
  });

  it('writes dates as date cells, filters and freezes the header, fits widths and sets up printing', async () => {
    type Dated = { name: string; due: string; at: Date };
    const fastify = Fastify();
    fastify.get('/dated', (_req, reply) =>
      sendXlsxExport<Dated>(reply, {
        fileName: 'x.xlsx',
        sheet: 'x',
        columns: [
          { header: '名称', width: 40, value: (r) => r.name },
          { header: '期限', width: 12, value: (r) => r.due, kind: 'date' },
          { header: '时间', width: 18, value: (r) => r.at, kind: 'datetime' },
        ],
        rows: arrayRows([
          { name: '短', due: '2026-11-11', at: new Date('2026-12-03T17:30:00Z') },
          { name: '县住房和城乡建设局', due: '', at: new Date('2026-01-01T00:00:00Z') },
        ]),
      }),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await fastify.inject('/dated')).rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('x');
    // 2026-11-11 is a date, and 17:30 UTC on the 3rd is 01:30 on the 4th in Asia/Shanghai.
    expect(ws?.getCell('B2').value).toEqual(new Date('2026-11-11T00:00:00Z'));
    expect(ws?.getCell('B2').numFmt).toBe('yyyy-mm-dd');
    expect(ws?.getCell('C2').value).toEqual(new Date('2026-12-04T01:30:00Z'));
    expect(ws?.getCell('C2').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(ws?.getCell('B3').value).toBeNull();
    // 县住房和城乡建设局: 9 characters, 18 columns wide, +2; never wider than the column's own width.
    expect(ws?.getColumn(1).width).toBe(20);
    expect(ws?.getColumn(2).width).toBe(12);
    expect(ws?.autoFilter).toBe('A1:C1');
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws?.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    expect(ws?.pageSetup.printTitlesRow).toBe('1:1');
    expect(ws?.headerFooter.oddFooter).toBe('第 &P 页，共 &N 页');
  });
});
