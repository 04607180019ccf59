import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { readWorkbook } from '../../test/xlsx.js';
import { units } from '../org/org.tables.js';

/**
 * Leader systems (issue #15: "per leader where the system is per person"): each person-level rule with its cause,
 * the 一票否决 of a person, rank ties, and scope — a leader reads their own score only, by every route.
 */
let t: TestApp;
let office: Client;
let leader: Client;
let zuzhibu: Client;
let fuxianzhang: Client;
let head: Client;
let zhujian: Client;

interface Item {
  indicatorName: string | null;
  kind: string;
  eventKind: string | null;
  refCode: string | null;
  occurredOn: string | null;
  points: number;
  reason: string;
  link: string | null;
}
interface Row {
  personId: string;
  personName: string;
  post: string;
  unitId: string;
  unitName: string;
  score: number;
  rank: number;
  rankOf: number;
  grade: string;
  vetoed: boolean;
}

const one = async <T>(q: ReturnType<typeof sql>) =>
  ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows[0];
const unit = async (code: string) => (await t.database.db.select().from(units).where(eq(units.code, code)))[0];

/** The people of the fixture: L = fuxianzhang (分管 ZJJ), P = ZJJ's principal, Q = the leader in charge of JYJ. */
let L: string;
let P: string;
let Q: string;
let ids: { talk: string; dispatch: string; caseQ: string; caseP: string; problem: string };

/** Events of 2016, written straight into the owning modules' tables (the assessment reads their read models). */
async function seed() {
  const zjj = await unit('ZJJ');
  const region = zjj.regionId;
  L = (await one<{ person_id: string }>(sql`SELECT person_id FROM users WHERE username = 'fuxianzhang'`)).person_id;
  P = zjj.principalPersonId as string;
  Q = (await unit('JYJ')).leaderInChargePersonId as string;
  const talk = (kind: string, person: string, code: string, state: string) =>
    one<{ id: string }>(sql`INSERT INTO talks (region_id, code, kind, talker_person_ids, subject_person_ids, unit_ids,
      reason, talk_on, state) VALUES (${region}, ${code}, ${kind}, '{}', ARRAY[${person}]::uuid[], '{}',
      ${`谈话${code}`}, '2016-03-01', ${state}) RETURNING id`);
  const talkL = await talk('interview', L, 'LD-T1', 'recorded');
  await talk('reminder', Q, 'LD-T2', 'closed');
  await talk('interview', L, 'LD-T3', 'planned'); // not held: no deduction
  const kase = async (code: string, person: string, name: string, form: string, formOfFour: number) => {
    const c = await one<{ id: string }>(sql`INSERT INTO cases (region_id, code, kind, title, situation, source_type,
      state, created_at, decided_at) VALUES (${region}, ${code}, 'party', ${`问责${code}`}, 1, 'manual', 'decided',
      '2016-05-01T10:00:00+08:00', now()) RETURNING id`);
    await t.database.db.execute(sql`INSERT INTO case_subjects (case_id, seq, subject_type, person_id, name, forms,
      form_of_four) VALUES (${c.id}, 1, 'person', ${person}, ${name}, ${JSON.stringify([{ form, mode: 'impose' }])},
      ${formOfFour})`);
    return c.id;
  };
  const caseQ = await kase('LD-C1', Q, '分管领导', '书面诫勉', 1);
  const caseP = await kase('LD-C2', P, '主要负责人', '政务处分·记过', 2);
  const d = await one<{ id: string }>(sql`INSERT INTO dispatches (region_id, code, kind, year, quarter,
    recipient_kind, recipient_person_id, title, state, issued_on) VALUES (${region}, 'LD-PD1', 'quarterly', 2016, 1,
    'leader', ${L}, '2016年本人清单', 'issued', '2016-01-05') RETURNING id`);
  await t.database.db.execute(sql`INSERT INTO dispatch_items (dispatch_id, region_id, content, deadline, fulfilled_on)
    VALUES (${d.id}, ${region}, '按期事项', '2016-03-31', '2016-03-20'),
      (${d.id}, ${region}, '逾期履责事项', '2016-06-30', '2016-07-05'),
      (${d.id}, ${region}, '未履责事项', '2016-09-30', NULL),
      (${d.id}, ${region}, '明年事项', '2017-03-31', NULL)`);
  const problem = await one<{ id: string }>(sql`INSERT INTO problems (region_id, code, title, source, unit_id,
    leader_person_id, state, deadline, created_at) VALUES (${region}, 'LD-P1', '分管逾期问题', 'daily', ${zjj.id},
    ${L}, 'rectifying', '2016-04-01', '2016-01-10') RETURNING id`);
  ids = { talk: talkL.id, dispatch: d.id, caseQ, caseP, problem: problem.id };
}

const fire = async (c: Client, id: string, type: string) => {
  const a = (await c.get(`/api/assessments/${id}`)).json();
  const r = await c.post(`/api/assessments/${id}/events`, { type, version: a.version });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
};

let systemId: string;
let runId: string;
let rows: Row[];

beforeAll(async () => {
  t = await createTestApp();
  [office, leader, zuzhibu, fuxianzhang, head, zhujian] = await Promise.all(
    ['office', 'leader', 'zuzhibu', 'fuxianzhang', 'zhujian.head', 'zhujian'].map((u) => t.as(u)),
  );
  await seed();
  const s = await office.post('/api/indicator-systems', {
    name: '2016年度领导干部考核',
    year: 2016,
    templateKey: 'leader_duty',
  });
  expect(s.statusCode, s.body).toBe(201);
  expect(s.json().subjectKind).toBe('leader');
  systemId = s.json().id;
  const a = await office.post('/api/assessments', {
    systemId,
    name: '2016年度领导干部考核',
    periodFrom: '2016-01-01',
    periodTo: '2016-12-31',
  });
  expect(a.statusCode, a.body).toBe(201);
  runId = a.json().id;
  await fire(office, runId, 'compute');
  rows = (await office.get(`/api/assessments/${runId}/scores`)).json().items;
});
afterAll(() => t.close());

const person = (id: string) => office.get(`/api/assessments/${runId}/people/${id}`);
const itemsOf = async (id: string): Promise<Item[]> => {
  const r = await person(id);
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items;
};

describe('leader systems: subjects and rules', () => {
  it('assesses county leaders and unit principals, each with name, post and unit', () => {
    const l = rows.find((r) => r.personId === L);
    expect(l?.personName).toBeTruthy();
    expect(l?.post).toBe('副县长');
    expect(rows.some((r) => r.personId === P)).toBe(true);
    expect(rows.some((r) => r.personId === Q)).toBe(true);
    expect(new Set(rows.map((r) => r.personId)).size).toBe(rows.length);
    expect(rows.every((r) => r.rankOf === rows.length)).toBe(true);
  });

  it('本人被约谈: a held 约谈 of the person, with the talk, its date and link (a planned one is not counted)', async () => {
    const talks = (await itemsOf(L)).filter((i) => i.eventKind === 'talks.person_interview');
    expect(talks).toEqual([
      expect.objectContaining({ points: -3, occurredOn: '2016-03-01', refCode: 'LD-T1', link: `/talks/${ids.talk}` }),
    ]);
  });

  it('本人被提醒谈话 and 本人被问责 (with the form) for the person held to account', async () => {
    const q = await itemsOf(Q);
    expect(q.find((i) => i.eventKind === 'talks.person_reminder')).toMatchObject({ points: -1, refCode: 'LD-T2' });
    const decided = q.find((i) => i.eventKind === 'cases.person_decided');
    expect(decided).toMatchObject({ points: -4, occurredOn: '2016-05-01', link: `/cases/${ids.caseQ}` });
    expect(decided?.reason).toContain('书面诫勉');
    expect(q.some((i) => i.kind === 'veto')).toBe(false);
  });

  it('本人责任清单: each item fulfilled late or not at all deducts, the rate counts on-time of due', async () => {
    const l = await itemsOf(L);
    const overdue = l.filter((i) => i.eventKind === 'responsibility.person_overdue');
    expect(overdue.map((i) => i.occurredOn).sort()).toEqual(['2016-06-30', '2016-09-30']);
    expect(overdue.every((i) => i.points === -1 && i.link === `/responsibility/dispatches/${ids.dispatch}`)).toBe(true);
    expect(overdue.map((i) => i.reason).join()).toContain('未履责事项');
    const rate = l.find((i) => i.kind === 'rate');
    expect(rate?.points).toBeCloseTo((25 * 1) / 3, 2);
    expect(rate?.reason).toContain('按期履责 1 项 / 到期 3 项');
  });

  it('分管（主管）单位问题逾期: charged to the leader in charge and to the unit’s principal, once each', async () => {
    for (const who of [L, P]) {
      const charged = (await itemsOf(who)).filter((i) => i.eventKind === 'problems.charge_overdue');
      expect(charged).toEqual([
        expect.objectContaining({
          points: -0.5,
          refCode: 'LD-P1',
          occurredOn: '2016-04-01',
          link: `/problems/${ids.problem}`,
        }),
      ]);
    }
    expect((await itemsOf(Q)).some((i) => i.eventKind === 'problems.charge_overdue')).toBe(false);
  });

  it('score and grade: the sum of the items, graded by the same thresholds', () => {
    const l = rows.find((r) => r.personId === L) as Row;
    expect(l.score).toBeCloseTo(100 - 3 - 2 - (25 - 25 / 3) - 0.5, 2);
    expect(l.grade).toBe('fair');
  });

  it('一票否决: a person given the second form or above is capped at the veto grade, with the case as cause', async () => {
    const p = rows.find((r) => r.personId === P) as Row;
    expect(p.vetoed).toBe(true);
    expect(p.grade).toBe('poor');
    expect(p.score).toBeGreaterThan(80); // the score alone would grade higher
    const veto = (await itemsOf(P)).find((i) => i.kind === 'veto');
    expect(veto).toMatchObject({ eventKind: 'cases.person_sanctioned', link: `/cases/${ids.caseP}` });
    expect(veto?.reason).toContain('政务处分·记过');
  });

  it('rank ties: equal scores share a rank, the next rank counts everyone above', () => {
    const top = rows.filter((r) => r.score === Math.max(...rows.map((x) => x.score)));
    expect(top.length).toBeGreaterThan(1);
    expect(top.every((r) => r.rank === 1)).toBe(true);
    for (const r of rows) expect(r.rank).toBe(1 + rows.filter((x) => x.score > r.score).length);
  });

  it('evaluators score persons on the qualitative indicator; a unit is not a subject', async () => {
    const sys = (await office.get(`/api/indicator-systems/${systemId}`)).json();
    const ind = sys.indicators.find((i: { method: string }) => i.method === 'qualitative');
    const sheet = await office.get(`/api/assessments/${runId}/ratings?indicatorId=${ind.id}&evaluator=县纪委书记`);
    expect(sheet.json().total).toBe(rows.length);
    const rate = (unitId: string) =>
      office.post(`/api/assessments/${runId}/ratings`, {
        indicatorId: ind.id,
        unitId,
        evaluator: '县纪委书记',
        score: 50,
      });
    expect((await rate(Q)).statusCode).toBe(200);
    expect((await rate((await unit('ZJJ')).id)).statusCode).toBe(400);
    await fire(office, runId, 'compute');
    const q = (await itemsOf(Q)).find((i) => i.kind === 'rating');
    expect(q?.points).toBe(5);
    rows = (await office.get(`/api/assessments/${runId}/scores`)).json().items;
  });

  it('a leader system takes person metrics only, and a unit system unit metrics only', async () => {
    const sys = (await office.get(`/api/indicator-systems/${systemId}`)).json();
    const add = await office.post(`/api/indicator-systems/${systemId}/indicators`, {
      version: sys.version,
      name: '单位逾期',
      weight: 5,
      method: 'metric',
      metric: 'problems.overdue',
    });
    expect(add.statusCode).toBe(400);
    expect(add.json().field).toBe('metric');
    const u = (await office.post('/api/indicator-systems', { name: '单位体系', year: 2016 })).json();
    expect(u.subjectKind).toBe('unit');
    const bad = await office.post(`/api/indicator-systems/${u.id}/indicators`, {
      version: u.version,
      name: '本人约谈',
      weight: 5,
      method: 'metric',
      metric: 'talks.person_interview',
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('leader systems: scope', () => {
  beforeAll(async () => {
    await fire(office, runId, 'freeze');
    await fire(leader, runId, 'publish');
  });

  it('the office, commission leaders and 组织部 read every leader', async () => {
    for (const c of [office, leader, zuzhibu]) {
      expect((await c.get(`/api/assessments/${runId}/scores`)).json().items).toHaveLength(rows.length);
      expect((await c.get(`/api/assessments/${runId}/people/${Q}`)).statusCode).toBe(200);
    }
  });

  it('a leader reads their own score and its causes, and no one else’s — by any route', async () => {
    for (const [c, self, other] of [
      [fuxianzhang, L, Q],
      [head, P, L],
    ] as const) {
      const list = (await c.get(`/api/assessments/${runId}/scores`)).json().items as Row[];
      expect(list.map((r) => r.personId)).toEqual([self]);
      const own = await c.get(`/api/assessments/${runId}/people/${self}`);
      expect(own.statusCode).toBe(200);
      expect(own.json().items.length).toBeGreaterThan(0);
      expect((await c.get(`/api/assessments/${runId}/people/${other}`)).statusCode).toBe(404);
      // A person's id is not a unit's: the unit route finds nothing in a leader system.
      expect((await c.get(`/api/assessments/${runId}/scores/${other}`)).statusCode).toBe(404);
      const xlsx = await c.get(`/api/assessments/${runId}/export.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      const sheet = Object.values(await readWorkbook(xlsx.rawPayload))[0];
      const names = rows.filter((r) => r.personId !== self).map((r) => r.personName);
      const text = sheet.flat().join('|');
      expect(text).toContain(rows.find((r) => r.personId === self)?.personName);
      for (const n of names) expect(text.split('|')).not.toContain(n);
      expect((await c.get(`/api/assessments/${runId}/documents/report.docx`)).statusCode).toBe(403);
    }
  });

  it('someone who is not assessed reads no row', async () => {
    expect((await zhujian.get(`/api/assessments/${runId}/scores`)).json().items).toEqual([]);
    expect((await zhujian.get(`/api/assessments/${runId}/people/${P}`)).statusCode).toBe(404);
  });
});

describe('demo county', () => {
  it('has this year’s leader assessment published: fuxianzhang reads his own score and its causes', async () => {
    const runs = (await fuxianzhang.get('/api/assessments?pageSize=100')).json().items as {
      id: string;
      name: string;
    }[];
    const demo = runs.find((r) => r.name.includes('领导干部履行全面从严治党责任考核'));
    expect(demo).toBeDefined();
    const list = (await fuxianzhang.get(`/api/assessments/${demo?.id}/scores`)).json().items as Row[];
    expect(list.map((r) => r.personId)).toEqual([L]);
    const own = (await fuxianzhang.get(`/api/assessments/${demo?.id}/people/${L}`)).json();
    expect(own.items.find((i: Item) => i.kind === 'rating')?.reason).toContain('县纪委书记');
    expect((await office.get(`/api/assessments/${demo?.id}/scores`)).json().items.length).toBeGreaterThan(10);
    // 县住建局's principal: his own 民主测评 and his 述责述廉 in person two weeks ago (this year's, unless in early January).
    const p = (await office.get(`/api/assessments/${demo?.id}/people/${P}`)).json().items as Item[];
    expect(p.find((i) => i.kind === 'survey')?.reason).toMatch(/^民主测评 \d+ 份答卷/);
    const sameYear = new Date(Date.now() - 14 * 86_400_000).getFullYear() === new Date().getFullYear();
    expect(p.find((i) => i.indicatorName === '述责述廉会议评议得分')?.kind).toBe(sameYear ? 'rate' : 'no_data');
  });
});
