import crypto from 'node:crypto';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { readWorkbook } from '../../test/xlsx.js';
import { units } from '../org/org.tables.js';
import { problems } from '../problems/problems.tables.js';
import { isoDate } from '../../platform/calendar/working-days.js';
import { regions } from '../../platform/db/platform.tables.js';
import { spotCheckVerdicts } from './responsibility.spot-checks.tables.js';
import { dispatchItems, dispatches, fulfilments, responsibilityReports } from './responsibility.tables.js';

let t: TestApp;
let office: Client;
let leader: Client;
let zuzhibu: Client;
let zhujian: Client;
let head: Client;
let fu: Client;
let paizhu1: Client;
let group1: Client;

/** A period of its own: twelve units' reports (ten went up, two are drafts), each with two items. */
const YEAR = 2039;
const QUARTER = 2;
let drawable: string[] = [];
let zjjReport = '';

beforeAll(async () => {
  t = await createTestApp();
  [office, leader, zuzhibu, zhujian, head, fu, paizhu1, group1] = await Promise.all(
    ['office', 'leader', 'zuzhibu', 'zhujian', 'zhujian.head', 'fuxianzhang', 'paizhu1', 'group1'].map((u) => t.as(u)),
  );
  const db = t.database.db;
  const [{ id: regionId }] = await db.select().from(regions).where(eq(regions.code, 'DEMO'));
  const picked = await db
    .select()
    .from(units)
    .where(and(eq(units.regionId, regionId), isNull(units.deletedAt)))
    .orderBy(asc(units.code));
  const zjj = picked.find((u) => u.code === 'ZJJ');
  const chosen = [zjj, ...picked.filter((u) => u.code !== 'ZJJ').slice(0, 11)].filter((u) => !!u);
  for (const [k, u] of chosen.entries()) {
    const [d] = await db
      .insert(dispatches)
      .values({
        regionId,
        code: `PDT-${crypto.randomBytes(5).toString('hex')}`,
        kind: 'quarterly',
        year: YEAR,
        quarter: QUARTER,
        recipientKind: 'leadership',
        unitId: u.id,
        title: '抽查测试清单',
        state: 'received',
      })
      .returning();
    const items = await db
      .insert(dispatchItems)
      .values(
        [1, 2].map((n) => ({
          dispatchId: d.id,
          regionId,
          content: `抽查测试事项${k}-${n}`,
          deadline: `${YEAR}-06-30`,
          sortOrder: n,
        })),
      )
      .returning();
    await db
      .insert(fulfilments)
      .values({ dispatchItemId: items[0].id, dispatchId: d.id, doneOn: `${YEAR}-05-10`, description: '已落实' });
    const [r] = await db
      .insert(responsibilityReports)
      .values({
        regionId,
        year: YEAR,
        quarter: QUARTER,
        recipientKind: 'leadership',
        unitId: u.id,
        state: k === 0 ? 'approved' : k < 10 ? (k % 2 ? 'submitted' : 'approved') : 'draft',
      })
      .returning();
    if (k < 10) drawable.push(r.id);
    if (u.code === 'ZJJ') zjjReport = r.id;
  }
  drawable = drawable.sort();
}, 120_000);
afterAll(() => t.close());

const create = (c: Client, body: Record<string, unknown>) =>
  c.post('/api/spot-checks', { year: YEAR, quarter: QUARTER, ...body });

async function drawn(body: Record<string, unknown>) {
  const created = await create(office, body);
  expect(created.statusCode).toBe(201);
  const c = created.json();
  const res = await office.post(`/api/spot-checks/${c.id}/events`, { type: 'draw', version: c.version });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const reportIds = (c: { sample: { reportId: string }[] }) => c.sample.map((s) => s.reportId);
const md5 = (s: string) => crypto.createHash('md5').update(s).digest('hex');

describe('the draw', () => {
  it('is reproducible: the same seed draws the same reports in the same order, another seed others', async () => {
    const a = await drawn({ sampleSize: 4, seed: 'seed-2039' });
    const b = await drawn({ sampleSize: 4, seed: 'seed-2039' });
    const c = await drawn({ sampleSize: 4, seed: 'other-seed' });
    expect(a.populationSize).toBe(10);
    expect(reportIds(a)).toHaveLength(4);
    expect(reportIds(b)).toEqual(reportIds(a));
    expect(reportIds(c)).not.toEqual(reportIds(a));
    // Anyone can redo it: the reports that went up, ordered by md5(seed:id), the first four.
    const redo = [...drawable].sort((x, y) => (md5(`seed-2039:${x}`) < md5(`seed-2039:${y}`) ? -1 : 1)).slice(0, 4);
    expect(reportIds(a)).toEqual(redo);
    expect(a.sample.map((s: { seq: number }) => s.seq)).toEqual([1, 2, 3, 4]);
    // Drafts are never drawn.
    expect(reportIds(c).every((id: string) => drawable.includes(id))).toBe(true);
  });

  it('takes a share rounded up, and a blank seed is made up and kept', async () => {
    const c = await drawn({ samplePercent: 25 });
    expect(c.sampledReports).toBe(3);
    expect(c.seed).toMatch(/^[0-9a-f]{8}$/);
    expect(c.events.map((e: { type: string }) => e.type)).toEqual(['created', 'draw']);
    expect((await create(office, { sampleSize: 2, samplePercent: 10 })).statusCode).toBe(400);
    expect((await create(office, {})).statusCode).toBe(400);
    const empty = (await office.post('/api/spot-checks', { year: 2038, quarter: 1, sampleSize: 3 })).json();
    const refused = await office.post(`/api/spot-checks/${empty.id}/events`, { type: 'draw', version: empty.version });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('SPOT_CHECK_NO_REPORTS');
  });

  it('judges the items each drawn report is assembled from', async () => {
    const c = await drawn({ sampleSize: 3, seed: 'items' });
    for (const s of c.sample) {
      const r = (await office.get(`/api/responsibility-reports/${s.reportId}`)).json();
      expect(s.verdicts.map((v: { content: string }) => v.content)).toEqual(
        r.items.map((i: { content: string }) => i.content),
      );
      expect(s.verdicts[0].records[0]).toMatchObject({ description: '已落实' });
      expect(s.verdicts[0]).toMatchObject({ verdict: null, verdictLabel: '未核查', actions: ['record'] });
    }
  });
});

describe('verdicts, conclusion and 转为问题', () => {
  it('records verdicts, freezes them on conclusion and turns a negative one into exactly one problem', async () => {
    const c = await drawn({ sampleSize: 2, seed: 'verdicts' });
    const [first, ...rest] = c.sample.flatMap((s: { verdicts: { id: string }[] }) => s.verdicts);
    const put = (id: string, body: Record<string, unknown>) =>
      office.put(`/api/spot-checks/${c.id}/verdicts/${id}`, body);
    // 不实 / 不到位 need a comment.
    const bare = await put(first.id, { verdict: 'untrue' });
    expect(bare.statusCode).toBe(400);
    const untrue = await put(first.id, { verdict: 'untrue', comment: '会议记录系补写', evidenceRef: '现场核查记录01' });
    expect(untrue.statusCode).toBe(200);
    expect(untrue.json()).toMatchObject({
      verdict: 'untrue',
      verdictLabel: '不实',
      recordedByName: expect.any(String),
    });
    // Not all judged: the check cannot conclude.
    const early = await office.post(`/api/spot-checks/${c.id}/events`, { type: 'conclude', version: c.version });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('SPOT_CHECK_INCOMPLETE');
    // Nothing to convert while the check runs.
    expect((await office.post(`/api/spot-checks/${c.id}/verdicts/${first.id}/problem`, {})).statusCode).toBe(422);
    for (const v of rest) expect((await put(v.id, { verdict: 'accurate' })).statusCode).toBe(200);
    const done = await office.post(`/api/spot-checks/${c.id}/events`, {
      type: 'conclude',
      version: c.version,
      comment: '总体较好，1项不实',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'concluded', conclusion: '总体较好，1项不实', negative: 1 });
    // Frozen.
    const late = await put(first.id, { verdict: 'accurate' });
    expect(late.statusCode).toBe(422);
    const detail = (await office.get(`/api/spot-checks/${c.id}`)).json();
    const judged = detail.sample.flatMap((s: { verdicts: { id: string; actions: string[] }[] }) => s.verdicts);
    expect(judged.find((v: { id: string }) => v.id === first.id).actions).toEqual(['convert']);
    expect(judged.find((v: { id: string }) => v.id === rest[0].id).actions).toEqual([]);
    // 属实 cannot be converted; 不实 once, with its back-link.
    expect((await office.post(`/api/spot-checks/${c.id}/verdicts/${rest[0].id}/problem`, {})).statusCode).toBe(422);
    const converted = await office.post(`/api/spot-checks/${c.id}/verdicts/${first.id}/problem`, {});
    expect(converted.statusCode).toBe(201);
    expect(converted.json()).toMatchObject({ problemCode: expect.any(String), actions: [] });
    const again = await office.post(`/api/spot-checks/${c.id}/verdicts/${first.id}/problem`, {});
    expect(again.statusCode).toBe(422);
    const made = await t.database.db.select().from(problems).where(eq(problems.sourceRef, c.code));
    expect(made).toHaveLength(1);
    const [p] = made;
    expect(p).toMatchObject({ id: converted.json().problemId, source: 'daily', state: 'dispatched' });
    const report = (await office.get(`/api/responsibility-reports/${first.reportId}`)).json();
    expect(p.unitId).toBe(report.unitId);
    expect(p.description).toContain('会议记录系补写');
    const [link] = await t.database.db.select().from(spotCheckVerdicts).where(eq(spotCheckVerdicts.problemId, p.id));
    expect(link.id).toBe(first.id);
    const shown = (await office.get(`/api/problems/${p.id}`)).json();
    expect(shown.sourceRef).toBe(c.code);
  });

  it('deletes a draft only', async () => {
    const c = (await create(office, { sampleSize: 1 })).json();
    expect((await office.delete(`/api/spot-checks/${c.id}?version=${c.version}`)).statusCode).toBe(204);
    expect((await office.get(`/api/spot-checks/${c.id}`)).statusCode).toBe(404);
    const d = await drawn({ sampleSize: 1 });
    expect((await office.delete(`/api/spot-checks/${d.id}?version=${d.version}`)).statusCode).toBe(422);
  });
});

describe('scope', () => {
  it('the office and the commission leader run checks, 组织部 reads, the recipient sees its verdicts once concluded', async () => {
    const c = (await create(leader, { samplePercent: 100, seed: 'scope' })).json();
    expect(c.actions).toEqual(expect.arrayContaining(['draw', 'delete']));
    const d = (await leader.post(`/api/spot-checks/${c.id}/events`, { type: 'draw', version: c.version })).json();
    expect(reportIds(d).sort()).toEqual(drawable);
    // 组织部 reads everything but may do nothing.
    expect((await zuzhibu.get(`/api/spot-checks/${c.id}`)).json().actions).toEqual([]);
    expect((await zuzhibu.get('/api/spot-checks')).statusCode).toBe(200);
    expect((await create(zuzhibu, { sampleSize: 1 })).statusCode).toBe(403);
    // Everyone else: the checks do not exist for them.
    for (const who of [zhujian, head, fu, paizhu1]) {
      expect((await who.get(`/api/spot-checks/${c.id}`)).statusCode, who.username).toBe(404);
      expect((await who.get('/api/spot-checks')).statusCode, who.username).toBe(404);
    }
    expect((await group1.get(`/api/spot-checks/${c.id}`)).statusCode).toBe(403);
    const zjjVerdicts = d.sample.find((s: { reportId: string }) => s.reportId === zjjReport).verdicts;
    for (const v of zjjVerdicts) {
      await leader.put(`/api/spot-checks/${c.id}/verdicts/${v.id}`, { verdict: 'inadequate', comment: '佐证不足' });
    }
    // Only this check's verdicts (an earlier test may have concluded another check that drew this report).
    const ofThis = (items: { spotCheckId: string }[]) => items.filter((x) => x.spotCheckId === c.id);
    const mine = async () =>
      ofThis((await zhujian.get(`/api/responsibility-reports/${zjjReport}/verdicts`)).json().items);
    // While the check runs the recipient sees nothing; the office sees the verdicts entered so far.
    expect(await mine()).toEqual([]);
    expect(ofThis((await office.get(`/api/responsibility-reports/${zjjReport}/verdicts`)).json().items)).toHaveLength(
      2,
    );
    // The county leader in charge and the dispatched group read the report but not its verdicts.
    expect((await fu.get(`/api/responsibility-reports/${zjjReport}/verdicts`)).statusCode).toBe(404);
    expect((await paizhu1.get(`/api/responsibility-reports/${zjjReport}/verdicts`)).statusCode).toBe(404);
    const rows = await t.database.db
      .select()
      .from(spotCheckVerdicts)
      .where(and(eq(spotCheckVerdicts.spotCheckId, c.id), inArray(spotCheckVerdicts.reportId, drawable)));
    for (const v of rows.filter((x) => x.reportId !== zjjReport)) {
      await office.put(`/api/spot-checks/${c.id}/verdicts/${v.id}`, { verdict: 'accurate' });
    }
    const fresh = (await office.get(`/api/spot-checks/${c.id}`)).json();
    expect(
      (await office.post(`/api/spot-checks/${c.id}/events`, { type: 'conclude', version: fresh.version })).statusCode,
    ).toBe(200);
    const seen = await mine();
    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({ verdict: 'inadequate', verdictLabel: '不到位', comment: '佐证不足' });
    expect(ofThis((await head.get(`/api/responsibility-reports/${zjjReport}/verdicts`)).json().items)).toHaveLength(2);
    // The unit's principal heard of it.
    const inbox = (await head.get('/api/notifications?pageSize=50')).json();
    expect(JSON.stringify(inbox)).toContain('抽查结论');
  });

  it('the demo county has a concluded check of the first quarter, every item judged, one 不到位', async () => {
    const y = Number(isoDate(t.clock.now()).slice(0, 4));
    const demo = (await office.get(`/api/spot-checks?year=${y}&quarter=1&state=concluded`)).json().items;
    expect(demo.length).toBeGreaterThanOrEqual(1);
    const c = demo.find((x: { seed: string }) => x.seed === `demo${y}q1`);
    expect(c).toMatchObject({ state: 'concluded', negative: 1 });
    expect(c.recorded).toBe(c.items);
  });

  it('exports the list with its filters', async () => {
    const xlsx = await zuzhibu.get(`/api/spot-checks/export.xlsx?year=${YEAR}&quarter=${QUARTER}`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await readWorkbook(xlsx.rawPayload)).主体责任抽查;
    expect(sheet[0].slice(0, 3)).toEqual(['编号', '期间', '标题']);
    expect(sheet.slice(1).every((r) => r[1] === `${YEAR}年第${QUARTER}季度`)).toBe(true);
    expect(sheet.length).toBeGreaterThan(3);
    const page = (await office.get(`/api/spot-checks?year=${YEAR}&state=concluded`)).json();
    expect(page.total).toBeGreaterThanOrEqual(2);
    expect(page.items.every((x: { state: string }) => x.state === 'concluded')).toBe(true);
  });
});
