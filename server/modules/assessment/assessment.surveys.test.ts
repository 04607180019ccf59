import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { testAppForFile } from '../../test/harness.js';
import { exported } from '../../test/xlsx.js';
import { units } from '../org/org.tables.js';

const t = testAppForFile();
const office = t.client('office');

const rows = async <T>(q: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows;

describe('民主测评', () => {
  it('issues one token per party member, one vote per token even when cast at once, and nothing links a ballot to a voter', async () => {
    const [zjj] = await t.database.db.select().from(units).where(eq(units.code, 'ZJJ'));
    const [{ n: members }] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM people WHERE unit_id = ${zjj.id} AND deleted_at IS NULL AND party_member`,
    );
    const created = await office.post('/api/surveys', {
      unitId: zjj.id,
      year: 2026,
      title: '领导班子民主测评',
      questions: ['履行全面从严治党主体责任', '廉洁自律'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const s = created.json();
    const issued = await office.post(`/api/surveys/${s.id}/issue`, { version: s.version });
    expect(issued.statusCode, issued.body).toBe(200);
    const { tokens, survey } = issued.json();
    expect(tokens).toHaveLength(members);
    expect(survey.issued).toBe(members);
    expect((await office.post(`/api/surveys/${s.id}/issue`, { version: survey.version })).json().code).toBe(
      'SURVEY_ALREADY_ISSUED',
    );

    // The database keeps hashes only: no token, no person, no time.
    const stored = await rows<Record<string, unknown>>(sql`SELECT * FROM survey_tokens WHERE survey_id = ${s.id}`);
    expect(Object.keys(stored[0]).sort()).toEqual(['hash', 'survey_id', 'used']);
    for (const tok of tokens) expect(stored.some((r) => r.hash === tok)).toBe(false);

    // A voter (not signed in) opens the ballot and answers.
    const ballot = await t.anonymous.get(`/api/ballots/${tokens[0]}`);
    expect(ballot.json()).toMatchObject({ title: '领导班子民主测评', scale: ['好', '较好', '一般', '差'] });
    expect((await t.anonymous.post(`/api/ballots/${tokens[0]}`, { answers: [0] })).json().code).toBe(
      'ANSWERS_INCOMPLETE',
    );
    // The same token cast five times at once: exactly one ballot.
    const same = await Promise.all(
      Array.from({ length: 5 }, () => t.anonymous.post(`/api/ballots/${tokens[0]}`, { answers: [0, 1] })),
    );
    expect(same.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(same.filter((r) => r.statusCode !== 200).every((r) => [404, 409].includes(r.statusCode))).toBe(true);
    expect((await t.anonymous.get(`/api/ballots/${tokens[0]}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/ballots/${'x'.repeat(24)}`)).statusCode).toBe(404);
    // Other voters at once.
    const others = tokens.slice(1, 4);
    const cast = await Promise.all(
      others.map((tok: string, i: number) => t.anonymous.post(`/api/ballots/${tok}`, { answers: [i % 4, 3] })),
    );
    expect(cast.every((r) => r.statusCode === 200)).toBe(true);

    const ballots = await rows<Record<string, unknown>>(sql`SELECT * FROM survey_ballots WHERE survey_id = ${s.id}`);
    expect(ballots).toHaveLength(1 + others.length);
    // A ballot row holds its answers and survey only.
    expect(Object.keys(ballots[0]).sort()).toEqual(['answers', 'id', 'survey_id']);
    // The audit log never saw a token.
    const audit = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE position(${tokens[0]} IN coalesce(after::text, '') || coalesce(before::text, '')) > 0`,
    );
    expect(audit[0].n).toBe(0);

    const results = (await office.get(`/api/surveys/${s.id}/results`)).json();
    expect(results.answered).toBe(4);
    expect(results.participation).toBeCloseTo(Math.round((4 / members) * 1000) / 10, 1);
    expect(results.perQuestion[1].counts).toEqual([0, 1, 0, 3]);
    expect(results.perQuestion[0].counts.reduce((a: number, b: number) => a + b, 0)).toBe(4);

    const closed = await office.post(`/api/surveys/${s.id}/close`, { version: results.version });
    expect(closed.statusCode).toBe(200);
    expect((await t.anonymous.post(`/api/ballots/${tokens.at(-1)}`, { answers: [0, 0] })).statusCode).toBe(404);
  });

  it('lists the demo survey with its participation, filtered by year, unit and state', async () => {
    const [zjj] = await t.database.db.select().from(units).where(eq(units.code, 'ZJJ'));
    const year = new Date().getFullYear();
    const open = (await office.get(`/api/surveys?year=${year}&unitId=${zjj.id}&state=open&page=1&pageSize=50`)).json();
    const demo = open.items.find((s: { title: string }) => s.title === `${year}年度县住建局领导班子民主测评`);
    expect(demo.issued).toBeGreaterThan(0);
    expect(demo.answered).toBe(Math.floor((demo.issued * 4) / 5));
    expect(open.items.every((s: { unitId: string; state: string }) => s.unitId === zjj.id && s.state === 'open')).toBe(
      true,
    );
    const none = (await office.get(`/api/surveys?year=${year - 5}&page=1&pageSize=50`)).json();
    expect(none.total).toBe(0);
    expect((await office.get('/api/surveys?state=nonsense&page=1&pageSize=20')).statusCode).toBe(400);
  });

  it('exports the list with its filters, to the office only (GET /api/surveys/export.xlsx)', async () => {
    const [zjj] = await t.database.db.select().from(units).where(eq(units.code, 'ZJJ'));
    const filter = `year=${new Date().getFullYear()}&unitId=${zjj.id}`;
    const listed = (await office.get(`/api/surveys?${filter}&pageSize=100`)).json();
    expect(listed.total).toBeGreaterThan(0);
    const [header, ...rows] = (await exported(office, `/api/surveys/export.xlsx?${filter}`)).民主测评;
    expect(header).toEqual([
      '测评名称',
      '测评单位',
      '被测评人',
      '年度',
      '题目',
      '发放选票',
      '已投票',
      '参与率（%）',
      '状态',
      '创建日期',
    ]);
    type Row = { title: string; unitName: string; year: number; issued: number; answered: number };
    expect(rows.map((r) => [r[0], r[1], r[3], r[5], r[6]])).toEqual(
      listed.items.map((s: Row) => [s.title, s.unitName, String(s.year), String(s.issued), String(s.answered)]),
    );
    expect(rows.every((r) => r[1] === '县住建局' && /^\d{4}-\d{2}-\d{2}$/.test(r[9]))).toBe(true);
    const closed = (await exported(office, `/api/surveys/export.xlsx?${filter}&state=closed`)).民主测评;
    expect(closed.slice(1).every((r) => r[8] === '已结束')).toBe(true);
    expect(closed.length - 1).toBe((await office.get(`/api/surveys?${filter}&state=closed`)).json().total);
    // 民主测评 is the office's: a unit gets 403 for the export as for the list.
    const zhujian = await t.as('zhujian');
    expect((await zhujian.get(`/api/surveys?${filter}`)).statusCode).toBe(403);
    expect((await zhujian.get(`/api/surveys/export.xlsx?${filter}`)).statusCode).toBe(403);
  });
});
