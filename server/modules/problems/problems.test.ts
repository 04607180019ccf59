import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, testAppForFile, unitByCode } from '../../test/harness.js';
import { multipartFile, readWorkbook, workbookOf, TINY_PNG } from '../../test/xlsx.js';

const t = testAppForFile();
const sys = t.client('sysadmin');
const office = t.client('office');
const zhujian = t.client('zhujian');
const head = t.client('zhujian.head');
const yingji = t.client('yingji');
const fu = t.client('fuxianzhang');
let zjjId: string;

beforeAll(async () => {
  // A fixed "today": Friday 25 September 2026, just before 国庆.
  await t.setClockAndSignIn('2026-09-25T01:00:00Z');
  zjjId = (await unitByCode(office, 'ZJJ')).id;
});

const fire = async (c: Client, id: string, body: Record<string, unknown>) => {
  const p = (await c.get(`/api/problems/${id}`)).json();
  return c.post(`/api/problems/${id}/events`, { version: p.version, ...body });
};
const newProblem = (extra: Record<string, unknown> = {}) =>
  office.post('/api/problems', {
    title: '住建工地扬尘防治不到位',
    description: '督导巡查发现三处工地未覆盖裸土',
    source: 'patrol',
    category: '生态环境',
    unitId: zjjId,
    measures: [{ content: '覆盖裸土并安装喷淋', deadlineType: 'working', days: 5 }],
    dispatch: true,
    ...extra,
  });
async function uploadEvidence(c: Client, id: string) {
  const body = await multipartFile(TINY_PNG, '整改照片.png');
  return c.request({ method: 'POST', url: `/api/problems/${id}/files`, payload: body.payload, headers: body.headers });
}

describe('the rectification journey', () => {
  it('dispatches with working-day deadlines counted across 国庆', async () => {
    const res = await newProblem();
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ state: 'dispatched', unitName: '县住建局', leaderName: expect.any(String) });
    // 5 working days after Fri 25 Sep 2026: 28, 29, 30 Sep, then 8, 9 Oct (1–7 Oct are holidays).
    expect(p.measures[0].deadline).toBe('2026-10-09');
    expect(p.deadline).toBe('2026-10-09');
    expect(p.actions).toEqual(['escalate']);
  });

  it('refuses a deadline in the past with the field named', async () => {
    const res = await newProblem({ measures: [{ content: 'x', deadlineType: 'date', deadline: '2026-09-01' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'PROBLEM_DEADLINE_PAST',
      message: '整改时限不能早于交办日期',
      field: 'measures.0.deadline',
    });
  });

  it('goes dispatch → receive → progress → request → unit approval → close, with copies to the leader', async () => {
    const p = (await newProblem({ title: '住建局危房改造资金拨付滞后' })).json();
    expect((await zhujian.get(`/api/problems/${p.id}`)).json().actions).toEqual(['receive']);
    expect((await fire(zhujian, p.id, { type: 'receive' })).json().state).toBe('rectifying');

    // 申请销号 is not offered while a measure is open: the same refusal answers the event (issue #20).
    expect((await zhujian.get(`/api/problems/${p.id}`)).json().actions).not.toContain('request_close');
    const early = await fire(zhujian, p.id, { type: 'request_close' });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('PROBLEM_MEASURES_OPEN');

    const measureId = p.measures[0].id;
    const progress = await fire(zhujian, p.id, {
      type: 'report_progress',
      measureId,
      progress: '已拨付80%',
      done: true,
    });
    expect(progress.statusCode).toBe(200);
    expect((await zhujian.get(`/api/problems/${p.id}`)).json().actions).toContain('request_close');
    const noEvidence = await fire(zhujian, p.id, { type: 'request_close' });
    expect(noEvidence.json().code).toBe('PROBLEM_EVIDENCE_REQUIRED');
    // A file uploaded in a dialog that was then cancelled is not the problem's evidence: not listed.
    const cancelled = (await uploadEvidence(zhujian, p.id)).json();
    const listed = async () =>
      (await zhujian.get(`/api/problems/${p.id}`)).json().files.map((f: { id: string }) => f.id);
    expect(await listed()).not.toContain(cancelled.id);
    const file = (await uploadEvidence(zhujian, p.id)).json();
    const requested = await fire(zhujian, p.id, { type: 'request_close', fileIds: [file.id] });
    expect(requested.json().files.map((f: { id: string }) => f.id)).toEqual([file.id]);
    expect(requested.json()).toMatchObject({ state: 'close_requested', closeStage: 'unit_head' });
    // The office cannot close before the unit head approves.
    expect((await fire(office, p.id, { type: 'close' })).statusCode).toBe(422);
    expect((await fire(head, p.id, { type: 'approve_close_request' })).json().closeStage).toBe('office');
    const closed = await fire(office, p.id, { type: 'close', comment: '复查到位' });
    expect(closed.json()).toMatchObject({ state: 'closed', color: null });
    const events = closed.json().events.map((e: { type: string }) => e.type);
    expect(events).toEqual([
      'dispatch',
      'receive',
      'report_progress',
      'request_close',
      'approve_close_request',
      'close',
    ]);

    const inbox = (await fu.get('/api/notifications?pageSize=100')).json().items as { title: string; body: string }[];
    const mine = inbox.filter((n) => n.body.includes('危房改造资金')).map((n) => n.title);
    expect(mine).toEqual(expect.arrayContaining(['【抄告】问题交办', '【抄告】问题报告进展', '【抄告】问题销号']));
  });

  it('returns a closure with a reason, and reopens a closed problem (反弹)', async () => {
    const p = (await newProblem({ title: '住建局物业投诉处置不及时' })).json();
    await fire(zhujian, p.id, { type: 'receive' });
    await fire(zhujian, p.id, { type: 'report_progress', measureId: p.measures[0].id, progress: '完成', done: true });
    await uploadEvidence(zhujian, p.id);
    await fire(head, p.id, { type: 'request_close' });
    expect((await fire(office, p.id, { type: 'reject_close' })).json().code).toBe('COMMENT_REQUIRED');
    const back = await fire(office, p.id, { type: 'reject_close', comment: '佐证材料不全' });
    expect(back.json()).toMatchObject({ state: 'rectifying', closeStage: null });
    await fire(head, p.id, { type: 'request_close' });
    await fire(office, p.id, { type: 'close' });
    const reopened = await fire(office, p.id, { type: 'reopen', comment: '回访发现问题反弹', deadline: '2026-10-30' });
    expect(reopened.json()).toMatchObject({ state: 'rectifying', reopenCount: 1, deadline: '2026-10-30' });
    expect(reopened.json().measures[0].done).toBe(false);
  });

  it('refuses illegal transitions (422), other people’s transitions (403) and stale versions (409)', async () => {
    const p = (await newProblem({ title: '非法流转测试' })).json();
    const twice = await fire(office, p.id, { type: 'dispatch' });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().message).toBe('问题当前状态为“已交办”，不能执行“交办”');
    expect((await fire(office, p.id, { type: 'receive' })).statusCode).toBe(403);
    expect((await fire(zhujian, p.id, { type: 'close' })).statusCode).toBe(422);
    const stale = await zhujian.post(`/api/problems/${p.id}/events`, { type: 'receive', version: p.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect((await fire(fu, p.id, { type: 'receive' })).statusCode).toBe(403);
  });

  it('accepts a late report and marks it late', async () => {
    const p = (await newProblem({ title: '迟报测试' })).json();
    await fire(zhujian, p.id, { type: 'receive' });
    await t.setClockAndSignIn('2026-10-20T02:00:00Z');
    const late = await fire(zhujian, p.id, {
      type: 'report_progress',
      measureId: p.measures[0].id,
      progress: '补报进展',
    });
    expect(late.statusCode).toBe(200);
    expect(late.json().events.at(-1)).toMatchObject({ type: 'report_progress', late: true });
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
  });
});

describe('scope', () => {
  it('keeps another unit’s problems away from a liaison in lists, search, detail, export and documents', async () => {
    const p = (await newProblem({ title: '独一无二的住建廉政问题' })).json();
    expect((await yingji.get(`/api/problems/${p.id}`)).statusCode).toBe(404);
    expect((await yingji.get(`/api/problems/${p.id}/documents/notice.docx`)).statusCode).toBe(404);
    expect((await yingji.get('/api/problems?q=独一无二')).json().total).toBe(0);
    const all = (await yingji.get('/api/problems?pageSize=500')).json().items as { unitName: string }[];
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((x) => x.unitName))).toEqual(new Set(['县应急管理局']));
    const ledger = await readWorkbook((await yingji.get('/api/problems/export.xlsx')).rawPayload);
    expect(ledger.整改台账.slice(2).every((r) => r[5] === '县应急管理局')).toBe(true);
    const inbox = (await yingji.get('/api/notifications?pageSize=200')).json().items as { body: string }[];
    expect(inbox.some((n) => n.body.includes('独一无二'))).toBe(false);
    expect((await zhujian.get('/api/problems?q=独一无二')).json().total).toBe(1);
    expect((await fu.get('/api/problems?q=独一无二')).json().total).toBe(1);
  });

  it('never shows drafts to units', async () => {
    const draft = (await newProblem({ title: '草稿问题', dispatch: false })).json();
    expect(draft.state).toBe('draft');
    expect((await zhujian.get(`/api/problems/${draft.id}`)).statusCode).toBe(404);
    const edited = await office.patch(`/api/problems/${draft.id}`, {
      version: draft.version,
      title: '草稿问题（修改）',
    });
    expect(edited.json().title).toBe('草稿问题（修改）');
    const stale = await office.patch(`/api/problems/${draft.id}`, { version: draft.version, title: '冲突' });
    expect(stale.statusCode).toBe(409);
  });
});

describe('ledger', () => {
  it('finds two-character Chinese words (廉政) and filters by state, colour, source and deadline', async () => {
    const res = (await office.get('/api/problems?q=廉政&pageSize=100')).json();
    expect(res.total).toBeGreaterThan(0);
    expect(
      res.items.every((p: { title: string; description: string }) => `${p.title}${p.description}`.includes('廉政')),
    ).toBe(true);
    const red = (await office.get('/api/problems?color=red&pageSize=5')).json();
    expect(red.items.every((p: { color: string }) => p.color === 'red')).toBe(true);
    const before = (await office.get('/api/problems?deadlineBefore=2026-10-01&state=rectifying')).json();
    expect(
      before.items.every(
        (p: { deadline: string; state: string }) => p.deadline <= '2026-10-01' && p.state === 'rectifying',
      ),
    ).toBe(true);
  });

  it('orders by attention: open problems first, the longest overdue and nearest deadlines before the rest', async () => {
    const all = (await office.get('/api/problems?sort=attention&pageSize=500')).json();
    const items = all.items as { state: string; deadline: string | null }[];
    expect(all.total).toBe(items.length);
    const firstClosed = items.findIndex((p) => p.state === 'closed');
    expect(firstClosed).toBeGreaterThan(0);
    expect(items.slice(firstClosed).every((p) => p.state === 'closed')).toBe(true);
    const open = items.slice(0, firstClosed);
    const deadlines = open.map((p) => p.deadline ?? '9999-12-31');
    expect(deadlines).toEqual([...deadlines].sort());
  });

  it('has a living demo ledger: ~300 problems in every state, source and colour', async () => {
    const stats = (await office.get('/api/problems/stats')).json().items as {
      state: string;
      color: string | null;
      count: number;
    }[];
    const total = stats.reduce((n, s) => n + s.count, 0);
    expect(total).toBeGreaterThanOrEqual(300);
    expect(new Set(stats.map((s) => s.state))).toEqual(
      new Set(['draft', 'dispatched', 'rectifying', 'close_requested', 'closed']),
    );
    expect(new Set(stats.map((s) => s.color))).toEqual(new Set(['blue', 'yellow', 'red', null]));
    for (const source of [
      'daily',
      'special',
      'patrol',
      'inspection',
      'audit',
      'complaint',
      'case',
      'warning',
      'inquiry',
    ]) {
      expect((await office.get(`/api/problems?source=${source}&pageSize=1`)).json().total, source).toBeGreaterThan(0);
    }
  });

  it('imports from xlsx all-or-nothing', async () => {
    const header = ['问题标题', '问题描述', '问题来源', '问题类别', '严重程度', '责任单位编码', '整改措施', '整改时限'];
    const before = (await office.get('/api/problems?state=draft&pageSize=1')).json().total;
    const bad = await workbookOf({
      问题清单: [
        header,
        ['好的一行', '', '审计', '财务', '一般', 'ZJJ', '整改', '10个工作日'],
        ['', '', '不存在的来源', '', '', 'NOPE', '', '明天'],
      ],
    });
    const upload = async (buf: Buffer) => {
      const body = await multipartFile(buf);
      return office.request({
        method: 'POST',
        url: '/api/problems/import',
        payload: body.payload,
        headers: body.headers,
      });
    };
    const res = await upload(bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().rows.map((r: { row: number; field: string }) => `${r.row}:${r.field}`)).toEqual(
      expect.arrayContaining(['3:问题标题', '3:问题来源', '3:责任单位编码', '3:整改措施', '3:整改时限']),
    );
    expect((await office.get('/api/problems?state=draft&pageSize=1')).json().total).toBe(before);
    const good = await workbookOf({
      问题清单: [
        header,
        ['导入问题一', '', '审计', '财务', '较重', 'ZJJ', '整改一；整改二', '2026-12-31'],
        ['导入问题二', '', '信访举报', '', '', 'YJJ', '整改', '15天'],
      ],
    });
    expect((await upload(good)).json().created).toBe(2);
    expect((await office.get('/api/problems?state=draft&pageSize=1')).json().total).toBe(before + 2);
  });

  it('generates documents (.docx) for one problem and a circular for several', async () => {
    const p = (await newProblem({ title: '文书测试问题' })).json();
    for (const kind of ['notice', 'reminder', 'interview']) {
      // 约谈建议书 is the office's internal proposal: the unit gets 404 (issue #13).
      const res = await (kind === 'interview' ? office : zhujian).get(`/api/problems/${p.id}/documents/${kind}.docx`);
      expect(res.statusCode, kind).toBe(200);
      expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    }
    const circular = await office.get(`/api/problems/documents/circular.docx?ids=${p.id}`);
    expect(circular.statusCode).toBe(200);
    expect(circular.headers['content-disposition']).toMatch(/docx/);
  });

  it('links similar problems into a common-problem group', async () => {
    const a = (await newProblem({ title: '共性问题甲' })).json();
    const b = (await newProblem({ title: '共性问题乙' })).json();
    const g = await office.post('/api/problem-groups', { title: '工地扬尘', problemIds: [a.id, b.id] });
    expect(g.statusCode).toBe(201);
    expect(g.json().problems).toHaveLength(2);
    expect((await zhujian.get(`/api/problems/${a.id}`)).json().commonGroupId).toBe(g.json().id);
  });

  it('lists common-problem groups a page at a time, and a unit only the groups holding its own problems', async () => {
    const a = (await newProblem({ title: '共性分页甲' })).json();
    const b = (await newProblem({ title: '共性分页乙' })).json();
    const g = (await office.post('/api/problem-groups', { title: '共性分页测试组', problemIds: [a.id, b.id] })).json();
    const q = `q=${encodeURIComponent('共性分页')}`;
    expect((await office.get(`/api/problem-groups?${q}`)).json()).toMatchObject({
      total: 1,
      items: [{ id: g.id, problemCount: 2 }],
    });
    expect((await zhujian.get(`/api/problem-groups?${q}`)).json().total).toBe(1);
    // Another unit does not learn that the group exists.
    expect((await yingji.get(`/api/problem-groups?${q}`)).json()).toEqual({ items: [], total: 0 });
    const file = await office.get(`/api/problem-groups/export.xlsx?${q}`);
    expect((await readWorkbook(file.rawPayload)).共性问题.map((r) => r[0])).toEqual(['共性问题', '共性分页测试组']);
    expect(
      (await readWorkbook((await yingji.get(`/api/problem-groups/export.xlsx?${q}`)).rawPayload)).共性问题,
    ).toHaveLength(1);
    const page = (await office.get('/api/problem-groups?pageSize=1&page=2')).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(2);
  });
});

describe('escalation with the clock moved forward', () => {
  it('colours blue near the deadline, red when overdue, proposes 通报 and lets the office confirm', async () => {
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
    const p = (await newProblem({ title: '升级测试问题' })).json(); // deadline 2026-10-09
    await fire(zhujian, p.id, { type: 'receive' });
    const run = async () => (await sys.post('/api/jobs/escalation/run')).json();

    await t.setClockAndSignIn('2026-10-08T01:00:00Z'); // 1 working day before the deadline
    expect((await run()).ok).toBe(true);
    expect((await office.get(`/api/problems/${p.id}`)).json().color).toBe('blue');

    await t.setClockAndSignIn('2026-10-12T01:00:00Z'); // overdue
    await run();
    let now = (await office.get(`/api/problems/${p.id}`)).json();
    expect(now).toMatchObject({ color: 'red', overdue: true, pendingEscalation: null });
    expect(
      (await zhujian.get('/api/notifications?pageSize=50')).json().items.map((n: { title: string }) => n.title),
    ).toContain('【红色预警】问题整改已逾期');

    await t.setClockAndSignIn('2026-10-19T01:00:00Z'); // 6 working days overdue ≥ 5: propose 通报
    await run();
    now = (await office.get(`/api/problems/${p.id}`)).json();
    expect(now).toMatchObject({ pendingEscalation: 1, escalationLevel: 0 });
    expect(now.events.at(-1)).toMatchObject({ type: 'escalation_proposed' });
    const again = await run(); // idempotent: same facts, no new events
    expect(again.result.proposed).toBe(0);
    // The office's message links to the ledger filtered to what awaits its confirmation; this problem is there.
    const proposedMessage = (await office.get('/api/notifications?pageSize=50'))
      .json()
      .items.find((n: { kind: string }) => n.kind === 'problem.escalation_proposed');
    expect(proposedMessage.link).toBe('/problems?pending=true');
    const awaiting = (await office.get('/api/problems?pending=true&pageSize=500')).json().items;
    expect(awaiting.map((x: { id: string }) => x.id)).toContain(p.id);
    expect(awaiting.every((x: { pendingEscalation: number | null }) => x.pendingEscalation !== null)).toBe(true);

    const confirmed = await fire(office, p.id, { type: 'escalate', level: 1, comment: '予以通报' });
    expect(confirmed.json()).toMatchObject({ escalationLevel: 1, pendingEscalation: null, listed: false });
    const listed = await fire(office, p.id, { type: 'escalate', level: 3, comment: '挂牌督办' });
    expect(listed.json()).toMatchObject({ escalationLevel: 3, listed: true });
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
  });

  it('applies a level automatically when the settings say so', async () => {
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
    const p = (await newProblem({ title: '自动升级测试问题' })).json();
    const settings = (await office.get('/api/settings/escalation')).json();
    expect((await office.patch('/api/settings/escalation', { ...settings, automatic: [1] })).statusCode).toBe(200);
    await t.setClockAndSignIn('2026-10-19T01:00:00Z');
    await sys.post('/api/jobs/escalation/run');
    const now = (await office.get(`/api/problems/${p.id}`)).json();
    expect(now).toMatchObject({ escalationLevel: 1, pendingEscalation: null, color: 'red' });
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
  });
});

describe('daily digest', () => {
  it('sends the liaison one message listing what is due, and nothing to someone with nothing due', async () => {
    await t.setClockAndSignIn('2026-10-08T01:00:00Z');
    const res = await sys.post('/api/jobs/daily-digest/run');
    expect(res.json().ok).toBe(true);
    const digests = (await zhujian.get('/api/notifications?pageSize=100'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'digest');
    expect(digests).toHaveLength(1);
    expect(digests[0].body).toMatch(/住建/);
    const bianban = await t.as('bianban');
    const none = (await bianban.get('/api/notifications?pageSize=100'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'digest');
    expect(none).toHaveLength(0);
    await t.setClockAndSignIn('2026-09-25T01:00:00Z');
  });
});
