import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../platform/audit/audit.service.js';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { multipartFile, workbookOf } from '../../test/xlsx.js';
import { PROBLEMS_PER_BATCH } from './problems.bulk.js';

const HEADER = ['问题标题', '问题描述', '问题来源', '问题类别', '严重程度', '责任单位编码', '整改措施', '整改时限'];
/** More rows than two write batches hold, so the import spans three of them. */
const ROWS = 2 * PROBLEMS_PER_BATCH + 500;
const DEADLINES = ['10个工作日', '15天', '2026-12-31'];

let t: TestApp;
let office: Client;

beforeAll(async () => {
  t = await createTestApp();
  // Friday 25 September 2026, just before 国庆: working days skip the holiday week.
  await t.setClock('2026-09-25T01:00:00Z');
  office = await t.as('office');
});
afterAll(() => t.close());

const row = (tag: string, i: number) => [
  `${tag}${i}`,
  `第${i}行`,
  '审计',
  '财务',
  i % 2 ? '较重' : '',
  i % 3 ? 'ZJJ' : 'YJJ',
  '整改一；整改二',
  DEADLINES[i % 3],
];
const upload = async (buf: Buffer, accept?: string) => {
  const body = await multipartFile(buf);
  return office.request({
    method: 'POST',
    url: '/api/problems/import',
    payload: body.payload,
    headers: { ...body.headers, ...(accept ? { accept } : {}) },
  });
};
const counts = async () => {
  const { rows } = await t.database.query<{ problems: string; measures: string; audit: string }>(
    `SELECT (SELECT count(*) FROM problems) AS problems, (SELECT count(*) FROM problem_measures) AS measures,
            (SELECT seq FROM audit_head) AS audit`,
  );
  return rows[0];
};

describe('bulk import of the problem list', () => {
  it('imports rows over several batches like createProblem, one audit record each, chain intact', async () => {
    const res = await upload(
      await workbookOf({ 问题清单: [HEADER, ...Array.from({ length: ROWS }, (_, i) => row('批量', i))] }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().created).toBe(ROWS);
    const ids: string[] = res.json().ids;

    const { rows } = await t.database.query<{
      id: string;
      code: string;
      title: string;
      state: string;
      severity: string;
      deadline: string;
      responsible: string | null;
      leader: string | null;
      unit: string;
    }>(
      `SELECT p.id, p.code, p.title, p.state, p.severity, p.deadline::text AS deadline, u.code AS unit,
              p.responsible_person_id AS responsible, p.leader_person_id AS leader
       FROM problems p JOIN units u ON u.id = p.unit_id WHERE p.title LIKE '批量%' ORDER BY p.code`,
    );
    expect(rows).toHaveLength(ROWS);
    // Codes from the sequence, consecutive, in the order of the file.
    const first = Number(rows[0].code.slice(7));
    rows.forEach((p, i) => {
      expect(p.code).toBe(`WT2026-${String(first + i).padStart(5, '0')}`);
      expect(p.title).toBe(`批量${i}`);
      expect(p.id).toBe(ids[i]);
    });
    expect(new Set(rows.map((p) => p.state))).toEqual(new Set(['draft']));
    expect(rows[1].severity).toBe('serious');
    expect(rows[0].severity).toBe('general');

    // Deadlines and unit defaults as the one-by-one path computes them.
    for (const i of [0, 1, 2]) {
      const one = (
        await office.post('/api/problems', {
          title: `对照${i}`,
          source: 'audit',
          unitId: (await office.get(`/api/problems/${rows[i].id}`)).json().unitId,
          measures: DEADLINES[i].endsWith('天')
            ? [{ content: 'x', deadlineType: 'calendar', days: 15 }]
            : DEADLINES[i].includes('工作日')
              ? [{ content: 'x', deadlineType: 'working', days: 10 }]
              : [{ content: 'x', deadlineType: 'date', deadline: DEADLINES[i] }],
        })
      ).json();
      const imported = (await office.get(`/api/problems/${rows[i].id}`)).json();
      expect(imported).toMatchObject({
        state: 'draft',
        deadline: one.deadline,
        responsiblePersonId: one.responsiblePersonId,
        leaderPersonId: one.leaderPersonId,
      });
      expect(imported.measures).toMatchObject([
        { seq: 1, content: '整改一', deadline: one.deadline },
        { seq: 2, content: '整改二', deadline: one.deadline },
      ]);
    }
    expect(rows[0].responsible).not.toBeNull();

    const { rows: measures } = await t.database.query<{ n: string }>(
      `SELECT count(*) AS n FROM problem_measures m JOIN problems p ON p.id = m.problem_id WHERE p.title LIKE '批量%'`,
    );
    expect(Number(measures[0].n)).toBe(2 * ROWS);

    const { rows: audit } = await t.database.query<{ entity_id: string; after: Record<string, unknown> }>(
      `SELECT entity_id, after FROM audit_events WHERE type = 'problem.created' AND after->>'title' LIKE '批量%' ORDER BY seq`,
    );
    expect(audit.map((a) => a.entity_id)).toEqual(ids);
    expect(audit[0].after).toMatchObject({ code: rows[0].code, state: 'draft', measures: [{ seq: 1 }, { seq: 2 }] });
    // The record has the shape createProblem writes: every column, timestamps as ISO strings, the measures.
    const { rows: single } = await t.database.query<{ after: Record<string, unknown> }>(
      `SELECT after FROM audit_events WHERE type = 'problem.created' AND after->>'title' = '对照0'`,
    );
    const shape = (o: Record<string, unknown>) =>
      Object.entries(o)
        .map(([k, v]) => `${k}:${Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v}`)
        .sort();
    expect(shape(audit[0].after)).toEqual(shape(single[0].after));
    expect(audit[0].after.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const { rows: summary } = await t.database.query<{ after: unknown }>(
      `SELECT after FROM audit_events WHERE type = 'problem.imported' ORDER BY seq DESC LIMIT 1`,
    );
    expect(summary[0].after).toEqual({ count: ROWS });
    expect(await verifyChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('writes nothing when only the last row is wrong', async () => {
    const before = await counts();
    const lines = Array.from({ length: ROWS }, (_, i) => row('不应导入', i));
    lines[ROWS - 1][5] = 'NOPE';
    const res = await upload(await workbookOf({ 问题清单: [HEADER, ...lines] }));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'IMPORT_INVALID',
      message: '有 1 处错误，未导入任何数据，请修改后重新上传',
      rows: [{ sheet: '问题清单', row: ROWS + 1, field: '责任单位编码', message: '单位编码 NOPE 不存在或无权操作' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('rolls back the batches already written when a later batch fails in the database', async () => {
    await t.database.query(`
      CREATE FUNCTION test_refuse_problem() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.title = '写入失败' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_refuse_problem BEFORE INSERT ON problems FOR EACH ROW EXECUTE FUNCTION test_refuse_problem();`);
    try {
      const before = await counts();
      const lines = Array.from({ length: ROWS }, (_, i) => row('回滚', i));
      lines[ROWS - 1][0] = '写入失败';
      const res = await upload(await workbookOf({ 问题清单: [HEADER, ...lines] }));
      expect(res.statusCode).toBe(500);
      expect(await counts()).toEqual(before);
    } finally {
      await t.database.query('DROP TRIGGER test_refuse_problem ON problems; DROP FUNCTION test_refuse_problem();');
    }
  });

  it('keeps the row messages, lists at most 1000 errors and counts them all', async () => {
    const lines = Array.from({ length: 600 }, (_, i) => [
      `标题${i}`,
      '',
      '不存在',
      '',
      '很重',
      'ZJJ',
      '',
      '2026-02-30',
    ]);
    const res = await upload(await workbookOf({ 问题清单: [HEADER, ...lines] }));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.total).toBe(2400);
    expect(body.rows).toHaveLength(1000);
    expect(body.message).toBe('有 2400 处错误（下表列出前 1000 处），未导入任何数据，请修改后重新上传');
    expect(body.rows.slice(0, 4).map((r: { field: string; message: string }) => `${r.field}:${r.message}`)).toEqual([
      '问题来源:问题来源“不存在”不正确',
      '严重程度:严重程度应为一般、较重或严重',
      '整改措施:至少填写一项整改措施',
      '整改时限:整改时限应为日期（2026-12-31）、“N个工作日”或“N天”',
    ]);
  });

  it('refuses a file over 100,000 rows before checking or writing anything', async () => {
    const before = await counts();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('问题清单');
    ws.addRow(HEADER);
    for (let i = 0; i < 100_001; i++) ws.addRow([i]);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'IMPORT_TOO_LARGE', message: '单次最多导入 100000 个问题' });
    expect(await counts()).toEqual(before);
  });

  it('reads date cells and reports progress as NDJSON when asked', async () => {
    const date = new Date(Date.UTC(2026, 11, 31));
    const good = await workbookOf({ 问题清单: [HEADER, ['日期单元格', '', '审计', '', '', 'ZJJ', '整改', date]] });
    const res = await upload(good, 'application/x-ndjson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/ndjson/);
    const lines = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === 'progress').map((l) => l.phase)).toEqual(
      expect.arrayContaining(['read', 'validate', 'write']),
    );
    const last = lines.at(-1);
    expect(last).toMatchObject({ type: 'result', data: { created: 1 } });
    expect((await office.get(`/api/problems/${last.data.ids[0]}`)).json().deadline).toBe('2026-12-31');

    const bad = await workbookOf({ 问题清单: [HEADER, ['', '', '审计', '', '', 'ZJJ', '整改', '10天']] });
    const failed = (await upload(bad, 'application/x-ndjson')).body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(failed.at(-1)).toMatchObject({
      type: 'error',
      status: 400,
      body: { code: 'IMPORT_INVALID', rows: [{ row: 2, field: '问题标题', message: '问题标题不能为空' }] },
    });
  });
});
