import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TStalls } from '../../../common/dashboard.schema.js';
import { rowsOf } from '../../platform/db/client.js';
import { useTestKeys } from '../complaints/complaints.fixtures.js';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { sql } from 'drizzle-orm';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // The complaints list decrypts what it shows: the demo's key, as `npm start` has it.
  useTestKeys();
});
afterAll(() => t.close());

const WIDE = 'from=2000-01-01&to=2099-12-31';

async function stallsOf(username: string, query = WIDE): Promise<TStalls> {
  const res = await (await t.as(username)).get(`/api/dashboard/stalls?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** percentile_cont: linear interpolation between the closest ranks, computed here without the database. */
function percentile(values: number[], p: number): number {
  const v = [...values].sort((a, b) => a - b);
  const pos = (v.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

interface Span {
  unit: string;
  start: Date;
  end: Date | null;
  limit: Date;
}

/** Count, median, p90 and stuck per unit, from spans built in JavaScript out of the raw rows. */
function figures(spans: Span[], now: Date) {
  const byUnit = new Map<string, Span[]>();
  for (const s of spans) byUnit.set(s.unit, [...(byUnit.get(s.unit) ?? []), s]);
  return new Map(
    [...byUnit].map(([unit, list]) => {
      const days = list.map((s) => ((s.end ?? now).getTime() - s.start.getTime()) / 86_400_000);
      return [
        unit,
        {
          count: list.length,
          median: percentile(days, 0.5),
          p90: percentile(days, 0.9),
          stuck: list.filter((s) => !s.end && now > s.limit).length,
        },
      ];
    }),
  );
}

const DAY = 86_400_000;
const raw = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(q));

/** The demo county's raw rows, turned into the spans of three links independently of the read models. */
async function independentSpans(): Promise<Record<string, Span[]>> {
  const region = sql`(SELECT id FROM regions WHERE code = 'DEMO')`;
  const problems = await raw<{ id: string; unit_id: string; dispatched_at: string; received_at: string | null }>(
    sql`SELECT id, unit_id, dispatched_at, received_at FROM problems
        WHERE region_id = ${region} AND deleted_at IS NULL AND dispatched_at IS NOT NULL`,
  );
  const events = await raw<{ problem_id: string; type: string; at: string }>(
    sql`SELECT problem_id, type, at FROM problem_events WHERE type IN ('request_close', 'close', 'reject_close')`,
  );
  const unitOf = new Map(problems.map((p) => [p.id, p.unit_id]));
  const receive = problems.map((p) => ({
    unit: p.unit_id,
    start: new Date(p.dispatched_at),
    end: p.received_at ? new Date(p.received_at) : null,
    limit: new Date(new Date(p.dispatched_at).getTime() + 3 * DAY),
  }));
  const close: Span[] = [];
  for (const rc of events.filter((e) => e.type === 'request_close' && unitOf.has(e.problem_id))) {
    const start = new Date(rc.at);
    const ends = events
      .filter((e) => e.problem_id === rc.problem_id && e.type !== 'request_close' && new Date(e.at) >= start)
      .map((e) => new Date(e.at).getTime());
    const unit = unitOf.get(rc.problem_id) as string;
    close.push({
      unit,
      start,
      end: ends.length ? new Date(Math.min(...ends)) : null,
      limit: new Date(start.getTime() + 10 * DAY),
    });
  }
  const warnings = await raw<{
    unit_id: string;
    issued_at: string;
    answered: string | null;
    left: string | null;
    deadline: string;
  }>(
    sql`SELECT w.unit_id, w.issued_at, w.deadline::text AS deadline,
          (SELECT min(e.at) FROM warning_events e WHERE e.warning_id = w.id AND e.type = 'answer') AS answered,
          CASE WHEN w.state IN ('issued', 'rectifying') THEN NULL ELSE COALESCE(w.closed_at, w.updated_at) END AS left
        FROM warnings w WHERE w.region_id = ${region} AND w.issued_at IS NOT NULL`,
  );
  const answer = warnings.map((w) => ({
    unit: w.unit_id,
    start: new Date(w.issued_at),
    end: w.answered ? new Date(w.answered) : w.left ? new Date(w.left) : null,
    // The end of the deadline day in China (UTC+8).
    limit: new Date(Date.parse(`${w.deadline}T00:00:00+08:00`) + DAY),
  }));
  return { 'problem.receive': receive, 'problem.close': close, 'warning.answer': answer };
}

describe('where the chain stalls (梗阻点)', () => {
  it('computes count, median, p90 and stuck per unit as the raw rows give them', async () => {
    const stalls = await stallsOf('leader');
    const now = new Date(stalls.asOf as string);
    const spans = await independentSpans();
    for (const [link, list] of Object.entries(spans)) {
      const expected = figures(list, now);
      const got = stalls.links.find((l) => l.link === link);
      expect(got, link).toBeDefined();
      expect(got?.rows.length, link).toBe(expected.size);
      for (const row of got?.rows ?? []) {
        const e = expected.get(row.unitId);
        expect(e, `${link} ${row.unitName}`).toBeDefined();
        expect(row.count, `${link} ${row.unitName}`).toBe(e?.count);
        expect(row.medianDays).toBeCloseTo(e?.median ?? -1, 3);
        expect(row.p90Days).toBeCloseTo(e?.p90 ?? -1, 3);
        expect(row.stuck, `${link} ${row.unitName} stuck`).toBe(e?.stuck);
      }
    }
    // The demo county has problems dispatched and received: the first link is not empty.
    expect(spans['problem.receive'].length).toBeGreaterThan(0);
    // Rows are sorted by stuck, most first; each opens its list filtered by unit and state.
    for (const l of stalls.links) {
      expect(l.rows.map((r) => r.stuck)).toEqual([...l.rows.map((r) => r.stuck)].sort((a, b) => b - a));
    }
    const receive = stalls.links[0].rows[0];
    expect(receive.path).toBe(`/problems?unitId=${receive.unitId}&state=dispatched`);
  });

  it('moves with the clock: an unreceived problem becomes stuck after its limit', async () => {
    const office = await t.as('office');
    const before = await stallsOf('leader');
    const [unit] = rowsOf<{ id: string }>(
      await t.database.db.execute(
        sql`SELECT id FROM units WHERE region_id = (SELECT id FROM regions WHERE code = 'DEMO') AND deleted_at IS NULL ORDER BY code LIMIT 1`,
      ),
    );
    const created = await office.post('/api/problems', {
      title: '测试梗阻问题',
      source: 'daily',
      unitId: unit.id,
      measures: [{ content: '整改措施', deadlineType: 'working', days: 30 }],
      dispatch: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    const row = (s: TStalls) => s.links[0].rows.find((r) => r.unitId === unit.id);
    const stuckBefore = row(before)?.stuck ?? 0;
    const countBefore = row(before)?.count ?? 0;
    const now = await stallsOf('leader');
    expect(row(now)?.count).toBe(countBefore + 1);
    await t.setClock(new Date(t.clock.now().getTime() + 5 * DAY).toISOString());
    const later = await stallsOf('leader');
    expect(row(later)?.stuck).toBeGreaterThanOrEqual(stuckBefore + 1);
  });

  it('shows region-wide readers the same figures, narrows to one unit, refuses others', async () => {
    // Open spans grow with the running clock between two requests: compare to the hundredth of a day.
    const same = (s: TStalls) =>
      s.links.map((l) =>
        l.rows.map((r) => ({ ...r, medianDays: r.medianDays.toFixed(2), p90Days: r.p90Days.toFixed(2) })),
      );
    const leader = await stallsOf('leader');
    expect(same(await stallsOf('office'))).toEqual(same(leader));
    expect(same(await stallsOf('zuzhibu'))).toEqual(same(leader));
    const unitId = leader.links[0].rows[0].unitId;
    const one = await stallsOf('leader', `${WIDE}&unitId=${unitId}`);
    for (const l of one.links) expect(l.rows.every((r) => r.unitId === unitId)).toBe(true);
    expect(one.links[0].rows[0].count).toBe(leader.links[0].rows.find((r) => r.unitId === unitId)?.count);
    const unknown = await (await t.as('leader')).get(`/api/dashboard/stalls?unitId=${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    for (const u of ['caseoffice', 'zhujian', 'fuxianzhang', 'group1']) {
      expect((await (await t.as(u)).get('/api/dashboard/stalls')).statusCode, u).toBe(403);
    }
    const bad = await (await t.as('leader')).get('/api/dashboard/stalls?from=2026-02-01&to=2026-01-01');
    expect(bad.statusCode).toBe(400);
  });
});

describe('stalls by 分管县领导', () => {
  it('adds up the units of each leader’s portfolio, and opens that leader’s problems', async () => {
    const byUnit = await stallsOf('leader');
    const res = await (await t.as('leader')).get(`/api/dashboard/stalls/by-leader?${WIDE}`);
    expect(res.statusCode, res.body).toBe(200);
    const byLeader = res.json();
    const leaderOf = new Map(
      rowsOf<{ id: string; leader: string | null }>(
        await t.database.db.execute(sql`SELECT id, leader_in_charge_person_id AS leader FROM units`),
      ).map((u) => [u.id, u.leader]),
    );
    for (const link of byUnit.links) {
      const expected = new Map<string, { count: number; stuck: number; units: number }>();
      for (const r of link.rows) {
        const leader = leaderOf.get(r.unitId);
        if (!leader) continue;
        const e = expected.get(leader) ?? { count: 0, stuck: 0, units: 0 };
        expected.set(leader, { count: e.count + r.count, stuck: e.stuck + r.stuck, units: e.units + 1 });
      }
      const got = byLeader.links.find((l: { link: string }) => l.link === link.link);
      expect(got.rows.length, link.link).toBe(expected.size);
      for (const r of got.rows) {
        expect({ count: r.count, stuck: r.stuck, units: r.units }, `${link.link} ${r.leaderName}`).toEqual(
          expected.get(r.leaderPersonId),
        );
        expect(r.leaderName.length).toBeGreaterThan(0);
      }
    }
    const receive = byLeader.links.find((l: { link: string }) => l.link === 'problem.receive').rows[0];
    expect(receive.path).toBe(`/problems?leaderPersonId=${receive.leaderPersonId}&state=dispatched`);
    const answer = byLeader.links.find((l: { link: string }) => l.link === 'warning.answer').rows[0];
    if (answer) expect(answer.path).toBe('/warnings?state=issued');
    expect((await (await t.as('zhujian')).get('/api/dashboard/stalls/by-leader')).statusCode).toBe(403);
  });
});

describe('the region overview (GET /api/dashboard)', () => {
  /** The API list behind a web drill-down path (/problems?… → /api/problems?…), its total for the same caller. */
  const totalOf = async (username: string, path: string) => {
    const [page, search] = path.split('?');
    const res = await (await t.as(username)).get(`/api${page}?${search ?? ''}&pageSize=1`);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    return res.json().total as number;
  };

  it('every element counts exactly the rows of the list it opens, for each reader and for one unit', async () => {
    for (const username of ['leader', 'office', 'zuzhibu']) {
      const res = await (await t.as(username)).get('/api/dashboard');
      expect(res.statusCode, res.body).toBe(200);
      const o = res.json();
      expect(o.sections.length).toBeGreaterThan(0);
      for (const s of o.sections)
        for (const i of s.items)
          expect(await totalOf(username, i.path), `${username} ${s.key} ${i.label}`).toBe(i.count);
    }
    const leader = (await (await t.as('leader')).get('/api/dashboard')).json();
    const keys = leader.sections.map((s: { key: string }) => s.key);
    expect(keys).toEqual(
      expect.arrayContaining(['problems.state', 'problems.color', 'problems.source', 'warnings.state']),
    );
    // The problem sections add up to the ledger.
    const ledger = await totalOf('leader', '/problems');
    for (const key of ['problems.state', 'problems.color', 'problems.source']) {
      const s = leader.sections.find((x: { key: string }) => x.key === key);
      expect(
        s.items.reduce((n: number, i: { count: number }) => n + i.count, 0),
        key,
      ).toBe(ledger);
    }
    // Counted again directly from the table: the region-wide leader sees every live problem of the region.
    const [{ n }] = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`SELECT count(*)::int AS n FROM problems p JOIN units u ON u.id = p.unit_id
        WHERE u.code = 'ZJJ' AND p.deleted_at IS NULL AND p.region_id = u.region_id`),
    );
    const zjjRow = rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT id FROM units WHERE code = 'ZJJ'`));
    const zjjState = (await (await t.as('leader')).get(`/api/dashboard?unitId=${zjjRow[0].id}`)).json().sections[0];
    expect(zjjState.items.reduce((sum: number, i: { count: number }) => sum + i.count, 0)).toBe(n);
    // One unit: only its problems, and every drill-down keeps the unit.
    const zjj = rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT id FROM units WHERE code = 'ZJJ'`))[0].id;
    const one = (await (await t.as('leader')).get(`/api/dashboard?unitId=${zjj}`)).json();
    for (const s of one.sections)
      for (const i of s.items) {
        expect(i.path).toContain(`unitId=${zjj}`);
        expect(await totalOf('leader', i.path)).toBe(i.count);
      }
    expect(one.sections.some((s: { key: string }) => s.key === 'complaints.channel')).toBe(false);
  });

  it('is refused to those without the command centre, and for a unit out of scope or a reversed period', async () => {
    for (const u of ['caseoffice', 'zhujian', 'fuxianzhang', 'group1']) {
      expect((await (await t.as(u)).get('/api/dashboard')).statusCode, u).toBe(403);
    }
    const leader = await t.as('leader');
    expect((await leader.get(`/api/dashboard?unitId=${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await leader.get('/api/dashboard?from=2026-02-01&to=2026-01-01')).statusCode).toBe(400);
  });
});

describe('the over-reach monitor (问责泛化)', () => {
  const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.database.db.execute(q))[0];

  it('counts the region as the raw rows give it, and flags the unit out of line in plain words', async () => {
    const leader = await t.as('leader');
    // This year on the demo county, counted again from the tables.
    const year = (await leader.get('/api/dashboard/overreach')).json();
    const from = year.from;
    const to = year.to;
    const cases = await one<{ n: number; c: number }>(sql`SELECT count(*)::int AS n,
        count(*) FILTER (WHERE c.situation = 11)::int AS c
      FROM case_subjects s JOIN cases c ON c.id = s.case_id JOIN units u ON u.id = s.unit_id
      WHERE c.deleted_at IS NULL AND c.decided_at IS NOT NULL
        AND (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date`);
    const warnings = await one<{ n: number }>(sql`SELECT count(*)::int AS n FROM warnings w
      WHERE w.issued_at IS NOT NULL AND (w.issued_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${from}::date AND ${to}::date`);
    expect(year.region).toMatchObject({ cases: cases.n, casesCatchAll: cases.c, warnings: warnings.n });

    // 2020: 林业局 decides four subjects, all under the catch-all and in the third form; three units two each.
    const ids = rowsOf<{ id: string; code: string; region_id: string }>(
      await t.database.db.execute(
        sql`SELECT id, code, region_id FROM units WHERE code IN ('LYJ', 'SWJ', 'CZJ', 'GAJ')`,
      ),
    );
    expect(ids).toHaveLength(4);
    let n = 0;
    const decide = async (unitId: string, regionId: string, situation: number, form: number) => {
      n += 1;
      const c = await one<{ id: string }>(sql`INSERT INTO cases (region_id, code, kind, title, situation, source_type,
          state, created_at, decided_at)
        VALUES (${regionId}, ${`OR-${n}`}, 'party', '泛化测试', ${situation}, 'manual', 'decided',
          '2020-03-01T10:00:00+08:00', '2020-06-01T10:00:00+08:00') RETURNING id`);
      await t.database.db.execute(sql`INSERT INTO case_subjects (case_id, seq, subject_type, unit_id, name, forms, form_of_four)
        VALUES (${c.id}, 1, 'unit', ${unitId}, '测试对象', '[]', ${form})`);
    };
    const lyj = ids.find((u) => u.code === 'LYJ') as { id: string; region_id: string };
    for (let i = 0; i < 4; i++) await decide(lyj.id, lyj.region_id, 11, 3);
    for (const u of ids.filter((x) => x.code !== 'LYJ'))
      for (let i = 0; i < 2; i++) await decide(u.id, u.region_id, 1, 1);

    const o = (await leader.get('/api/dashboard/overreach?from=2020-01-01&to=2020-12-31')).json();
    expect(o.region).toMatchObject({ cases: 10, casesCatchAll: 4, forms: [6, 0, 4, 0] });
    expect(o.units[0]).toMatchObject({ unitId: lyj.id, cases: 4, casesCatchAll: 4, forms: [0, 0, 4, 0] });
    expect(o.units[0].flags).toEqual([
      '问责兜底条款使用偏多：4件中4件适用第七条第（十一）项（100%），全区域为40%',
      '处理偏重：4人次中第三、四种形态4人次（100%），全区域为40%',
    ]);
    expect(o.units.slice(1).every((u: { flags: string[] }) => u.flags.length === 0)).toBe(true);
    // One unit, and the refusals.
    const mine = (await leader.get(`/api/dashboard/overreach?from=2020-01-01&to=2020-12-31&unitId=${lyj.id}`)).json();
    expect(mine.units.map((u: { unitId: string }) => u.unitId)).toEqual([lyj.id]);
    expect(mine.region.cases).toBe(10);
    expect((await leader.get(`/api/dashboard/overreach?unitId=${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await (await t.as('zhujian')).get('/api/dashboard/overreach')).statusCode).toBe(403);
    // The export is the screen's rows (flags included), then the region.
    const sheet = await sheetOf('/api/dashboard/overreach.xlsx?from=2020-01-01&to=2020-12-31');
    expect(sheet[2]).toEqual([
      '单位',
      '问责人次',
      '其中适用兜底条款',
      '兜底占比(%)',
      '提醒函',
      '其中适用兜底条款',
      '谈话',
      '第一种形态',
      '第二种形态',
      '第三种形态',
      '第四种形态',
      '提示',
    ]);
    expect(sheet[3].slice(0, 4)).toEqual([o.units[0].unitName, 4, 4, 100]);
    expect(sheet[3][11]).toBe(o.units[0].flags.join('；'));
    expect(sheet.at(-1)?.slice(0, 3)).toEqual(['全区域合计', 10, 4]);
    expect(sheet).toHaveLength(3 + o.units.length + 1);
    expect((await (await t.as('zhujian')).get('/api/dashboard/overreach.xlsx')).statusCode).toBe(403);
  });
});

/** The rows of an export's first sheet (row 1 the title, row 2 the header; ExcelJS counts from 1). */
async function sheetOf(url: string): Promise<unknown[][]> {
  const res = await (await t.as('leader')).get(url);
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as never);
  return (wb.worksheets[0].getSheetValues() as unknown[][]).map((r) => (r ?? []).slice(1));
}

describe('the burden meter (减负)', () => {
  const count = async (q: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await t.database.db.execute(q))[0].n;

  it('counts what each unit was asked for, as the raw rows give it, and the records its reports reused', async () => {
    const leader = await t.as('leader');
    const from = '2000-01-01';
    const to = '2099-12-31';
    const b = (await leader.get(`/api/dashboard/burden?from=${from}&to=${to}`)).json();
    const zjj = rowsOf<{ id: string }>(await t.database.db.execute(sql`SELECT id FROM units WHERE code = 'ZJJ'`))[0].id;
    const row = b.units.find((u: { unitId: string }) => u.unitId === zjj);
    const received = await count(
      sql`SELECT count(*)::int AS n FROM problems WHERE unit_id = ${zjj} AND deleted_at IS NULL AND dispatched_at IS NOT NULL`,
    );
    const progress =
      await count(sql`SELECT count(*)::int AS n FROM problem_events e JOIN problems p ON p.id = e.problem_id
      WHERE p.unit_id = ${zjj} AND p.deleted_at IS NULL AND e.type = 'report_progress'`);
    const letters = await count(
      sql`SELECT count(*)::int AS n FROM warnings WHERE unit_id = ${zjj} AND issued_at IS NOT NULL`,
    );
    const items =
      await count(sql`SELECT count(*)::int AS n FROM dispatch_items i JOIN dispatches d ON d.id = i.dispatch_id
      WHERE d.unit_id = ${zjj} AND d.issued_on IS NOT NULL`);
    const records =
      await count(sql`SELECT count(*)::int AS n FROM fulfilments f JOIN dispatches d ON d.id = f.dispatch_id
      WHERE d.unit_id = ${zjj}`);
    const reports = await count(
      sql`SELECT count(*)::int AS n FROM responsibility_reports WHERE unit_id = ${zjj} AND submitted_at IS NOT NULL`,
    );
    const messages = await count(sql`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id
      JOIN people p ON p.id = u.person_id WHERE p.unit_id = ${zjj}`);
    expect(row.byKind).toMatchObject({
      'problems.received': received,
      'problems.progress': progress,
      'warnings.letters': letters,
      'responsibility.items': items,
      'responsibility.records': records,
      'responsibility.reports': reports,
      'notifications.messages': messages,
    });
    expect(row).toMatchObject({ items: received + letters + items, reports: progress + records + reports, messages });
    // Reused: for each submitted report, the records of the unit's lists of that quarter it was assembled from.
    const submitted = rowsOf<{ year: number; quarter: number }>(
      await t.database.db.execute(
        sql`SELECT year, quarter FROM responsibility_reports WHERE unit_id = ${zjj} AND submitted_at IS NOT NULL`,
      ),
    );
    let reused = 0;
    for (const r of submitted)
      reused += await count(sql`SELECT count(*)::int AS n FROM fulfilments f JOIN dispatches d ON d.id = f.dispatch_id
        WHERE d.unit_id = ${zjj} AND d.year = ${r.year} AND d.quarter = ${r.quarter}`);
    expect(row.reused).toBe(reused);
    expect(received + progress + items).toBeGreaterThan(0);
    // The region is the sum of its units; the heaviest unit comes first.
    const sumOf = (k: string) => b.units.reduce((n: number, u: Record<string, number>) => n + u[k], 0);
    expect(b.region.items).toBe(sumOf('items'));
    expect(b.region.reports).toBe(sumOf('reports'));
    const load = (u: { items: number; reports: number }) => u.items + u.reports;
    expect(load(b.units[0])).toBeGreaterThanOrEqual(load(b.units[b.units.length - 1]));
    // Default period: this quarter.
    const quarter = (await leader.get('/api/dashboard/burden')).json();
    expect(quarter.from).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    expect((await (await t.as('zhujian')).get('/api/dashboard/burden')).statusCode).toBe(403);
    const sheet = await sheetOf(`/api/dashboard/burden.xlsx?from=${from}&to=${to}`);
    expect(sheet[3].slice(0, 3)).toEqual([b.units[0].unitName, b.units[0].items, b.units[0].reports]);
    expect(sheet.at(-1)?.slice(0, 3)).toEqual(['全区域合计', b.region.items, b.region.reports]);
    expect(sheet).toHaveLength(3 + b.units.length + 1);
  });
});

describe('the annual report (年度工作报告)', () => {
  const xmlOf = (body: Buffer) =>
    strFromU8(unzipSync(new Uint8Array(body))['word/document.xml']).replace(/<[^>]+>/g, '');

  it('is a 草稿 with the year’s figures until a leader issues it; issued, it keeps its number, date and text', async () => {
    const leader = await t.as('leader');
    const office = await t.as('office');
    const year = Number((await leader.get('/api/dashboard/burden')).json().to.slice(0, 4));
    const draft = await office.get(`/api/reports/annual.docx?year=${year}`);
    expect(draft.statusCode, draft.body).toBe(200);
    const text = xmlOf(draft.rawPayload);
    expect(text).toContain('草稿');
    expect(text).toContain(`关于${year}年度全面从严治党责任链条工作情况的报告`);
    const resp = (await leader.get(`/api/responsibility/figures?year=${year}`)).json();
    expect(text).toContain(`全年派发主体责任清单${resp.total.lists}份，涉及责任事项${resp.total.items}条`);
    const sc = resp.spotChecks;
    expect(sc.checks).toBeGreaterThan(0); // the demo's concluded check
    expect(text).toContain(
      `开展定期抽查${sc.checks}次，抽查责任事项${sc.items}条，发现不实或不到位${sc.negative}条，转为问题交办${sc.problems}个。`,
    );
    expect(text).toContain('第一种形态');
    // The charts are Word charts carrying the report's own figures: 四种形态 by count, complaints by channel.
    const parts = unzipSync(new Uint8Array(draft.rawPayload));
    const charts = Object.keys(parts).filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(2);
    const cached = (xml: string) => [...xml.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
    const [forms, channels] = charts.sort().map((p) => strFromU8(parts[p]));
    expect(forms).toContain('“四种形态”人次');
    const acts = (await leader.get(`/api/dashboard/overreach?from=${year}-01-01`)).json().region.forms as number[];
    expect(cached(forms)).toEqual(expect.arrayContaining(['第一种形态', ...acts.map(String)]));
    expect(channels).toContain('<c:pieChart>');
    expect(channels).toContain('信访举报来源渠道');

    expect((await office.post('/api/reports/annual/issue', { year })).statusCode).toBe(403);
    const issued = await leader.post('/api/reports/annual/issue', { year });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({
      year,
      number: expect.stringMatching(new RegExp(`报〔${year}〕\\d+号$`)),
      alreadyIssued: false,
    });
    const again = (await leader.post('/api/reports/annual/issue', { year })).json();
    expect(again).toMatchObject({
      number: issued.json().number,
      issuedOn: issued.json().issuedOn,
      alreadyIssued: true,
    });

    const first = await office.get(`/api/reports/annual.docx?year=${year}`);
    const firstText = xmlOf(first.rawPayload);
    expect(firstText).toContain(issued.json().number);
    expect(firstText).not.toContain('草稿');
    // Later downloads serve the issued copy, whatever happens to the data meanwhile.
    await t.database.db.execute(
      sql`UPDATE dispatches SET year = year - 1 WHERE id = (SELECT id FROM dispatches WHERE year = ${year} LIMIT 1)`,
    );
    const second = await leader.get(`/api/reports/annual.docx?year=${year}`);
    expect(Buffer.compare(second.rawPayload, first.rawPayload)).toBe(0);

    expect((await leader.get(`/api/reports/annual.docx?year=${year + 1}`)).json().code).toBe('YEAR_IN_FUTURE');
    for (const u of ['zhujian', 'zuzhibu'])
      expect((await (await t.as(u)).get(`/api/reports/annual.docx?year=${year}`)).statusCode, u).toBe(403);
  });
});
