import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, testAppForFile, unitByCode } from '../../test/harness.js';
import { readWorkbook } from '../../test/xlsx.js';

const t = testAppForFile();
const sys = t.client('sysadmin');
const office = t.client('office');
const zhujian = t.client('zhujian');
const yingji = t.client('yingji');
let zjjId: string;
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
  await t.setClockAndSignIn('2026-09-25T01:00:00Z');
  zjjId = (await unitByCode(office, 'ZJJ')).id;
});

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

  it('pages, filters, sorts and exports the catalogue on the server', async () => {
    const page = (await office.get('/api/situations?q=S0&sort=-code&pageSize=4&page=2')).json();
    expect(page.total).toBe(9);
    expect(page.items.map((s: { code: string }) => s.code)).toEqual([
      'S05-OVERDUE',
      'S04-PRIORITY',
      'S03-SAFETY',
      'S02-PROJECT',
    ]);
    expect((await office.get('/api/situations?q=SAFETY')).json().items).toHaveLength(1);
    expect((await office.get('/api/situations?active=false')).json().total).toBe(0);
    const file = await office.get('/api/situations/export.xlsx?q=SAFETY');
    expect(file.statusCode).toBe(200);
    const [header, row, ...rest] = (await readWorkbook(file.rawPayload)).情形目录;
    expect(header.slice(0, 3)).toEqual(['编码', '情形', '问责条例依据']);
    expect(row[0]).toBe('S03-SAFETY');
    expect(rest).toHaveLength(0);
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
    // A draft rule is previewed before it is saved, and checked the same way.
    const draft = await office.post('/api/situations/preview', { rule: { field: 'reopen_count', op: '>=', value: 1 } });
    expect(draft.json().total).toBeGreaterThan(0);
    expect(
      (await office.post('/api/situations/preview', { rule: { field: 'nope', op: '=', value: 1 } })).statusCode,
    ).toBe(422);
  });
});

describe('the scan', () => {
  it('fires “overdue by 10 working days” exactly on its boundary, across 国庆', async () => {
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
    const p = await newProblem('逾期边界测试', '2026-09-30');
    const s05 = await situationId('S05-OVERDUE');
    // Working days after 30 Sep: 8, 9, 10 (Saturday make-up), 12, 13, 14, 15, 16, 19 Oct = 9.
    await t.setClockAndSignIn('2026-10-19T02:00:00Z');
    await scan();
    expect((await warningsOf(p.id)).filter((w) => w.situationId === s05)).toHaveLength(0);
    await t.setClockAndSignIn('2026-10-20T02:00:00Z');
    await scan();
    const fired = (await warningsOf(p.id)).filter((w) => w.situationId === s05);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ state: 'pending_review', facts: { working_days_overdue: 10 } });
  });

  it('fires “no progress for 30 days” on day 30, not 29', async () => {
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
    const p = await newProblem('无进展边界测试', '2026-12-31');
    const s06 = await situationId('S06-STALLED');
    await t.setClockAndSignIn('2026-10-24T02:00:00Z'); // 29 days after dispatch
    await scan();
    expect((await warningsOf(p.id)).filter((w) => w.situationId === s06)).toHaveLength(0);
    await t.setClockAndSignIn('2026-10-25T02:00:00Z'); // 30 days
    await scan();
    expect((await warningsOf(p.id)).filter((w) => w.situationId === s06)).toHaveLength(1);
  });

  it('is idempotent and resolves a warning whose facts disappear', async () => {
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
    const p = await newProblem('幂等与化解测试', '2026-09-28');
    await t.setClockAndSignIn('2026-10-20T02:00:00Z');
    await scan();
    const first = await warningsOf(p.id);
    expect(first.length).toBeGreaterThan(0);
    const again = await scan();
    expect(again.result.skipped).toBeTruthy(); // nothing changed: nothing to re-evaluate
    expect(await warningsOf(p.id)).toHaveLength(first.length);
    // The problem is closed: the risk is gone.
    await t.database.query(`UPDATE problems SET state = 'closed', version = version + 1 WHERE id = $1`, [p.id]);
    const rescan = await scan(); // the same day: only the changed problem is evaluated again
    expect(rescan.result).toMatchObject({ mode: 'changed', changedProblems: 1 });
    expect(rescan.result.resolved).toBe(first.length);
    const after = await warningsOf(p.id);
    expect(after.every((w) => w.state === 'resolved')).toBe(true);
  });

  it('runs one scan at a time: a second scan started meanwhile waits and finds nothing left to do', async () => {
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
    const p = await newProblem('并发扫描测试', '2026-09-28');
    await t.setClockAndSignIn('2026-10-21T02:00:00Z'); // a new day: a full scan
    const [a, b] = await Promise.all([scan(), scan()]);
    const modes = [a, b].map((r) => (r.result.skipped ? 'skipped' : r.result.mode)).sort();
    expect(modes).toEqual(['full', 'skipped']);
    const live = (await warningsOf(p.id)).filter((w) => w.state !== 'resolved');
    expect(new Set(live.map((w) => w.situationId)).size).toBe(live.length);
  });

  it('keeps the facts a warning was raised with, shows today’s, and cites them when issued', async () => {
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
    const p = await newProblem('事实时点测试', '2026-09-30');
    const s05 = await situationId('S05-OVERDUE');
    await t.setClockAndSignIn('2026-10-20T02:00:00Z');
    await scan();
    const [w] = (await warningsOf(p.id)).filter((x) => x.situationId === s05);
    await t.setClockAndSignIn('2026-10-21T02:00:00Z');
    // The next working day: every open problem is evaluated again, the warning is not rewritten.
    expect((await scan()).result.mode).toBe('full');
    const detail = (await office.get(`/api/warnings/${w.id}`)).json();
    expect(detail.facts).toEqual({ working_days_overdue: 10 });
    expect(detail.currentFacts).toEqual({ working_days_overdue: 11 });
    expect((await fire(office, w.id, { type: 'issue' })).statusCode).toBe(200);
    expect((await office.get(`/api/warnings/${w.id}`)).json().facts).toEqual({ working_days_overdue: 11 });
  });

  it('answers what-if for a problem page', async () => {
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
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
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
    const p = await newProblem('流程测试问题', '2026-09-30');
    await t.setClockAndSignIn('2026-10-20T02:00:00Z');
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
    const ledger = await readWorkbook((await yingji.get('/api/warnings/export.xlsx')).rawPayload);
    expect(ledger.模拟问责单.slice(1).every((r) => r[5] === '县应急管理局')).toBe(true);
    const found = (await office.get(`/api/warnings?q=${encodeURIComponent('流程测试')}&sort=deadline`)).json();
    expect(found.total).toBeGreaterThan(0);
    expect(found.items.every((x: { problemTitle: string }) => x.problemTitle.includes('流程测试'))).toBe(true);
    expect((await zhujian.get(`/api/warnings?problemId=${p.id}`)).json().items[0]).toMatchObject({
      unitName: '县住建局',
      problemTitle: '流程测试问题',
    });
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
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
    const p = await newProblem('升级测试问题二', '2026-09-30');
    await t.setClockAndSignIn('2026-10-20T02:00:00Z');
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

describe('each shipped rule on its boundary (what-if, no writes)', () => {
  /** A dispatched problem of 县住建局 written straight to the database with the facts under test. */
  async function problem(fields: Record<string, unknown>, measureDeadline = '2026-12-31') {
    const region = (await t.database.query<{ id: string }>("SELECT id FROM regions WHERE code = 'DEMO'")).rows[0].id;
    const cols = {
      region_id: region,
      code: `B-${Math.random().toString(36).slice(2, 10)}`,
      title: '边界测试',
      source: 'daily',
      unit_id: zjjId,
      state: 'rectifying',
      deadline: '2026-12-31',
      category: '其他',
      dispatched_at: '2026-09-25T01:00:00Z',
      ...fields,
    };
    const keys = Object.keys(cols);
    const { rows } = await t.database.query<{ id: string }>(
      `INSERT INTO problems (${keys.join(', ')}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(cols),
    );
    const id = rows[0].id;
    await t.database.query(
      "INSERT INTO problem_measures (problem_id, seq, content, deadline_type, deadline) VALUES ($1, 1, '整改', 'date', $2)",
      [id, measureDeadline],
    );
    return id;
  }
  const fires = async (id: string, date: string, name: string) =>
    ((await office.get(`/api/warnings/what-if?problemId=${id}&date=${date}`)).json().items as { name: string }[]).some(
      (i) => i.name === name,
    );

  it('S01 营商环境职能交叉: one unit no, two units yes', async () => {
    const name = '优化营商环境等工作因职能交叉可能影响推进';
    const one = await problem({ category: '营商环境' });
    const two = await problem({ category: '营商环境', co_unit_ids: `{${zjjId}}` });
    expect(await fires(one, '2026-10-09', name)).toBe(false);
    expect(await fires(two, '2026-10-09', name)).toBe(true);
  });

  it('S02 重点项目: a measure due today no, overdue by one day yes', async () => {
    const name = '重点项目因配合不紧密可能影响落地';
    const id = await problem({ category: '项目推进' }, '2026-10-12');
    expect(await fires(id, '2026-10-12', name)).toBe(false);
    expect(await fires(id, '2026-10-13', name)).toBe(true);
  });

  it('S03 安全隐患: still inside 国庆 no (0 working days overdue), first working day after yes', async () => {
    const name = '安全生产、食品药品安全隐患未按期整治';
    const id = await problem({ category: '安全生产', deadline: '2026-09-30' }, '2026-09-30');
    expect(await fires(id, '2026-10-07', name)).toBe(false);
    expect(await fires(id, '2026-10-08', name)).toBe(true);
  });

  it('S04 重点工作推诿: 9 working days without progress no, 10 yes', async () => {
    const name = '县委重点工作因推诿扯皮可能影响进度';
    // Last progress Fri 25 Sep; working days after: 28, 29, 30 Sep, 8, 9, 10(Sat), 12, 13, 14 Oct = 9.
    const id = await problem({ urgent: true, last_progress_at: '2026-09-25T02:00:00Z' });
    expect(await fires(id, '2026-10-14', name)).toBe(false);
    expect(await fires(id, '2026-10-15', name)).toBe(true);
  });

  it('S07 未明确牵头单位: lead agreed no, not agreed yes', async () => {
    const name = '涉及多个单位且未明确牵头单位';
    const agreed = await problem({ co_unit_ids: `{${zjjId}}`, lead_unit_confirmed: true });
    const open = await problem({ co_unit_ids: `{${zjjId}}`, lead_unit_confirmed: false });
    expect(await fires(agreed, '2026-10-09', name)).toBe(false);
    expect(await fires(open, '2026-10-09', name)).toBe(true);
  });

  it('S08 反弹: never reopened no, reopened once yes', async () => {
    const name = '问题销号后反弹';
    expect(await fires(await problem({ reopen_count: 0 }), '2026-10-09', name)).toBe(false);
    expect(await fires(await problem({ reopen_count: 1 }), '2026-10-09', name)).toBe(true);
  });

  it('S09 照抄照搬: different reports no, the same report twice yes', async () => {
    const name = '整改进展报告照抄照搬（形式主义）';
    const report = async (id: string, text: string, at: string) =>
      t.database.query(
        "INSERT INTO problem_events (problem_id, type, actor_name, at, payload) VALUES ($1, 'report_progress', '测试', $2, $3)",
        [id, at, JSON.stringify({ progress: text })],
      );
    const differ = await problem({});
    await report(differ, '已完成现场排查，制定整改台账', '2026-10-08T02:00:00Z');
    await report(differ, '整改资金已落实，施工单位进场', '2026-10-15T02:00:00Z');
    const copied = await problem({});
    await report(copied, '按照整改方案稳步推进，已完成阶段性任务', '2026-10-08T02:00:00Z');
    await report(copied, '按照整改方案稳步推进，已完成阶段性任务', '2026-10-15T02:00:00Z');
    expect(await fires(differ, '2026-10-16', name)).toBe(false);
    expect(await fires(copied, '2026-10-16', name)).toBe(true);
  });
});

describe('figures', () => {
  it('counts scans, warnings by situation, unit, month and state, rectified problems and cadres named', async () => {
    await scan();
    const f = (await office.get('/api/warnings/figures')).json();
    expect(f.scans).toBeGreaterThanOrEqual(1);
    expect(f.bySituation.length).toBeGreaterThanOrEqual(9);
    expect(f.byState.map((s: { state: string }) => s.state)).toEqual(
      expect.arrayContaining(['pending_review', 'issued', 'rectifying', 'resolved', 'dismissed', 'escalated']),
    );
    expect(f.byUnit.length).toBeGreaterThan(0);
    expect(f.byMonth.length).toBeGreaterThan(0);
    expect(f.cadres).toBeGreaterThan(0);
    expect(typeof f.rectified).toBe('number');
    expect((await zhujian.get('/api/warnings/figures')).statusCode).toBe(403);
  });
});
