import { eq, sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { exported } from '../../test/xlsx.js';
import { units } from '../org/org.tables.js';
import type { Database } from '../../platform/db/client.js';

let t: TestApp;
let office: Client;
let leader: Client;
let zuzhibu: Client;
let zhujian: Client;
const unit = async (code: string) => (await t.database.db.select().from(units).where(eq(units.code, code)))[0];

beforeAll(async () => {
  t = await createTestApp();
  [office, leader, zuzhibu, zhujian] = await Promise.all(
    ['office', 'leader', 'zuzhibu', 'zhujian'].map((u) => t.as(u)),
  );
});
afterAll(() => t.close());

const one = async <T>(db: Database['db'], q: ReturnType<typeof sql>) =>
  ((await db.execute(q)) as unknown as { rows: T[] }).rows[0];

/**
 * Events of 2019 for 城关镇 (a) and 东城街道 (b), written straight into the owning modules' tables (a test
 * fixture; the assessment itself reads them only through their read models).
 */
async function seedScoringFixture(db: Database['db']) {
  const a = (await unit('CGZ')).id;
  const b = (await unit('DCJD')).id;
  const region = (await unit('CGZ')).regionId;
  const principal = (await unit('CGZ')).principalPersonId;
  const problem = (code: string, extra: string) =>
    one<{ id: string }>(
      db,
      sql.raw(`INSERT INTO problems (region_id, code, title, source, unit_id, state, deadline, closed_at, category, created_at)
      VALUES ('${region}', '${code}', '测试问题${code}', 'daily', ${extra}) RETURNING id`),
    );
  await problem('AS-1', `'${a}', 'rectifying', '2019-03-01', NULL, '', '2019-01-05'`);
  const circ = await problem('AS-2', `'${a}', 'rectifying', '2019-03-01', NULL, '', '2019-01-05'`);
  await problem('AS-3', `'${a}', 'closed', '2019-03-01', '2019-02-01T10:00:00+08:00', '', '2019-01-05'`);
  await problem('AS-4', `'${b}', 'rectifying', '2030-03-01', NULL, '特别重大事故', '2019-05-01T10:00:00+08:00'`);
  await db.execute(sql`INSERT INTO problem_events (problem_id, type, actor_name, at, payload)
    VALUES (${circ.id}, 'escalate', '系统', '2019-04-01T10:00:00+08:00', '{"level": 1}')`);
  const talk = await one<{ id: string }>(
    db,
    sql`INSERT INTO talks (region_id, code, kind, talker_person_ids, subject_person_ids,
      subject_unit_id, unit_ids, reason, talk_on, state)
    VALUES (${region}, 'AS-T1', 'interview', '{}', '{}', ${a}, ARRAY[${a}]::uuid[], '约谈测试', '2019-06-01', 'recorded') RETURNING id`,
  );
  const situation = await one<{ id: string }>(db, sql`SELECT id FROM situations LIMIT 1`);
  const warning = await one<{ id: string }>(
    db,
    sql`INSERT INTO warnings (region_id, code, situation_id, problem_id, unit_id,
      fingerprint, state, facts, people, deadline, first_seen_at, last_seen_at, issued_at)
    VALUES (${region}, 'AS-W1', ${situation.id}, ${circ.id}, ${a}, ${`as:${circ.id}`}, 'issued', '{}', '[]', '2019-09-01',
      '2019-08-01', '2019-08-01', '2019-08-02T10:00:00+08:00') RETURNING id`,
  );
  const kase = await one<{ id: string }>(
    db,
    sql`INSERT INTO cases (region_id, code, kind, title, situation, source_type, state,
      created_at, decided_at)
    VALUES (${region}, 'AS-C1', 'party', '问责测试', 1, 'manual', 'decided', '2019-07-01T10:00:00+08:00', now()) RETURNING id`,
  );
  await db.execute(sql`INSERT INTO case_subjects (case_id, seq, subject_type, person_id, name, forms, form_of_four)
    VALUES (${kase.id}, 1, 'person', ${principal}, '主要负责人', '[{"form": "诫勉", "mode": "impose"}]', 1)`);
  return { a, b, circularCode: 'AS-2', talkId: talk.id, warningId: warning.id, caseId: kase.id };
}

const fire = async (c: Client, id: string, type: string) => {
  const a = (await c.get(`/api/assessments/${id}`)).json();
  return c.post(`/api/assessments/${id}/events`, { type, version: a.version });
};

/** A township system with one leaf per metric, 10 points each (veto 0): totals 70. */
async function township(year = 2019) {
  const s = (
    await office.post('/api/indicator-systems', { name: `测试体系${year}`, year, unitType: 'township' })
  ).json();
  const add = async (body: Record<string, unknown>) => {
    const cur = (await office.get(`/api/indicator-systems/${s.id}`)).json();
    const r = await office.post(`/api/indicator-systems/${s.id}/indicators`, { version: cur.version, ...body });
    expect(r.statusCode, r.body).toBe(201);
    return r.json();
  };
  const group = (await add({ name: '负面清单', weight: 0, method: 'group' })).indicators[0];
  const leaves: [string, string, number][] = [
    ['整改逾期', 'problems.overdue', 10],
    ['通报', 'problems.circular', 10],
    ['约谈', 'talks.interview', 10],
    ['预警', 'warnings.issued', 10],
    ['问责', 'cases.decided', 10],
    ['按期率', 'problems.rectification_rate', 10],
    ['履职', 'responsibility.fulfilment', 10],
  ];
  for (const [name, metric, weight] of leaves)
    await add({ parentId: group.id, name, weight, method: 'metric', metric });
  await add({
    parentId: group.id,
    name: '特别重大事故',
    weight: 0,
    method: 'metric',
    metric: 'problems.major_accident',
    veto: true,
  });
  return (await office.get(`/api/indicator-systems/${s.id}`)).json();
}

describe('editing an indicator tree', () => {
  it('deletes an indicator with all its lower indicators, as the page asks to confirm', async () => {
    const s = await township(2017);
    const group = s.indicators.find((i: { name: string }) => i.name === '负面清单');
    const leaves = s.indicators.filter((i: { parentId: string | null }) => i.parentId === group.id);
    expect(leaves.length).toBe(8);
    const res = await office.delete(`/api/indicator-systems/${s.id}/indicators/${group.id}?version=${s.version}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().indicators).toEqual([]);
    const [{ n }] = (
      (await t.database.db.execute(
        sql`SELECT count(*)::int AS n FROM indicators WHERE system_id = ${s.id}`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    expect(n).toBe(0);
    const stale = await office.delete(`/api/indicator-systems/${s.id}/indicators/${leaves[0].id}?version=${s.version}`);
    expect(stale.statusCode).toBe(404);
  });
});

describe('rating sheets (评价人打分)', () => {
  it('lists every assessed unit with this evaluator’s score, takes scores until frozen, refuses others', async () => {
    const s = (
      await office.post('/api/indicator-systems', { name: '打分测试体系', year: 2018, unitType: 'township' })
    ).json();
    const add = async (body: Record<string, unknown>) => {
      const cur = (await office.get(`/api/indicator-systems/${s.id}`)).json();
      const r = await office.post(`/api/indicator-systems/${s.id}/indicators`, { version: cur.version, ...body });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().indicators as { id: string; name: string }[];
    };
    await add({ name: '工作实绩', weight: 20, method: 'qualitative', evaluators: ['县委督查室', '县纪委'] });
    const all = await add({ name: '整改逾期', weight: 10, method: 'metric', metric: 'problems.overdue' });
    const quali = all.find((i) => i.name === '工作实绩') as { id: string };
    const metric = all.find((i) => i.name === '整改逾期') as { id: string };
    const run = (
      await office.post('/api/assessments', {
        systemId: s.id,
        name: '2018年度乡镇考核（打分）',
        periodFrom: '2018-01-01',
        periodTo: '2018-12-31',
      })
    ).json();
    const sheet = (evaluator: string, extra = '') =>
      office.get(
        `/api/assessments/${run.id}/ratings?indicatorId=${quali.id}&evaluator=${encodeURIComponent(evaluator)}${extra}`,
      );
    const [{ n: townships }] = (
      (await t.database.db.execute(
        sql`SELECT count(*)::int AS n FROM units WHERE type = 'township' AND deleted_at IS NULL`,
      )) as unknown as { rows: { n: number }[] }
    ).rows;
    const first = (await sheet('县纪委')).json();
    expect(first).toMatchObject({ evaluator: '县纪委', editable: true, total: townships });
    expect(first.indicator).toMatchObject({ name: '工作实绩', weight: 20, evaluators: ['县委督查室', '县纪委'] });
    expect(first.items.every((i: { score: number | null }) => i.score === null)).toBe(true);
    const cgz = (await unit('CGZ')).id;
    const rated = await office.post(`/api/assessments/${run.id}/ratings`, {
      indicatorId: quali.id,
      unitId: cgz,
      evaluator: '县纪委',
      score: 88.5,
      comment: '整改有力',
    });
    expect(rated.statusCode, rated.body).toBe(200);
    const row = (await sheet('县纪委', '&pageSize=100')).json().items.find((i: { unitId: string }) => i.unitId === cgz);
    expect(row).toMatchObject({
      unitName: expect.any(String),
      score: 88.5,
      comment: '整改有力',
      at: expect.any(String),
    });
    // Another evaluator's sheet is their own.
    const other = (await sheet('县委督查室', '&pageSize=100')).json().items;
    expect(other.find((i: { unitId: string }) => i.unitId === cgz).score).toBeNull();
    // Paged like every list.
    const page2 = (await sheet('县纪委', '&pageSize=2&page=2')).json();
    expect(page2.items).toHaveLength(Math.min(2, Math.max(0, townships - 2)));
    // Only named evaluators, only qualitative indicators, only the caller's office.
    expect((await sheet('路人')).json().code).toBe('EVALUATOR_NOT_NAMED');
    const wrong = await office.get(`/api/assessments/${run.id}/ratings?indicatorId=${metric.id}&evaluator=县纪委`);
    expect(wrong.json().code).toBe('INDICATOR_NOT_QUALITATIVE');
    expect(
      (await zhujian.get(`/api/assessments/${run.id}/ratings?indicatorId=${quali.id}&evaluator=县纪委`)).statusCode,
    ).toBe(403);
    // Frozen: the sheet still reads, no longer takes scores.
    expect((await fire(office, run.id, 'compute')).statusCode).toBe(200);
    expect((await fire(office, run.id, 'freeze')).statusCode).toBe(200);
    expect((await sheet('县纪委')).json().editable).toBe(false);
    const late = await office.post(`/api/assessments/${run.id}/ratings`, {
      indicatorId: quali.id,
      unitId: cgz,
      evaluator: '县纪委',
      score: 60,
    });
    expect(late.json().code).toBe('ASSESSMENT_FROZEN');
  });
});

describe('indicator systems', () => {
  it('builds a system from each template, with weights adding to 100, and copies it to the next year', async () => {
    const templates = (await office.get('/api/indicator-systems/templates')).json();
    expect(templates.map((x: { key: string }) => x.key)).toEqual([
      'two_responsibilities',
      'safety_production',
      'education_supervision',
      'patrol_group_review',
      'leader_duty',
    ]);
    for (const tpl of templates) {
      const r = await office.post('/api/indicator-systems', { name: tpl.name, year: 2026, templateKey: tpl.key });
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().totalWeight).toBe(100);
    }
    const safety = (await office.get('/api/indicator-systems?year=2026'))
      .json()
      .items.find((x: { templateKey: string }) => x.templateKey === 'safety_production');
    const detail = (await office.get(`/api/indicator-systems/${safety.id}`)).json();
    const level1 = detail.indicators
      .filter((i: { level: number }) => i.level === 1)
      .map((i: { name: string }) => i.name);
    expect(level1).toEqual(['三大绝对指标', '四大相对指标', '监管责任落实']);
    expect(detail.indicators.filter((i: { veto: boolean }) => i.veto).map((i: { name: string }) => i.name)).toEqual([
      '特别重大事故',
    ]);
    const edu = (await office.get('/api/indicator-systems?year=2026'))
      .json()
      .items.find((x: { templateKey: string }) => x.templateKey === 'education_supervision');
    const eduTree = (await office.get(`/api/indicator-systems/${edu.id}`)).json().indicators;
    expect(eduTree.filter((i: { level: number }) => i.level === 1)).toHaveLength(6);
    const copy = await office.post(`/api/indicator-systems/${safety.id}/copy`, { year: 2027 });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ year: 2027, totalWeight: 100 });
    expect(copy.json().indicators).toHaveLength(detail.indicators.length);
    const veto = await office.post(`/api/indicator-systems/${safety.id}/indicators`, {
      version: detail.version,
      name: '否决',
      weight: 0,
      method: 'qualitative',
      veto: true,
    });
    expect(veto.json().code).toBe('VETO_NEEDS_METRIC');
  });
});

describe('assessment runs', () => {
  it('traces every point to its cause, caps by veto, ranks ties, grades by the thresholds', async () => {
    const fx = await seedScoringFixture(t.database.db);
    const system = await township();
    const created = await office.post('/api/assessments', {
      systemId: system.id,
      name: '2019年度乡镇考核',
      periodFrom: '2019-01-01',
      periodTo: '2019-12-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const computed = await fire(office, id, 'compute');
    expect(computed.statusCode, computed.body).toBe(200);
    const scores = (await office.get(`/api/assessments/${id}/scores`)).json();
    expect(scores.items).toHaveLength(10);
    const cgz = scores.items.find((x: { unitId: string }) => x.unitId === fx.a);
    const dcjd = scores.items.find((x: { unitId: string }) => x.unitId === fx.b);
    // 70 − overdue 2×1 − 通报 2 − 约谈 3 − 预警 1 − 问责 4 − rate 10×(1−1/3) + ontime bonus 0.5
    expect(cgz.score).toBeCloseTo(70 - 2 - 2 - 3 - 1 - 4 - 6.67 + 0.5, 2);
    // The sums beside the score are the unit's own events (not every unit's).
    expect(cgz).toMatchObject({ deductions: -12, bonuses: 0.5 });
    expect(dcjd).toMatchObject({ deductions: 0, bonuses: 0 });
    const detail = (await office.get(`/api/assessments/${id}/scores/${fx.a}`)).json();
    const events = detail.items.filter((i: { kind: string }) => i.kind === 'event');
    const byKind = (k: string) => events.filter((i: { eventKind: string }) => i.eventKind === k);
    expect(byKind('problems.overdue')).toHaveLength(2);
    expect(byKind('problems.overdue')[0]).toMatchObject({ points: -1, occurredOn: '2019-03-01', refType: 'problem' });
    expect(byKind('problems.overdue')[0].link).toMatch(/^\/problems\//);
    expect(byKind('problems.circular')[0]).toMatchObject({
      points: -2,
      occurredOn: '2019-04-01',
      refCode: fx.circularCode,
    });
    expect(byKind('talks.interview')[0]).toMatchObject({
      points: -3,
      occurredOn: '2019-06-01',
      link: `/talks/${fx.talkId}`,
    });
    expect(byKind('warnings.issued')[0]).toMatchObject({ points: -1, link: `/warnings/${fx.warningId}` });
    // The case was opened in 2019 and decided years later: it counts in 2019.
    expect(byKind('cases.decided')[0]).toMatchObject({
      points: -4,
      occurredOn: '2019-07-01',
      link: `/cases/${fx.caseId}`,
    });
    expect(byKind('problems.ontime')[0]).toMatchObject({ points: 0.5, indicatorId: null });
    for (const i of detail.items) expect(i.reason).not.toBe('');
    const rate = detail.items.find((i: { reason: string }) => i.reason.startsWith('按期销号'));
    expect(rate).toMatchObject({ points: 3.33, reason: '按期销号 1 件 / 到期 3 件' });
    // The responsibility lists (明责) are read through their module: no list was dispatched in 2019.
    const fulfilment = detail.items.find((i: { reason: string }) => i.reason.includes('应履职'));
    expect(fulfilment).toMatchObject({ kind: 'rate', points: 10, reason: '期内无应履职事项，得满分' });
    expect(detail.items.reduce((s: number, i: { points: number }) => s + i.points, 0)).toBeCloseTo(cgz.score, 2);
    // 一票否决: full score, but graded 较差, with its cause.
    expect(dcjd).toMatchObject({ score: 70, vetoed: true, grade: 'poor' });
    const veto = (await office.get(`/api/assessments/${id}/scores/${fx.b}`))
      .json()
      .items.find((i: { kind: string }) => i.kind === 'veto');
    expect(veto.reason).toContain('特别重大事故');
    // Ties: the nine units at 70 share rank 1; the tenth is 10th of 10.
    const tied = scores.items.filter((x: { score: number }) => x.score === 70);
    expect(tied).toHaveLength(9);
    expect(new Set(tied.map((x: { rank: number }) => x.rank))).toEqual(new Set([1]));
    expect(cgz).toMatchObject({ rank: 10, rankOf: 10 });
    // Default thresholds 90/80/60: 70 is 一般, 51.83 较差.
    expect(tied.find((x: { vetoed: boolean }) => !x.vetoed).grade).toBe('fair');
    expect(cgz.grade).toBe('poor');

    // Recompute is idempotent.
    expect((await fire(office, id, 'compute')).statusCode).toBe(200);
    expect((await office.get(`/api/assessments/${id}/scores`)).json()).toEqual(scores);

    // Thresholds from settings, audited.
    const s = (await office.get('/api/assessment-settings')).json();
    const put = await office.put('/api/assessment-settings', {
      version: s.version,
      settings: { ...s.settings, thresholds: { excellent: 70, good: 60, fair: 50 } },
    });
    expect(put.statusCode, put.body).toBe(200);
    const bad = await office.put('/api/assessment-settings', {
      version: put.json().version,
      settings: { ...s.settings, thresholds: { excellent: 50, good: 60, fair: 40 } },
    });
    expect(bad.statusCode).toBe(400);
    await fire(office, id, 'compute');
    const regraded = (await office.get(`/api/assessments/${id}/scores`)).json().items;
    expect(regraded.find((x: { unitId: string }) => x.unitId === fx.a).grade).toBe('fair'); // 51.83 ≥ 50
    expect(regraded.find((x: { score: number; vetoed: boolean }) => !x.vetoed && x.score === 70).grade).toBe(
      'excellent',
    );
    expect(regraded.find((x: { unitId: string }) => x.unitId === fx.b).grade).toBe('poor');

    // Freeze: nothing changes any more; only a leader publishes; the bottom unit is proposed a talk.
    expect((await fire(office, id, 'freeze')).statusCode).toBe(200);
    expect((await fire(office, id, 'compute')).statusCode).toBe(422);
    expect((await fire(office, id, 'publish')).statusCode).toBe(403);
    expect((await zuzhibu.get(`/api/assessments/${id}`)).statusCode).toBe(404);
    const pub = await fire(leader, id, 'publish');
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ state: 'published', publishedRevision: 1 });
    const after = (await zuzhibu.get(`/api/assessments/${id}/scores`)).json();
    const bottom = after.items.find((x: { unitId: string }) => x.unitId === fx.a);
    expect(bottom.talkId).not.toBeNull();
    const talk = (await leader.get(`/api/talks/${bottom.talkId}`)).json();
    expect(talk).toMatchObject({ kind: 'reminder', subjectUnitId: fx.a, state: 'planned' });
    expect(talk.reason).toContain('排名末位');
    // Only the last rank is 末位: the units tied for first of a type are proposed nothing.
    expect(after.items.filter((x: { rank: number; talkId: string | null }) => x.rank === 1 && x.talkId)).toEqual([]);

    // A unit's head sees its own unit only.
    const zjj = await unit('ZJJ');
    expect((await zhujian.get(`/api/assessments/${id}/scores/${fx.a}`)).statusCode).toBe(404);
    expect(
      (await zhujian.get(`/api/assessments/${id}/scores`))
        .json()
        .items.every((x: { unitId: string }) => x.unitId === zjj.id),
    ).toBe(true);

    // Revise: a new revision is computed while the published one stays as it was.
    expect((await fire(office, id, 'revise')).statusCode).toBe(200);
    expect((await zuzhibu.get(`/api/assessments/${id}/scores`)).json()).toEqual(after);
    await fire(office, id, 'compute');
    expect((await office.get(`/api/assessments/${id}/scores`)).json().revision).toBe(2);

    const xlsx = await office.get(`/api/assessments/${id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const docx = await office.get(`/api/assessments/${id}/documents/report.docx`);
    expect(docx.statusCode).toBe(200);
  });
});

describe('考核结果通报 (issue #13: numbered and dated when published, never again)', () => {
  const docText = (buf: Buffer) =>
    strFromU8(unzipSync(new Uint8Array(buf))['word/document.xml']).replace(/<[^>]+>/g, '');
  const report = (c: Client, id: string, revision?: number) =>
    c.get(`/api/assessments/${id}/documents/report.docx${revision ? `?revision=${revision}` : ''}`);

  it('is a 草稿 until published, then the copy issued with each publication, under its own number', async () => {
    const system = await township(2018);
    const created = await office.post('/api/assessments', {
      systemId: system.id,
      name: '2018年度乡镇考核',
      periodFrom: '2018-01-01',
      periodTo: '2018-12-31',
    });
    const id = created.json().id as string;
    expect((await fire(office, id, 'compute')).statusCode).toBe(200);
    const draft = docText((await report(office, id)).rawPayload);
    expect(draft).toContain('草稿');
    expect(draft).not.toMatch(/纪考〔/);
    expect(draft).toContain('2018年1月1日至2018年12月31日');
    expect(draft).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    expect((await fire(office, id, 'freeze')).statusCode).toBe(200);
    expect((await fire(leader, id, 'publish')).statusCode).toBe(200);
    const [first] = (await office.get(`/api/assessments/${id}`)).json().publications;
    expect(first).toMatchObject({ revision: 1, docNumber: expect.stringMatching(/^示纪考〔\d{4}〕\d+号$/) });
    const issued = await report(zuzhibu, id);
    expect(issued.statusCode, issued.body).toBe(200);
    const text = docText(issued.rawPayload);
    expect(text).toContain(first.docNumber);
    expect(text).not.toContain('草稿');
    // The 成文日期 is the publication day, and the copy kept then is what every later download serves.
    const row = await one<{ issued_on: string; copy: Buffer | null }>(
      t.database.db,
      sql`SELECT issued_on::text, copy FROM issued_documents WHERE kind = 'assessment_report' AND object_id = ${first.id}`,
    );
    expect(row.copy).not.toBeNull();
    const [y, m, d] = row.issued_on.split('-').map(Number);
    expect(text).toContain(`${y}年${m}月${d}日`);
    await t.database.db.execute(sql`UPDATE units SET name = name || '（改）' WHERE type = 'township'`);
    expect(Buffer.compare((await report(office, id)).rawPayload, issued.rawPayload)).toBe(0);

    // It lists every unit: a unit's head, who reads his own unit's score, does not get it.
    expect((await zhujian.get(`/api/assessments/${id}/scores`)).statusCode).toBe(200);
    expect((await report(zhujian, id)).statusCode).toBe(403);

    // A revision is published as a new 通报 with the next number; the first stays as it was.
    expect((await fire(office, id, 'revise')).statusCode).toBe(200);
    expect((await fire(office, id, 'compute')).statusCode).toBe(200);
    expect(docText((await report(office, id)).rawPayload)).toContain('草稿');
    expect((await fire(office, id, 'freeze')).statusCode).toBe(200);
    expect((await fire(leader, id, 'publish')).statusCode).toBe(200);
    const publications = (await office.get(`/api/assessments/${id}`)).json().publications;
    expect(publications.map((p: { revision: number }) => p.revision)).toEqual([2, 1]);
    const serial = (n: string) => Number(n.match(/〕(\d+)号/)?.[1]);
    expect(serial(publications[0].docNumber)).toBe(serial(first.docNumber) + 1);
    expect(Buffer.compare((await report(office, id, 1)).rawPayload, issued.rawPayload)).toBe(0);
    expect(docText((await report(zuzhibu, id)).rawPayload)).toContain(publications[0].docNumber);
    // Others read only the revision in force.
    expect((await report(zuzhibu, id, 1)).statusCode).toBe(404);
    expect((await zuzhibu.get(`/api/assessments/${id}`)).json().publications).toHaveLength(1);
  });
});

describe('list exports', () => {
  it('exports indicator systems with the list’s year (GET /api/indicator-systems/export.xlsx)', async () => {
    const year = (await office.get('/api/indicator-systems?pageSize=1')).json().items[0].year as number;
    const listed = (await office.get(`/api/indicator-systems?year=${year}&pageSize=200`)).json();
    const [header, ...rows] = (await exported(office, `/api/indicator-systems/export.xlsx?year=${year}`)).指标体系;
    expect(header).toEqual(['体系名称', '年度', '考核对象', '适用单位类型', '总分值', '说明']);
    expect(rows.map((r) => [r[0], r[1], r[4]])).toEqual(
      listed.items.map((x: { name: string; totalWeight: number }) => [x.name, String(year), String(x.totalWeight)]),
    );
    expect(rows.every((r) => ['单位', '领导干部'].includes(r[2]))).toBe(true);
    expect((await (await t.as('auditadmin')).get('/api/indicator-systems/export.xlsx')).statusCode).toBe(403);
  });

  it('exports the runs each reader lists: a unit never gets a run the office has not published', async () => {
    const system = (await office.get('/api/indicator-systems?pageSize=1')).json().items[0];
    const created = await office.post('/api/assessments', {
      systemId: system.id,
      name: '导出测试考核',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
    });
    expect(created.statusCode, created.body).toBe(201);
    const runs = async (c: Client, filter = '') => {
      const listed = (await c.get(`/api/assessments?pageSize=200&${filter}`)).json();
      const [header, ...rows] = (await exported(c, `/api/assessments/export.xlsx?${filter}`)).考核评价;
      expect(rows.map((r) => [r[0], r[4]])).toEqual(
        listed.items.map((a: { name: string; stateLabel: string }) => [a.name, a.stateLabel]),
      );
      return { header, rows };
    };
    const all = await runs(office);
    expect(all.header).toEqual([
      '考核名称',
      '指标体系',
      '考核期间（起）',
      '考核期间（止）',
      '状态',
      '版本',
      '发布时间',
    ]);
    // Not published: no 发布时间 (an empty last cell is not stored).
    expect(all.rows.find((r) => r[0] === '导出测试考核')).toEqual([
      '导出测试考核',
      system.name,
      '2026-01-01',
      '2026-12-31',
      '待计算',
      '第1版',
    ]);
    const drafts = await runs(office, 'state=draft');
    expect(drafts.rows.length).toBeGreaterThan(0);
    expect(drafts.rows.every((r) => r[4] === '待计算')).toBe(true);
    const theirs = await runs(zhujian);
    expect(theirs.rows.length).toBeGreaterThan(0);
    expect(theirs.rows.map((r) => r[0])).not.toContain('导出测试考核');
    expect(theirs.rows.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(r[6]))).toBe(true);
    expect((await (await t.as('auditadmin')).get('/api/assessments/export.xlsx')).statusCode).toBe(403);
  });
});
