import { and, eq, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../platform/calendar/calendar.service.js';
import { calendarDays } from '../../platform/db/platform.tables.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { TINY_PNG, multipartFile, readWorkbook, workbookOf } from '../../test/xlsx.js';
import { cases } from '../cases/cases.tables.js';
import { people, units } from '../org/org.tables.js';
import { patrolFindings } from '../patrol/patrol.tables.js';
import { problems } from '../problems/problems.tables.js';
import { warnings } from '../warnings/warnings.tables.js';
import { responsibilityDigest } from './responsibility.digest.js';
import { responsibilityFulfilmentByUnit } from './responsibility.service.js';
import { dispatchItems, dispatches } from './responsibility.tables.js';

let t: TestApp;
let office: Client;
let leader: Client;
let fu: Client;
let zhujian: Client;
let head: Client;
let paizhu1: Client;
let zuzhibu: Client;
let group1: Client;

beforeAll(async () => {
  t = await createTestApp();
  [office, leader, fu, zhujian, head, paizhu1, zuzhibu, group1] = await Promise.all(
    ['office', 'leader', 'fuxianzhang', 'zhujian', 'zhujian.head', 'paizhu1', 'zuzhibu', 'group1'].map((u) => t.as(u)),
  );
});
afterAll(() => t.close());

const db = () => t.database.db;
const unit = async (code: string) => (await db().select().from(units).where(eq(units.code, code)))[0];
const today = () => isoDate(t.clock.now());
const year = () => Number(today().slice(0, 4));
const fire = async (c: Client, id: string, type: string, extra: Record<string, unknown> = {}) => {
  const d = (await c.get(`/api/dispatches/${id}`)).json();
  return c.post(`/api/dispatches/${id}/events`, { type, version: d.version, ...extra });
};

describe('catalogue', () => {
  it('lists, creates, patches with a version, exports and imports all or nothing', async () => {
    const list = await office.get('/api/responsibility-items?subjectKind=member&pageSize=100');
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
    expect(list.json().items.every((i: { subjectKind: string }) => i.subjectKind === 'member')).toBe(true);
    const created = await office.post('/api/responsibility-items', {
      subjectKind: 'principal',
      category: '党建',
      content: '每季度讲一次党课',
      target: '每季度至少1次',
      frequency: 'quarterly',
    });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item).toMatchObject({ subjectKindLabel: '一把手', frequencyLabel: '每季度', actions: ['update'] });
    const patched = await office.patch(`/api/responsibility-items/${item.id}`, {
      version: item.version,
      target: '每季度2次',
    });
    expect(patched.json()).toMatchObject({ target: '每季度2次', version: item.version + 1 });
    expect(
      (await office.patch(`/api/responsibility-items/${item.id}`, { version: item.version, target: 'x' })).statusCode,
    ).toBe(409);
    expect((await fu.post('/api/responsibility-items', { ...item, id: undefined })).statusCode).toBe(403);
    expect((await fu.get('/api/responsibility-items')).json().items[0].actions).toEqual([]);

    const xlsx = await office.get('/api/responsibility-items/export.xlsx?subjectKind=principal');
    const sheet = (await readWorkbook(xlsx.rawPayload)).主体责任事项目录;
    expect(sheet[0]).toEqual(['责任主体', '责任类别', '责任内容', '量化指标', '佐证材料', '频次']);
    expect(sheet.some((r) => r[2] === '每季度讲一次党课')).toBe(true);

    const header = ['责任主体', '责任类别', '责任内容', '量化指标', '佐证材料', '频次'];
    const upload = async (rows: string[][]) => {
      const body = await multipartFile(await workbookOf({ 主体责任事项目录: [header, ...rows] }));
      return office.request({ method: 'POST', url: '/api/responsibility-items/import', ...body });
    };
    const before = (await office.get('/api/responsibility-items?pageSize=1')).json().total;
    const bad = await upload([
      ['委员', '党建', '参加支部活动', '每季度1次', '活动记录', '每季度'],
      ['主任', '党建', '', '', '', '每周'],
    ]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('IMPORT_INVALID');
    expect(bad.json().rows.map((r: { row: number; field: string }) => `${r.row}:${r.field}`)).toEqual([
      '3:责任主体',
      '3:责任内容',
      '3:频次',
    ]);
    expect((await office.get('/api/responsibility-items?pageSize=1')).json().total).toBe(before);
    const good = await upload([['委员', '党建', '参加支部活动', '每季度1次', '活动记录', '每季度']]);
    expect(good.json()).toEqual({ created: 1 });
    expect((await office.get('/api/responsibility-items?pageSize=1')).json().total).toBe(before + 1);
  });
});

describe('dispatch', () => {
  it('generates the quarter for every county leader in one action, once', async () => {
    // The demo county has lists up to this quarter: generate next year's first quarter.
    const y = year() + 1;
    const leaders = await db()
      .selectDistinct({ id: units.leaderInChargePersonId })
      .from(units)
      .innerJoin(people, eq(people.id, units.leaderInChargePersonId))
      .where(and(isNotNull(units.leaderInChargePersonId), isNull(units.deletedAt), isNull(people.deletedAt)));
    const catalogue = (await office.get('/api/responsibility-items?subjectKind=member&active=true&pageSize=1000'))
      .json()
      .items.filter((i: { frequency: string }) => ['quarterly', 'monthly'].includes(i.frequency)).length;
    const r = await office.post('/api/dispatches/generate', { year: y, quarter: 1, deadline: { workingDays: 10 } });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ dispatches: leaders.length, items: leaders.length * catalogue });
    expect((await office.post('/api/dispatches/generate', { year: y, quarter: 1 })).json()).toEqual({
      dispatches: 0,
      items: 0,
    });
    const mine = (await fu.get(`/api/dispatches?year=${y}&quarter=1&mine=true`)).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0]).toMatchObject({ kind: 'quarterly', state: 'issued', itemCount: catalogue });
    const d = (await fu.get(`/api/dispatches/${mine.items[0].id}`)).json();
    expect(d.items[0].deadline).toBe(await addWorkingDays(db(), today(), 10));
    expect(d.items[0].deadlineRule).toBe('10个工作日');
    expect((await fu.post('/api/dispatches/generate', { year: y, quarter: 2 })).statusCode).toBe(403);
    expect(
      (await office.post('/api/dispatches/generate', { year: y, quarter: 1, subjectKind: 'secretary' })).statusCode,
    ).toBe(422);
  });

  it('dispatches to a unit with working-day deadlines; the unit fulfils late, with evidence; scope holds', async () => {
    const zjj = await unit('ZJJ');
    const created = await office.post('/api/dispatches', {
      kind: 'rectification',
      year: year(),
      recipientKind: 'leadership',
      unitId: zjj.id,
      items: [
        { content: '整改工程招投标监管问题', target: '30日内完成', deadline: { workingDays: 5 } },
        { content: '过期事项', deadline: { date: '2020-01-10' } },
      ],
    });
    expect(created.statusCode).toBe(201);
    const d = created.json();
    expect(d).toMatchObject({
      state: 'draft',
      recipientName: '县住建局领导班子',
      actions: expect.arrayContaining(['issue']),
    });
    // Counted here from the calendar table: days after today that are working days (weekdays not declared
    // holidays, or declared make-up workdays); the deadline is the fifth.
    const due = d.items[0].deadline;
    const marks = new Map((await db().select().from(calendarDays)).map((c) => [c.date, c.kind]));
    let n = 0;
    let day = today();
    while (n < 5) {
      day = new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
      const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
      if (marks.get(day) === 'workday' || (marks.get(day) !== 'holiday' && dow !== 0 && dow !== 6)) n++;
    }
    expect(due).toBe(day);
    // Drafts are not out yet: the unit may not fulfil; only the office issues.
    expect((await fire(zhujian, d.id, 'issue')).statusCode).toBe(403);
    expect((await fire(office, d.id, 'issue')).json().state).toBe('issued');
    expect((await fire(office, d.id, 'issue')).statusCode).toBe(422);
    expect((await fire(zhujian, d.id, 'receive')).json().state).toBe('received');
    const overdueIds = async (v: string) =>
      (await office.get(`/api/dispatches?unitId=${zjj.id}&overdue=${v}&pageSize=100`))
        .json()
        .items.map((x: { id: string }) => x.id);
    expect(await overdueIds('true')).toContain(d.id);
    expect(await overdueIds('false')).not.toContain(d.id);
    const late = await zhujian.post(`/api/dispatches/${d.id}/items/${d.items[1].id}/fulfilment`, {
      doneOn: today(),
      description: '已完成整改并建立台账',
    });
    expect(late.statusCode).toBe(201);
    const item = late.json().items[1];
    expect(item).toMatchObject({ fulfilledOn: today(), late: true, overdue: false });
    expect(item.fulfilments[0]).toMatchObject({ late: true, description: '已完成整改并建立台账' });
    expect(await overdueIds('true')).not.toContain(d.id);
    const body = await multipartFile(TINY_PNG, '台账照片.png');
    const up = await zhujian.request({
      method: 'POST',
      url: `/api/dispatches/${d.id}/fulfilments/${item.fulfilments[0].id}/files`,
      ...body,
    });
    expect(up.statusCode).toBe(201);
    const file = await head.get(`/api/dispatches/${d.id}/files/${up.json().id}`);
    expect(file.rawPayload.equals(TINY_PNG)).toBe(true);
    // 县住建局 is in fuxianzhang's charge: he reads it, but does not fulfil the unit's list.
    expect((await fu.get(`/api/dispatches/${d.id}`)).json().actions).toEqual([]);
    expect(
      (
        await fu.post(`/api/dispatches/${d.id}/items/${d.items[0].id}/fulfilment`, {
          doneOn: today(),
          description: 'x',
        })
      ).statusCode,
    ).toBe(403);
    expect((await zuzhibu.get(`/api/dispatches/${d.id}`)).statusCode).toBe(200);
    // 派驻第一组 oversees 住建局; a patrol group has no 明责 permission.
    expect((await paizhu1.get(`/api/dispatches/${d.id}`)).statusCode).toBe(200);
    expect((await group1.get('/api/dispatches')).statusCode).toBe(403);
    // A county leader's own list is not the unit's business.
    const fuList = (await fu.get('/api/dispatches?mine=true&pageSize=1')).json().items[0];
    expect((await zhujian.get(`/api/dispatches/${fuList.id}`)).statusCode).toBe(404);
    expect((await fire(office, d.id, 'close')).json().state).toBe('closed');
    expect(
      (
        await zhujian.post(`/api/dispatches/${d.id}/items/${d.items[0].id}/fulfilment`, {
          doneOn: today(),
          description: 'x',
        })
      ).statusCode,
    ).toBe(422);
  });

  it('creates a 增派单 from each kind of source, with its back-link', async () => {
    const [p] = await db()
      .select()
      .from(problems)
      .where(and(ne(problems.state, 'draft'), isNotNull(problems.leaderPersonId)))
      .limit(1);
    const [f] = await db().select().from(patrolFindings).limit(1);
    const [w] = await db().select().from(warnings).limit(1);
    const [c] = await db().select().from(cases).limit(1);
    const sources: [Client, string, string][] = [
      [office, 'problem', p.id],
      [office, 'finding', f.id],
      [office, 'warning', w.id],
      [leader, 'case', c.id],
    ];
    for (const [who, sourceType, sourceId] of sources) {
      const pre = await who.get(`/api/dispatches/source?sourceType=${sourceType}&sourceId=${sourceId}`);
      expect(pre.statusCode, sourceType).toBe(200);
      const s = pre.json();
      const created = await who.post('/api/dispatches', {
        kind: 'extra',
        year: year(),
        recipientKind: s.leaderPersonId ? 'leader' : 'leadership',
        recipientPersonId: s.leaderPersonId,
        unitId: s.leaderPersonId ? null : (s.unitId ?? (await unit('ZJJ')).id),
        sourceType,
        sourceId,
        items: [{ content: s.content, deadline: { workingDays: 10 } }],
      });
      expect(created.statusCode, sourceType).toBe(201);
      expect(created.json()).toMatchObject({ kind: 'extra', sourceType, sourceId });
      const back = (await who.get(`/api/dispatches?sourceType=${sourceType}&sourceId=${sourceId}`)).json();
      expect(back.items.map((x: { id: string }) => x.id)).toContain(created.json().id);
    }
    // No source the caller cannot read: the same 422 as a missing one.
    const hidden = await office.post('/api/dispatches', {
      kind: 'extra',
      year: year(),
      recipientKind: 'leadership',
      unitId: (await unit('ZJJ')).id,
      sourceType: 'case',
      sourceId: c.id,
      items: [{ content: '以案促改', deadline: { workingDays: 10 } }],
    });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().code).toBe('SOURCE_NOT_FOUND');
    const noSource = await office.post('/api/dispatches', {
      kind: 'extra',
      year: year(),
      recipientKind: 'leadership',
      unitId: (await unit('ZJJ')).id,
      items: [{ content: 'x', deadline: { workingDays: 10 } }],
    });
    expect(noSource.json().code).toBe('SOURCE_REQUIRED');
  });
});

describe('daily digest', () => {
  it('lists a recipient’s lists with items overdue or due within three working days, once each, until fulfilled', async () => {
    const zjj = await unit('ZJJ');
    const created = await office.post('/api/dispatches', {
      kind: 'rectification',
      year: year(),
      recipientKind: 'leadership',
      unitId: zjj.id,
      title: '摘要提醒测试派单',
      items: [
        { content: '临期事项', deadline: { workingDays: 1 } },
        { content: '远期事项', deadline: { workingDays: 30 } },
        { content: '已逾期事项', deadline: { date: '2020-01-10' } },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const d = created.json();
    const userIdOf = async (username: string) =>
      (await db().execute(sql`SELECT id, person_id FROM users WHERE username = ${username}`)).rows[0] as {
        id: string;
        person_id: string | null;
      };
    const digestOf = async (username: string) => {
      const u = await userIdOf(username);
      const ctx = { db: db(), actor: null, ip: null, clock: t.clock, now: t.clock.now() };
      return (await responsibilityDigest(ctx, { userId: u.id, personId: u.person_id })).filter(
        (i) => i.link === `/responsibility/dispatches/${d.id}`,
      );
    };
    expect(await digestOf('zhujian')).toEqual([]); // a draft reminds nobody
    expect((await fire(office, d.id, 'issue')).statusCode).toBe(200);
    const [line] = await digestOf('zhujian');
    expect(line).toMatchObject({ title: `${d.code}「摘要提醒测试派单」`, due: '2020-01-10' });
    expect(line.detail).toBe('1项责任事项已逾期，1项临近完成时限，请尽快履责并记录履责纪实');
    expect(await digestOf('zhujian.head')).toHaveLength(1);
    expect(await digestOf('yingji')).toEqual([]); // another unit
    expect(await digestOf('fuxianzhang')).toEqual([]); // not a county leader's own list
    // Fulfilled items drop out; with nothing due the list is not listed at all.
    const items = (await zhujian.get(`/api/dispatches/${d.id}`)).json().items as { id: string; content: string }[];
    for (const i of items.filter((x) => x.content !== '远期事项')) {
      const res = await zhujian.post(`/api/dispatches/${d.id}/items/${i.id}/fulfilment`, {
        doneOn: today(),
        description: '已落实',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(await digestOf('zhujian')).toEqual([]);
  });
});

describe('quarterly report', () => {
  it('is assembled from the quarter’s items and evidence; the unit head approves or returns it', async () => {
    const zjj = await unit('ZJJ');
    const q = Math.floor((Number(today().slice(5, 7)) - 1) / 3) + 1;
    const [list] = (
      await zhujian.get(`/api/dispatches?year=${year()}&quarter=${q}&unitId=${zjj.id}&kind=quarterly`)
    ).json().items;
    const d = (await zhujian.get(`/api/dispatches/${list.id}`)).json();
    const open = d.items.find((i: { fulfilledOn: string | null }) => !i.fulfilledOn);
    const rec = await zhujian.post(`/api/dispatches/${d.id}/items/${open.id}/fulfilment`, {
      doneOn: today(),
      description: '召开专题会议研究部署',
    });
    const fulfilmentId = rec.json().items.find((i: { id: string }) => i.id === open.id).fulfilments[0].id;
    const body = await multipartFile(TINY_PNG, '会议纪要.png');
    await zhujian.request({
      method: 'POST',
      url: `/api/dispatches/${d.id}/fulfilments/${fulfilmentId}/files`,
      ...body,
    });

    const created = await zhujian.post('/api/responsibility-reports', {
      year: year(),
      quarter: q,
      recipientKind: 'leadership',
      unitId: zjj.id,
    });
    expect(created.statusCode).toBe(201);
    const r = created.json();
    const line = r.items.find((i: { content: string }) => i.content === open.content);
    expect(line.records).toEqual([
      { doneOn: today(), recordedAt: expect.any(String), description: '召开专题会议研究部署', files: ['会议纪要.png'] },
    ]);
    // Independent count of the quarter's items of the unit's issued lists.
    const [{ n }] = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(dispatchItems)
      .innerJoin(dispatches, eq(dispatches.id, dispatchItems.dispatchId))
      .where(
        and(
          eq(dispatches.unitId, zjj.id),
          eq(dispatches.year, year()),
          ne(dispatches.state, 'draft'),
          isNull(dispatches.deletedAt),
          sql`(${dispatches.quarter} = ${q} OR (${dispatches.quarter} IS NULL AND ${dispatchItems.deadline} BETWEEN ${`${year()}-${String(q * 3 - 2).padStart(2, '0')}-01`} AND ${`${year()}-12-31`}::date AND extract(quarter FROM ${dispatchItems.deadline}) = ${q}))`,
        ),
      );
    expect(r.totals.items).toBe(Number(n));
    expect(
      (
        await zhujian.post('/api/responsibility-reports', {
          year: year(),
          quarter: q,
          recipientKind: 'leadership',
          unitId: zjj.id,
        })
      ).statusCode,
    ).toBe(422);
    expect(r.actions).toEqual(expect.arrayContaining(['submit']));
    const submit = await zhujian.post(`/api/responsibility-reports/${r.id}/events`, {
      type: 'submit',
      version: r.version,
    });
    expect(submit.json().state).toBe('submitted');
    const s = submit.json();
    expect(
      (await zhujian.post(`/api/responsibility-reports/${r.id}/events`, { type: 'approve', version: s.version }))
        .statusCode,
    ).toBe(403);
    expect(
      (await fu.post(`/api/responsibility-reports/${r.id}/events`, { type: 'approve', version: s.version })).statusCode,
    ).toBe(403);
    const ret = await head.post(`/api/responsibility-reports/${r.id}/events`, {
      type: 'return',
      version: s.version,
      comment: '佐证不全',
    });
    expect(ret.json().state).toBe('returned');
    const again = await zhujian.post(`/api/responsibility-reports/${r.id}/events`, {
      type: 'submit',
      version: ret.json().version,
    });
    const ok = await head.post(`/api/responsibility-reports/${r.id}/events`, {
      type: 'approve',
      version: again.json().version,
    });
    expect(ok.json()).toMatchObject({ state: 'approved', stateLabel: '已审核' });
    expect(ok.json().events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'submit',
      'return',
      'submit',
      'approve',
    ]);
    // A county leader's own report goes to the office.
    const mineQ = (await fu.get(`/api/responsibility-reports?year=${year()}&quarter=${q}`))
      .json()
      .items.find((x: { recipientKind: string }) => x.recipientKind === 'leader');
    if (!mineQ) {
      const own = await fu.post('/api/responsibility-reports', { year: year(), quarter: q, recipientKind: 'leader' });
      expect(own.statusCode).toBe(201);
      const sub = await fu.post(`/api/responsibility-reports/${own.json().id}/events`, {
        type: 'submit',
        version: own.json().version,
      });
      expect(sub.json().state).toBe('submitted');
      const appr = await office.post(`/api/responsibility-reports/${own.json().id}/events`, {
        type: 'approve',
        version: sub.json().version,
      });
      expect(appr.json().state).toBe('approved');
    }
  });

  it('exports the list with its filters and the reader’s scope (GET /api/responsibility-reports/export.xlsx)', async () => {
    const q = Math.floor((Number(today().slice(5, 7)) - 1) / 3) + 1;
    const filter = `year=${year()}&quarter=${q}`;
    const rowsOf = async (c: Client, query: string) => {
      const res = await c.get(`/api/responsibility-reports/export.xlsx?${query}`);
      expect(res.statusCode).toBe(200);
      return (await readWorkbook(res.rawPayload)).季度履责报告;
    };
    const [header, ...rows] = await rowsOf(office, filter);
    expect(header).toEqual(['期间', '报告对象类别', '报告对象', '状态', '提交时间', '审核时间', '履责情况摘要']);
    const listed = (await office.get(`/api/responsibility-reports?${filter}&pageSize=200`)).json();
    expect(listed.total).toBeGreaterThan(0);
    expect(rows.map((r) => [r[0], r[2], r[3]])).toEqual(
      listed.items.map((x: { periodLabel: string; recipientName: string; stateLabel: string }) => [
        x.periodLabel,
        x.recipientName,
        x.stateLabel,
      ]),
    );
    expect(rows.find((r) => r[3] === '已审核')?.[5]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // A unit reads only its own reports, the export as the list.
    const own = (await zhujian.get(`/api/responsibility-reports?${filter}`)).json();
    expect((await rowsOf(zhujian, filter)).length - 1).toBe(own.total);
    expect(await rowsOf(office, 'year=2001&quarter=1')).toEqual([header]);
  });
});

describe('figures', () => {
  it('equal counts made independently, for the region and per unit', async () => {
    const y = year();
    const f = (await office.get(`/api/responsibility/figures?year=${y}`)).json();
    const issued = and(eq(dispatches.year, y), ne(dispatches.state, 'draft'), isNull(dispatches.deletedAt));
    const lists = await db().select().from(dispatches).where(issued);
    const items = await db()
      .select({ i: dispatchItems, kind: dispatches.kind, unitId: dispatches.unitId })
      .from(dispatchItems)
      .innerJoin(dispatches, eq(dispatches.id, dispatchItems.dispatchId))
      .where(issued);
    expect(f.total).toEqual({ lists: lists.length, items: items.length });
    expect(f.extra).toEqual({
      lists: lists.filter((d) => d.kind === 'extra').length,
      items: items.filter((x) => x.kind === 'extra').length,
    });
    const leaderQuarterly = f.byKind.find(
      (r: { kind: string; recipientKind: string }) => r.kind === 'quarterly' && r.recipientKind === 'leader',
    );
    expect(leaderQuarterly.lists).toBe(
      lists.filter((d) => d.kind === 'quarterly' && d.recipientKind === 'leader').length,
    );
    expect(f.itemsFulfilled).toBe(items.filter((x) => x.i.fulfilledOn).length);
    expect(f.itemsOnTime).toBe(items.filter((x) => x.i.fulfilledOn && x.i.fulfilledOn <= x.i.deadline).length);
    expect(f.itemsFulfilled).toBeGreaterThan(f.itemsOnTime);
    expect(f.fulfilmentRate).toBe(Math.round((f.itemsFulfilled / f.itemsDue) * 1000) / 10);
    // Scoped: the unit sees only its own lists' figures.
    const z = (await zhujian.get(`/api/responsibility/figures?year=${y}`)).json();
    const zjj = await unit('ZJJ');
    expect(z.total.lists).toBe(lists.filter((d) => d.unitId === zjj.id).length);

    const byUnit = await responsibilityFulfilmentByUnit(db(), zjj.regionId, y);
    const row = byUnit.find((r) => r.unitId === zjj.id);
    const mine = items.filter((x) => x.unitId === zjj.id);
    expect(row).toEqual({
      unitId: zjj.id,
      itemsDue: mine.length,
      itemsFulfilled: mine.filter((x) => x.i.fulfilledOn).length,
      itemsOnTime: mine.filter((x) => x.i.fulfilledOn && x.i.fulfilledOn <= x.i.deadline).length,
    });
  });
});
