import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';

let t: TestApp;
let office: Client;
let zhujian: Client;
let yingji: Client;
let sys: Client;
let zjjId: string;

async function setClock(iso: string) {
  await (await t.as('sysadmin')).post('/api/admin/clock', { now: iso });
  sys = await t.as('sysadmin');
  office = await t.as('office');
  zhujian = await t.as('zhujian');
  yingji = await t.as('yingji');
}
const scan = async () => (await sys.post('/api/jobs/warning-scan/run')).json();
const situationId = async (code: string) =>
  (await office.get('/api/situations')).json().items.find((s: { code: string }) => s.code === code).id;
const warningsOf = async (problemId: string, c = office) =>
  (await c.get(`/api/warnings?problemId=${problemId}&pageSize=100`)).json().items as {
    id: string;
    situationName: string;
    situationId: string;
    state: string;
    version: number;
    facts: Record<string, unknown>;
  }[];
const fire = async (c: Client, id: string, body: Record<string, unknown>) => {
  const w = (await c.get(`/api/warnings/${id}`)).json();
  return c.post(`/api/warnings/${id}/events`, { version: w.version, ...body });
};

async function newProblem(title: string, deadline: string, extra: Record<string, unknown> = {}) {
  const res = await office.post('/api/problems', {
    title,
    source: 'daily',
    category: '作风建设',
    unitId: zjjId,
    measures: [{ content: '整改', deadlineType: 'date', deadline }],
    dispatch: true,
    ...extra,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  await setClock('2026-09-25T01:00:00Z');
  zjjId = (await office.get('/api/units?q=ZJJ')).json().items.find((u: { code: string }) => u.code === 'ZJJ').id;
});
afterAll(() => t.close());

describe('situation catalogue', () => {
  it('ships the four situations of seed 000 and five generic ones', async () => {
    const items = (await office.get('/api/situations')).json().items as {
      code: string;
      active: boolean;
      articleText: string;
    }[];
    expect(items.map((s) => s.code)).toEqual([
      'S01-BIZ-CROSS',
      'S02-PROJECT',
      'S03-SAFETY',
      'S04-PRIORITY',
      'S05-OVERDUE',
      'S06-STALLED',
      'S07-NO-LEAD',
      'S08-REOPENED',
      'S09-COPIED',
    ]);
    expect(items.every((s) => s.active && s.articleText)).toBe(true);
  });

  it('refuses a rule with an unknown field, naming it, and accepts a valid one', async () => {
    const base = {
      code: 'X-TEST',
      name: '测试情形',
      article: 11,
      responsibleRoles: [{ who: 'unit_principal', responsibility: '主要领导责任', duty: '决策责任' }],
      forms: ['通报'],
      rectifyDays: 5,
    };
    const bad = await office.post('/api/situations', { ...base, rule: { field: 'days_late', op: '>=', value: 3 } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().message).toMatch(/字段“days_late”不存在/);
    const wrongType = await office.post('/api/situations', {
      ...base,
      rule: { field: 'severity', op: '>=', value: 3 },
    });
    expect(wrongType.statusCode).toBe(422);
    const ok = await office.post('/api/situations', {
      ...base,
      rule: { all: [{ field: 'severity', op: '=', value: 'critical' }] },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().active).toBe(false);
    const preview = await office.get(`/api/situations/${ok.json().id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.json().total).toBeGreaterThan(0);
    expect(preview.json().items[0].facts).toEqual({ severity: 'critical' });
    expect((await zhujian.post('/api/situations', base)).statusCode).toBe(403);
  });
});

describe('the scan', () => {
  it('fires “overdue by 10 working days” exactly on its boundary, across 国庆', async () => {
    await setClock('2026-09-25T01:00:00Z');
    const p = await newProblem('逾期边界测试', '2026-09-30');
    const s05 = await situationId('S05-OVERDUE');
    // Working days after 30 Sep: 8, 9, 10 (Saturday make-up), 12, 13, 14, 15, 16, 19 Oct = 9.
    await setClock('2026-10-19T02:00:00Z');
    await scan();
    expect((await warningsOf(p.id)).filter((w) => w.situationId === s05)).toHaveLength(0);
    await setClock('2026-10-20T02:00:00Z');
    await scan();
    const fired = (await warningsOf(p.id)).filter((w) => w.situationId === s05);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ state: 'pending_review', facts: { working_days_overdue: 10 } });
  });

  it('fires “no progress for 30 days” on day 30, not 29', async () => {
    await setClock('2026-09-25T01:00:00Z');
    const p = await newProblem('无进展边界测试', '2026-12-31');
    const s06 = await situationId('S06-STALLED');
    await setClock('2026-10-24T02:00:00Z'); // 29 days after dispatch
    await scan();
    expect((await warningsOf(p.id)).filter((w) => w.situationId === s06)).toHaveLength(0);
    await setClock('2026-10-25T02:00:00Z'); // 30 days
    await scan();
    expect((await warningsOf(p.id)).filter((w) => w.situationId === s06)).toHaveLength(1);
  });

  it('is idempotent and resolves a warning whose facts disappear', async () => {
    await setClock('2026-09-25T01:00:00Z');
    const p = await newProblem('幂等与化解测试', '2026-09-28');
    await setClock('2026-10-20T02:00:00Z');
    await scan();
    const first = await warningsOf(p.id);
    expect(first.length).toBeGreaterThan(0);
    const again = await scan();
    expect(again.ok).toBe(true);
    expect(await warningsOf(p.id)).toHaveLength(first.length);
    // The problem is closed: the risk is gone.
    await t.database.query(`UPDATE problems SET state = 'closed' WHERE id = $1`, [p.id]);
    await scan();
    const after = await warningsOf(p.id);
    expect(after.every((w) => w.state === 'resolved')).toBe(true);
  });

  it('answers what-if for a problem page', async () => {
    await setClock('2026-09-25T01:00:00Z');
    const p = await newProblem('假设测试', '2026-09-30');
    const res = await office.get(`/api/warnings/what-if?problemId=${p.id}&date=2026-10-20`);
    expect(res.statusCode).toBe(200);
    const names = res.json().items.map((i: { name: string }) => i.name);
    expect(names).toContain('问题整改逾期超过10个工作日');
    const hit = res.json().items.find((i: { name: string }) => i.name === '问题整改逾期超过10个工作日');
    expect(hit.people.map((x: { who: string }) => x.who)).toEqual(expect.arrayContaining(['unit_principal']));
    const early = await office.get(`/api/warnings/what-if?problemId=${p.id}&date=2026-10-19`);
    expect(early.json().items.map((i: { name: string }) => i.name)).not.toContain('问题整改逾期超过10个工作日');
  });
});

describe('warning flow and scope', () => {
  it('is reviewed, issued to the unit, answered, resolved; units see only their own issued warnings', async () => {
    await setClock('2026-09-25T01:00:00Z');
    const p = await newProblem('流程测试问题', '2026-09-30');
    await setClock('2026-10-20T02:00:00Z');
    await scan();
    const w = (await warningsOf(p.id)).find((x) => x.situationName === '问题整改逾期超过10个工作日');
    if (!w) throw new Error('no warning');
    expect((await zhujian.get(`/api/warnings/${w.id}`)).statusCode).toBe(404); // not issued yet
    expect((await zhujian.post(`/api/warnings/${w.id}/events`, { type: 'issue', version: w.version })).statusCode).toBe(
      404,
    );
    const issued = await fire(office, w.id, { type: 'issue' });
    expect(issued.json()).toMatchObject({ state: 'issued' });
    expect((await zhujian.get(`/api/warnings/${w.id}`)).json().actions).toEqual(['answer']);
    expect((await yingji.get(`/api/warnings/${w.id}`)).statusCode).toBe(404);
    expect(
      (await yingji.get('/api/warnings?pageSize=200')).json().items.some((x: { id: string }) => x.id === w.id),
    ).toBe(false);
    const doc = await zhujian.get(`/api/warnings/${w.id}/documents/reminder.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await fire(zhujian, w.id, { type: 'answer' })).json().code).toBe('COMMENT_REQUIRED');
    const answered = await fire(zhujian, w.id, { type: 'answer', comment: '一周内完成整改，局长牵头' });
    expect(answered.json()).toMatchObject({ state: 'rectifying', answer: '一周内完成整改，局长牵头' });
    const resolved = await fire(office, w.id, { type: 'resolve', comment: '已整改到位' });
    expect(resolved.json()).toMatchObject({ state: 'resolved' });
    expect((await fire(office, w.id, { type: 'issue' })).statusCode).toBe(422);
    const types = resolved.json().events.map((e: { type: string }) => e.type);
    expect(types).toEqual(['created', 'issue', 'answer', 'resolve']);
  });

  it('needs a reason to dismiss, and escalates into a dispatched problem', async () => {
    await setClock('2026-09-25T01:00:00Z');
    const p = await newProblem('升级测试问题二', '2026-09-30');
    await setClock('2026-10-20T02:00:00Z');
    await scan();
    const [a, b] = await warningsOf(p.id);
    expect((await fire(office, a.id, { type: 'dismiss' })).json().code).toBe('COMMENT_REQUIRED');
    expect((await fire(office, a.id, { type: 'dismiss', comment: '客观原因，已报备' })).json().state).toBe('dismissed');
    if (b) {
      const esc = await fire(office, b.id, { type: 'escalate', target: 'problem', comment: '转交办督促整改' });
      expect(esc.json()).toMatchObject({ state: 'escalated', outcome: expect.stringMatching(/^已转为问题 WT/) });
      const created = (await office.get('/api/problems?source=warning&q=模拟问责&pageSize=5')).json();
      expect(created.total).toBeGreaterThan(0);
    }
    // A dismissed warning is not raised again by the next scan while its facts last.
    await scan();
    expect((await warningsOf(p.id)).filter((w) => w.situationId === a.situationId)).toHaveLength(1);
  });
});
