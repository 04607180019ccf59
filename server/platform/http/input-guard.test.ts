import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { TINY_PNG, multipartFile } from '../../test/xlsx.js';

/** Issue #21 items 12, 13, 14, 15, 17: bad input answers 4xx with a Chinese message, never 500. */
let t: TestApp;
let office: Client;
let sysadmin: Client;

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  sysadmin = await t.as('sysadmin');
});
afterAll(() => t.close());

const chinese = (body: string) => /[\u4e00-\u9fff]/.test((JSON.parse(body) as { message: string }).message);
const upload = async (url: string, buf: Buffer) => {
  const body = await multipartFile(buf);
  return office.request({ method: 'POST', url, payload: body.payload, headers: body.headers });
};

describe('unstorable text at the edge (item 12)', () => {
  it.each(['\u0000', '\uD800', 'a\uDC00b'])(
    'refuses %j in the login username and a body text field with 400',
    async (bad) => {
      const login = await t.anonymous.post('/api/auth/login', { username: `sys${bad}admin`, password: 'x' });
      expect(login.statusCode).toBe(400);
      expect(chinese(login.body)).toBe(true);
      const problemIds = (await office.get('/api/problems?pageSize=2')).json().items.map((p: { id: string }) => p.id);
      const group = await office.post('/api/problem-groups', { title: `共性${bad}问题`, problemIds });
      expect(group.statusCode).toBe(400);
      expect(group.json()).toMatchObject({ code: 'INVALID_INPUT', field: 'title' });
    },
  );

  it('refuses NUL in q= with 400', async () => {
    const search = await office.get('/api/problems?q=%E5%BB%89%00');
    expect(search.statusCode).toBe(400);
    expect(chinese(search.body)).toBe(true);
  });

  it('lets U+FFFE / U+FFFF through the edge (PostgreSQL stores them; documents drop them)', async () => {
    const search = await office.get(`/api/problems?q=${encodeURIComponent('廉政\uFFFE\uFFFF')}`);
    expect(search.statusCode).toBe(200);
  });
});

describe('deep nesting and truncated uploads (item 13)', () => {
  it('answers 400 to a rule nested 2,000 levels deep', async () => {
    let rule: unknown = { field: 'severity', op: '=', value: '一般' };
    for (let i = 0; i < 2000; i++) rule = { not: rule };
    const res = await office.post('/api/situations/preview', { rule });
    expect(res.statusCode).toBe(400);
    expect(chinese(res.body)).toBe(true);
  });

  it('answers 400 to a multipart upload cut short', async () => {
    const body = await multipartFile(Buffer.alloc(4000, 1));
    const res = await office.request({
      method: 'POST',
      url: '/api/problems/import',
      payload: body.payload.subarray(0, 2000),
      headers: body.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(chinese(res.body)).toBe(true);
  });
});

describe('formula cells in an import (item 14)', () => {
  const HEADER = ['问题标题', '问题描述', '问题来源', '问题类别', '严重程度', '责任单位编码', '整改措施', '整改时限'];
  async function book(title: ExcelJS.CellValue) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('问题清单');
    ws.addRow(HEADER);
    ws.addRow(['x', '描述', '审计', '财务', '一般', 'ZJJ', '整改', '2026-12-31']);
    ws.getCell('A2').value = title;
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('refuses a formula without a saved result naming row and column, never storing [object Object]', async () => {
    const res = await upload('/api/problems/import', await book({ formula: 'B2&"问题"' } as ExcelJS.CellValue));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('第 2 行第 A 列');
    expect(res.body).not.toContain('[object Object]');
  });

  it('reads a formula by its saved result', async () => {
    const res = await upload('/api/problems/import', await book({ formula: 'B2', result: '公式得出的标题' }));
    expect(res.statusCode).toBe(200);
    const list = await office.get(`/api/problems?q=${encodeURIComponent('公式得出的标题')}`);
    expect(list.json().total).toBe(1);
  });
});

describe('zip bombs (item 15)', () => {
  it('refuses an .xlsx that unpacks to far more than it weighs, and health answers meanwhile', async () => {
    const bomb = Buffer.from(
      zipSync({
        '[Content_Types].xml': new Uint8Array(100),
        'xl/sharedStrings.xml': new Uint8Array(300 * 1024 * 1024),
      }),
    );
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = process.memoryUsage().rss;
    const [problems, org, health] = await Promise.all([
      upload('/api/problems/import', bomb),
      upload('/api/org/import', bomb),
      t.anonymous.get('/api/health'),
    ]);
    expect(health.statusCode).toBe(200);
    for (const res of [problems, org]) {
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('IMPORT_TOO_LARGE');
    }
    expect(process.memoryUsage().rss - started).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('the clock (item 17)', () => {
  it.each([true, 0, '2026-02-30', '2026-02-30T09:00:00Z', '2026-12-04'])('refuses %j with 400', async (now) => {
    const res = await sysadmin.post('/api/admin/clock', { now });
    expect(res.statusCode).toBe(400);
    expect(chinese(res.body)).toBe(true);
  });

  it('null puts the clock back to real time', async () => {
    await t.setClock('2030-01-01T00:00:00Z');
    const admin = await t.as('sysadmin'); // the earlier session ended with the jump of four years
    expect((await admin.get('/api/admin/clock')).json().now).toMatch(/^2030-01-01/);
    const res = await admin.post('/api/admin/clock', { now: null });
    expect(res.statusCode).toBe(200);
    expect(Math.abs(Date.parse(res.json().now) - Date.now())).toBeLessThan(60_000);
  });
});

describe('upload types by content (item 16)', () => {
  const EXE = Buffer.concat([Buffer.from('4d5a900003000000', 'hex'), Buffer.alloc(200)]);
  const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const HTML = Buffer.from('<html><script>alert(1)</script></html>');

  it.each([
    ['程序.exe', EXE],
    ['图.svg', SVG],
    ['伪装.png', HTML],
  ])('refuses %s whatever its name says', async (name, content) => {
    const problem = (await office.get('/api/problems?pageSize=1')).json().items[0].id;
    const body = await multipartFile(content, name);
    const res = await office.request({
      method: 'POST',
      url: `/api/problems/${problem}/files`,
      payload: body.payload,
      headers: body.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FILE_TYPE_REFUSED');
  });

  it('stores a picture with its detected type and serves it as an attachment, nosniff', async () => {
    const problem = (await office.get('/api/problems?pageSize=1')).json().items[0].id;
    const body = await multipartFile(TINY_PNG, '照片.txt');
    const up = await office.request({
      method: 'POST',
      url: `/api/problems/${problem}/files`,
      payload: body.payload,
      headers: { ...body.headers },
    });
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().mime).toBe('image/png');
    const down = await office.get(`/api/problems/${problem}/files/${up.json().id}`);
    expect(down.headers['content-type']).toBe('image/png');
    expect(down.headers['content-disposition']).toMatch(/^attachment;/);
    expect(down.headers['x-content-type-options']).toBe('nosniff');
  });
});
