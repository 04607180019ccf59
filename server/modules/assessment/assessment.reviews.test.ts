import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, unitByCode } from '../../test/harness.js';

let t: TestApp;
let office: Client;
let zhujian: Client;
let yingji: Client;
let zjjId: string;
let systemId: string;

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const rows = async <T>(q: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestApp();
  [office, zhujian, yingji] = await Promise.all(['office', 'zhujian', 'yingji'].map((u) => t.as(u)));
  zjjId = (await unitByCode(office, 'ZJJ')).id;
  const s = await office.post('/api/indicator-systems', {
    name: '教育督导评估（测试）',
    year: 2026,
    templateKey: 'education_supervision',
  });
  expect(s.statusCode, s.body).toBe(201);
  systemId = s.json().id;
});
afterAll(() => t.close());

describe('督导评估', () => {
  it('scores the six first-level indicators, publishes a numbered report, hands rectification to the ledger and re-inspects', async () => {
    const created = await office.post('/api/supervision-reviews', {
      unitId: zjjId,
      systemId,
      title: '2026年度教育工作督导评估',
      year: 2026,
      visitedOn: day(-3),
    });
    expect(created.statusCode, created.body).toBe(201);
    let r = created.json();
    expect(r.indicators.map((i: { name: string }) => i.name)).toEqual([
      '领导职责',
      '教育经费投入',
      '办学条件',
      '教师队伍建设',
      '教育管理',
      '教育发展水平',
    ]);
    // A draft is the office's: the unit does not see it yet.
    expect((await zhujian.get(`/api/supervision-reviews/${r.id}`)).statusCode).toBe(404);

    const over = await office.post(`/api/supervision-reviews/${r.id}/events`, {
      type: 'score',
      version: r.version,
      scores: [{ indicatorId: r.indicators[0].id, score: 16 }],
    });
    expect(over.json().code).toBe('SCORE_TOO_HIGH');
    const scores = [14, 17, 12, 13, 16, 12];
    r = (
      await office.post(`/api/supervision-reviews/${r.id}/events`, {
        type: 'score',
        version: r.version,
        scores: r.indicators
          .slice(0, 5)
          .map((i: { id: string }, n: number) => ({ indicatorId: i.id, score: scores[n], comment: '基本达标' })),
      })
    ).json();
    const early = await office.post(`/api/supervision-reviews/${r.id}/events`, {
      type: 'publish',
      version: r.version,
      conclusion: '良',
    });
    expect(early.json()).toMatchObject({ code: 'REVIEW_UNSCORED' });
    expect(early.json().message).toContain('教育发展水平');
    r = (
      await office.post(`/api/supervision-reviews/${r.id}/events`, {
        type: 'score',
        version: r.version,
        scores: [{ indicatorId: r.indicators[5].id, score: 12, comment: '' }],
      })
    ).json();
    expect(r).toMatchObject({ total: 84, grade: 'good', gradeLabel: '良好' });

    r = (
      await office.post(`/api/supervision-reviews/${r.id}/events`, {
        type: 'publish',
        version: r.version,
        conclusion: '该单位履行教育职责总体到位，评估等次为良好。',
        findings: '教师编制缺口较大，部分校舍维修资金未及时拨付。',
      })
    ).json();
    expect(r.state).toBe('published');
    const [doc] = await rows<{ number: string }>(sql`SELECT number FROM issued_documents WHERE object_id = ${r.id}`);
    expect(doc.number).toMatch(/评〔\d{4}〕\d+号$/);
    const report = await office.get(`/api/supervision-reviews/${r.id}/documents/report.docx`);
    expect(report.statusCode).toBe(200);
    // Now the unit reads it; another unit does not.
    expect((await zhujian.get(`/api/supervision-reviews/${r.id}`)).json().conclusion).toContain('良好');
    expect((await yingji.get(`/api/supervision-reviews/${r.id}`)).statusCode).toBe(404);
    expect(
      (await zhujian.post(`/api/supervision-reviews/${r.id}/events`, { type: 'rectify', version: r.version }))
        .statusCode,
    ).toBe(403);

    const past = await office.post(`/api/supervision-reviews/${r.id}/events`, {
      type: 'rectify',
      version: r.version,
      items: [{ content: '补齐教师编制', deadline: day(0) }],
    });
    expect(past.json().code).toBe('DEADLINE_PAST');
    r = (
      await office.post(`/api/supervision-reviews/${r.id}/events`, {
        type: 'rectify',
        version: r.version,
        items: [
          { content: '补齐教师编制缺口', deadline: day(30) },
          { content: '拨付校舍维修资金', deadline: day(20) },
        ],
      })
    ).json();
    expect(r.state).toBe('rectifying');
    expect(r.items).toHaveLength(2);
    const problem = (await office.get(`/api/problems/${r.items[0].problemId}`)).json();
    expect(problem).toMatchObject({ unitId: zjjId, state: 'dispatched', source: 'special', category: '督导评估' });
    expect(problem.measures[0].deadline).toBe(day(30));
    expect(r.items[0].problemState).toBe('已交办');

    r = (
      await office.post(`/api/supervision-reviews/${r.id}/events`, {
        type: 'schedule',
        version: r.version,
        recheckOn: day(31),
      })
    ).json();
    expect(r).toMatchObject({ state: 'recheck_scheduled', recheckOn: day(31) });
    const notYet = await office.post(`/api/supervision-reviews/${r.id}/events`, {
      type: 'recheck',
      version: r.version,
      verdict: 'passed',
      comment: '已整改',
    });
    expect(notYet.json()).toMatchObject({ code: 'ITEMS_OPEN' });
    // Failed: back to rectifying, the check kept with its count of open items.
    r = (
      await office.post(`/api/supervision-reviews/${r.id}/events`, {
        type: 'recheck',
        version: r.version,
        verdict: 'failed',
        comment: '编制缺口尚未补齐',
      })
    ).json();
    expect(r).toMatchObject({ state: 'rectifying', recheckOn: null });
    expect(r.checks).toEqual([expect.objectContaining({ verdict: 'failed', open: 2, comment: '编制缺口尚未补齐' })]);

    // The ledger closes both problems (through their own workflow elsewhere); the second 复查 passes.
    await t.database.db.execute(
      sql`UPDATE problems SET state = 'closed', closed_at = now() WHERE id IN (${r.items[0].problemId}, ${r.items[1].problemId})`,
    );
    r = (
      await office.post(`/api/supervision-reviews/${r.id}/events`, {
        type: 'schedule',
        version: r.version,
        recheckOn: day(1),
      })
    ).json();
    r = (
      await office.post(`/api/supervision-reviews/${r.id}/events`, {
        type: 'recheck',
        version: r.version,
        verdict: 'passed',
        comment: '整改到位',
      })
    ).json();
    expect(r.state).toBe('closed');
    expect(r.checks.map((c: { verdict: string }) => c.verdict)).toEqual(['failed', 'passed']);

    const listed = (await office.get(`/api/supervision-reviews?unitId=${zjjId}&state=closed&year=2026`)).json();
    expect(listed.items.map((x: { id: string }) => x.id)).toContain(r.id);
    expect(
      (await zhujian.get('/api/supervision-reviews')).json().items.every((x: { unitId: string }) => x.unitId === zjjId),
    ).toBe(true);
  });
});
