import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { forbidden } from '../errors.js';
import { installErrorHandler } from '../http/errors-handler.js';
import { pagedRows, sendXlsxExport, type XlsxColumn } from './xlsx-export.js';

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
});
