import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { units } from '../org/org.tables.js';

/**
 * 民主测评 and 述职评议 of a leader in person (issue #15): a survey naming a person and a meeting where a leader
 * reports in person count for that person in a leader system, and not for the unit's leadership in a unit system.
 * Everything happens in 2017, a year the demo county has no surveys or meetings in.
 */
let t: TestApp;
let office: Client;
let zjj: string;
let jyj: string;
/** P = ZJJ's principal, assessed in person; L = fuxianzhang, who has no survey or meeting of his own. */
let P: string;
let L: string;

const one = async <T>(q: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows[0];
const unit = async (code: string) => (await t.database.db.select().from(units).where(eq(units.code, code)))[0];

interface Item {
  indicatorName: string | null;
  kind: string;
  points: number;
  reason: string;
}

beforeAll(async () => {
  t = await createTestApp();
  office = await t.as('office');
  const z = await unit('ZJJ');
  zjj = z.id;
  P = z.principalPersonId as string;
  jyj = (await unit('JYJ')).id;
  L = (await one<{ person_id: string }>(sql`SELECT person_id FROM users WHERE username = 'fuxianzhang'`)).person_id;
});
afterAll(() => t.close());

/** Creates, issues and answers a 2017 survey of ZJJ's party members; each ballot answers `answers`. */
async function survey(personId: string | null, ballots: number[][]) {
  const created = await office.post('/api/surveys', {
    unitId: zjj,
    personId,
    year: 2017,
    title: personId ? '主要负责人个人民主测评' : '领导班子民主测评',
    questions: ['履行全面从严治党责任', '廉洁自律'],
  });
  expect(created.statusCode, created.body).toBe(201);
  const s = created.json();
  const { tokens } = (await office.post(`/api/surveys/${s.id}/issue`, { version: s.version })).json();
  expect(tokens.length).toBeGreaterThanOrEqual(ballots.length);
  for (const [i, answers] of ballots.entries()) {
    expect((await t.anonymous.post(`/api/ballots/${tokens[i]}`, { answers })).statusCode).toBe(200);
  }
  return { survey: s, tokens: tokens as string[] };
}

/** A 2017 述责述廉 meeting, held, answered, scored and closed through the API. */
async function meeting(reporters: { unitId: string; personId?: string }[], scores: number[][]) {
  const attendees = ['县纪委书记', '县委组织部部长'];
  const created = await office.post('/api/evaluations', {
    kind: 'integrity',
    title: '2017年度述责述廉会议',
    year: 2017,
    scheduledAt: '2017-06-01T01:00:00.000Z',
    reporters,
    attendees,
  });
  expect(created.statusCode, created.body).toBe(201);
  let e = created.json();
  e = (await office.post(`/api/evaluations/${e.id}/events`, { type: 'hold', version: e.version })).json();
  for (const q of e.reporters.flatMap((r: { questions: { id: string }[] }) => r.questions)) {
    expect((await office.put(`/api/evaluations/${e.id}/questions/${q.id}`, { answer: '已整改' })).statusCode).toBe(200);
  }
  for (const [i, attendee] of attendees.entries()) {
    const r = await office.post(`/api/evaluations/${e.id}/scores`, {
      attendee,
      scores: e.reporters.map((x: { id: string }, n: number) => ({ reporterId: x.id, score: scores[i][n] })),
    });
    expect(r.statusCode, r.body).toBe(200);
    e = r.json();
  }
  const closed = await office.post(`/api/evaluations/${e.id}/events`, {
    type: 'close',
    version: e.version,
    summary: '评议结果纳入年度考核。',
  });
  expect(closed.statusCode, closed.body).toBe(200);
  // Held in 2017, as the period of the runs below.
  await t.database.db.execute(sql`UPDATE evaluations SET held_at = '2017-06-01T01:00:00Z' WHERE id = ${e.id}`);
  return closed.json();
}

/** A 2017 run of a system from a template, with `extra` leaf indicators added, computed. */
async function run(templateKey: string, extra: Record<string, unknown>[] = []) {
  const sys = await office.post('/api/indicator-systems', { name: `2017 ${templateKey}`, year: 2017, templateKey });
  expect(sys.statusCode, sys.body).toBe(201);
  let version = sys.json().version;
  for (const indicator of extra) {
    const added = await office.post(`/api/indicator-systems/${sys.json().id}/indicators`, { version, ...indicator });
    expect(added.statusCode, added.body).toBe(201);
    version = added.json().version;
  }
  const a = (
    await office.post('/api/assessments', {
      systemId: sys.json().id,
      name: `2017 ${templateKey}`,
      periodFrom: '2017-01-01',
      periodTo: '2017-12-31',
    })
  ).json();
  const computed = await office.post(`/api/assessments/${a.id}/events`, { type: 'compute', version: a.version });
  expect(computed.statusCode, computed.body).toBe(200);
  return a.id as string;
}

describe('民主测评 and 述职评议 of a leader in person', () => {
  let personSurvey: { survey: { id: string }; tokens: string[] };
  let reporters: { personId: string | null; reporterName: string; unitId: string }[];

  beforeAll(async () => {
    // In person: 好 and 较好 (100, 80), then 一般 twice (60) — mean 75. The leadership: 差 twice (0).
    personSurvey = await survey(P, [
      [0, 1],
      [2, 2],
    ]);
    await survey(null, [[3, 3]]);
    // ZJJ's principal reports in person (scores 90, 80 → 85); JYJ's part names no one (70, 70).
    const e = await meeting(
      [{ unitId: zjj, personId: P }, { unitId: jyj }],
      [
        [90, 70],
        [80, 70],
      ],
    );
    reporters = e.reporters;
  });

  it('names the person on the survey, in the list (filtered by person) and on the ballot', async () => {
    const s = (await office.get(`/api/surveys/${personSurvey.survey.id}/results`)).json();
    expect(s.personId).toBe(P);
    expect(s.personName).toMatch(/^.+（.+）$/);
    const listed = (await office.get(`/api/surveys?personId=${P}&year=2017&page=1&pageSize=20`)).json();
    expect(listed.items.map((x: { id: string }) => x.id)).toEqual([personSurvey.survey.id]);
    const ballot = (await t.anonymous.get(`/api/ballots/${personSurvey.tokens.at(-1)}`)).json();
    expect(ballot.personName).toBe(s.personName);
    const leadership = (await office.get(`/api/surveys?unitId=${zjj}&year=2017&page=1&pageSize=20`)).json();
    expect(leadership.items.find((x: { personId: string | null }) => x.personId === null).personName).toBeNull();
  });

  it('refuses a person who does not exist, and the same person reporting twice', async () => {
    const bad = await office.post('/api/surveys', {
      unitId: zjj,
      personId: '00000000-0000-4000-8000-000000000000',
      year: 2017,
      title: '测评',
      questions: ['题目'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'PERSON_NOT_FOUND', field: 'personId' });
    const twice = await office.post('/api/evaluations', {
      kind: 'integrity',
      title: '重复述职人',
      year: 2017,
      scheduledAt: '2017-06-01T01:00:00.000Z',
      reporters: [
        { unitId: zjj, personId: P },
        { unitId: jyj, personId: P },
      ],
      attendees: ['县纪委书记'],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().message).toBe('述职人不能重复');
  });

  it('a leader reporting in person is named on the meeting by the org’s record', () => {
    const mine = reporters.find((r) => r.personId === P);
    expect(mine?.reporterName).toBeTruthy();
    expect(reporters.find((r) => r.unitId === jyj)?.personId).toBeNull();
  });

  it('a leader system scores the person on their own ballots and meetings; others have no data', async () => {
    const id = await run('leader_duty');
    const items = async (person: string): Promise<Item[]> => {
      const r = await office.get(`/api/assessments/${id}/people/${person}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items;
    };
    const p = await items(P);
    const surveyed = p.find((i) => i.kind === 'survey');
    expect(surveyed).toMatchObject({ indicatorName: '个人民主测评', points: 7.5 });
    expect(surveyed?.reason).toBe('民主测评 2 份答卷，平均 75.00 分');
    const evaluated = p.find((i) => i.indicatorName === '述责述廉会议评议得分');
    expect(evaluated).toMatchObject({ kind: 'rate', points: 8.5 });
    expect(evaluated?.reason).toBe('述职评议 1 次，平均 85.00 分');
    const l = await items(L);
    expect(l.find((i) => i.indicatorName === '个人民主测评')).toMatchObject({ kind: 'no_data', points: 10 });
    expect(l.find((i) => i.indicatorName === '述责述廉会议评议得分')).toMatchObject({ kind: 'no_data', points: 10 });
  });

  it('a unit system counts the leadership’s survey only, and every reporting unit whoever spoke', async () => {
    const id = await run('two_responsibilities', [
      { name: '述职评议', weight: 10, method: 'metric', metric: 'evaluations.average' },
    ]);
    const score = async (unitId: string) => {
      const r = await office.get(`/api/assessments/${id}/scores/${unitId}`);
      expect(r.statusCode, r.body).toBe(200);
      return r.json().items as Item[];
    };
    const z = await score(zjj);
    const surveyed = z.find((i) => i.kind === 'survey');
    expect(surveyed?.reason).toBe('民主测评 1 份答卷，平均 0.00 分');
    expect(surveyed?.points).toBe(0);
    expect(z.find((i) => i.indicatorName === '述职评议')).toMatchObject({
      kind: 'rate',
      points: 8.5,
      reason: '述职评议 1 次，平均 85.00 分',
    });
    expect((await score(jyj)).find((i) => i.indicatorName === '述职评议')).toMatchObject({ points: 7 });
  });
});
