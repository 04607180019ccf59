import { and, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../test/harness.js';
import { readWorkbook } from '../../test/xlsx.js';
import { spotCheckVerdicts, spotChecks } from './responsibility.spot-checks.tables.js';
import { dispatchItems, dispatches, responsibilityReports } from './responsibility.tables.js';

let t: TestApp;
let office: Client;
let zuzhibu: Client;
let fu: Client;
let zhujian: Client;
let paizhu1: Client;
let group1: Client;

beforeAll(async () => {
  t = await createTestApp();
  [office, zuzhibu, fu, zhujian, paizhu1, group1] = await Promise.all(
    ['office', 'zuzhibu', 'fuxianzhang', 'zhujian', 'paizhu1', 'group1'].map((u) => t.as(u)),
  );
});
afterAll(() => t.close());

const db = () => t.database.db;
const rate = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);

type Scope = { allUnits: boolean; unitIds: string[]; personId: string | null };

/** The year's issued lists and their items as plain rows, filtered in JS by the caller's scope. */
async function independent(year: number, scope: Scope) {
  const issued = and(eq(dispatches.year, year), ne(dispatches.state, 'draft'), isNull(dispatches.deletedAt));
  const seen = (d: { unitId: string | null; recipientPersonId: string | null }) =>
    scope.allUnits ||
    (d.unitId !== null && scope.unitIds.includes(d.unitId)) ||
    (d.recipientPersonId !== null && d.recipientPersonId === scope.personId);
  const lists = (await db().select().from(dispatches).where(issued)).filter(seen);
  const ids = new Set(lists.map((d) => d.id));
  const items = (await db().select().from(dispatchItems)).filter((i) => ids.has(i.dispatchId));
  const byId = new Map(lists.map((d) => [d.id, d]));
  // The period of a list: its quarter, else (not a year-start prompt) the quarter it was issued in.
  const period = (d: (typeof lists)[number]) =>
    d.quarter ?? (d.kind !== 'prompt' && d.issuedOn ? Math.ceil(Number(d.issuedOn.slice(5, 7)) / 3) : null);
  const group = (d: (typeof lists)[number]) => (d.recipientKind === 'leader' ? 'leader' : 'unit');
  const count = (pick: (d: (typeof lists)[number]) => boolean) => {
    const its = items.filter((i) => pick(byId.get(i.dispatchId) as (typeof lists)[number]));
    return {
      lists: lists.filter(pick).length,
      items: its.length,
      fulfilled: its.filter((i) => i.fulfilledOn).length,
      onTime: its.filter((i) => i.fulfilledOn && i.fulfilledOn <= i.deadline).length,
    };
  };
  return { lists, items, period, group, count };
}

/** The year's concluded spot-check verdicts on reports the scope may see, counted in JS. */
async function independentSpotChecks(year: number, scope: Scope) {
  const checks = new Set(
    (await db().select().from(spotChecks)).filter((c) => c.year === year && c.state === 'concluded').map((c) => c.id),
  );
  const reports = new Map((await db().select().from(responsibilityReports)).map((r) => [r.id, r]));
  const seen = (id: string) => {
    const r = reports.get(id);
    return (
      !!r &&
      (scope.allUnits ||
        (r.unitId !== null && scope.unitIds.includes(r.unitId)) ||
        (r.recipientPersonId !== null && r.recipientPersonId === scope.personId))
    );
  };
  const v = (await db().select().from(spotCheckVerdicts)).filter((x) => checks.has(x.spotCheckId) && seen(x.reportId));
  const n = (verdict: string | null) => v.filter((x) => x.verdict === verdict).length;
  return {
    checks: new Set(v.map((x) => x.spotCheckId)).size,
    reports: new Set(v.map((x) => x.reportId)).size,
    items: v.length,
    accurate: n('accurate'),
    negative: n('untrue') + n('inadequate'),
    unchecked: n(null),
    problems: v.filter((x) => x.problemId).length,
  };
}

async function scopeOf(c: Client): Promise<Scope> {
  return (await c.get('/api/me')).json().scope;
}

describe('figures', () => {
  it('equal the counts made independently from the tables, in every breakdown', async () => {
    const y = t.clock.now().getFullYear();
    const f = (await office.get(`/api/responsibility/figures?year=${y}`)).json();
    const x = await independent(y, await scopeOf(office));
    expect(x.lists.length).toBeGreaterThan(0);
    const all = x.count(() => true);
    expect(f.total).toEqual({ lists: all.lists, items: all.items });
    expect(f.itemsDue).toBe(all.items);
    expect(f.itemsFulfilled).toBe(all.fulfilled);
    expect(f.itemsOnTime).toBe(all.onTime);
    expect(f.fulfilmentRate).toBe(rate(all.fulfilled, all.items));
    expect(f.onTimeRate).toBe(rate(all.onTime, all.items));
    const extra = x.count((d) => d.kind === 'extra');
    expect(extra.lists).toBeGreaterThan(0);
    expect(f.extra).toEqual({ lists: extra.lists, items: extra.items });

    // Every cell: period × kind × recipient kind.
    const keys = new Set(x.lists.map((d) => `${x.period(d)}|${d.kind}|${d.recipientKind}`));
    expect(f.cells).toHaveLength(keys.size);
    for (const c of f.cells) {
      const n = x.count((d) => x.period(d) === c.quarter && d.kind === c.kind && d.recipientKind === c.recipientKind);
      expect(c).toMatchObject({
        lists: n.lists,
        items: n.items,
        itemsFulfilled: n.fulfilled,
        itemsOnTime: n.onTime,
        recipientGroup: x.group({ recipientKind: c.recipientKind } as (typeof x.lists)[number]),
      });
    }
    // By period, including the year-start prompts (null).
    for (const p of f.byPeriod) {
      const n = x.count((d) => x.period(d) === p.quarter);
      expect(p).toMatchObject({ lists: n.lists, items: n.items, fulfilled: n.fulfilled, onTime: n.onTime });
      expect(p.fulfilmentRate).toBe(rate(n.fulfilled, n.items));
    }
    expect(f.byPeriod.reduce((s: number, p: { lists: number }) => s + p.lists, 0)).toBe(all.lists);
    expect(f.byPeriod.some((p: { quarter: number | null }) => p.quarter === null)).toBe(true);
    // County leaders' and units' lists (seed 004's "县级领导" figures), with their extra lists.
    for (const g of f.byRecipient) {
      const n = x.count((d) => x.group(d) === g.recipientGroup);
      const e = x.count((d) => x.group(d) === g.recipientGroup && d.kind === 'extra');
      expect(g).toMatchObject({
        lists: n.lists,
        items: n.items,
        fulfilled: n.fulfilled,
        onTime: n.onTime,
        onTimeRate: rate(n.onTime, n.items),
        extraLists: e.lists,
        extraItems: e.items,
      });
    }
    expect(f.byRecipient.map((g: { label: string }) => g.label)).toEqual(['县级领导', '单位']);
    for (const k of f.byKind) {
      const n = x.count((d) => d.kind === k.kind && d.recipientKind === k.recipientKind);
      expect(k).toMatchObject({ lists: n.lists, items: n.items });
    }
    // Reports by state.
    const reports = await db().select().from(responsibilityReports).where(eq(responsibilityReports.year, y));
    for (const r of f.reports) expect(r.n).toBe(reports.filter((x) => x.state === r.state).length);
    // 定期抽查 results (the demo concludes one check with a 不到位 verdict).
    const sc = await independentSpotChecks(y, await scopeOf(office));
    expect(sc.items).toBeGreaterThan(0);
    expect(sc.negative).toBeGreaterThan(0);
    expect(f.spotChecks).toMatchObject({
      checks: sc.checks,
      reports: sc.reports,
      items: sc.items,
      problems: sc.problems,
      negative: sc.negative,
      negativeRate: rate(sc.negative, sc.items - sc.unchecked),
    });
    const verdict = (label: string) => f.spotChecks.byVerdict.find((b: { label: string }) => b.label === label).n;
    expect(verdict('属实')).toBe(sc.accurate);
    expect(verdict('不实') + verdict('不到位')).toBe(sc.negative);
    expect(verdict('未核查')).toBe(sc.unchecked);
    // Another year has nothing.
    const empty = (await office.get('/api/responsibility/figures?year=2001')).json();
    expect(empty).toMatchObject({ total: { lists: 0, items: 0 }, fulfilmentRate: 0, cells: [], byPeriod: [] });
  });

  it('count only what the caller may see', async () => {
    const y = t.clock.now().getFullYear();
    for (const c of [zuzhibu, fu, zhujian, paizhu1]) {
      const scope = await scopeOf(c);
      const x = await independent(y, scope);
      const f = (await c.get(`/api/responsibility/figures?year=${y}`)).json();
      const all = x.count(() => true);
      expect(f.total).toEqual({ lists: all.lists, items: all.items });
      expect(f.itemsFulfilled).toBe(all.fulfilled);
      expect(f.itemsOnTime).toBe(all.onTime);
      for (const g of f.byRecipient) expect(g.lists).toBe(x.count((d) => x.group(d) === g.recipientGroup).lists);
      const sc = await independentSpotChecks(y, scope);
      expect(f.spotChecks).toMatchObject({ checks: sc.checks, items: sc.items, problems: sc.problems });
    }
    // A county leader sees his own lists and those of the units in his charge; a unit only its own.
    const own = (await fu.get(`/api/responsibility/figures?year=${y}`)).json();
    expect(own.byRecipient[0].lists).toBeGreaterThan(0);
    const unit = (await zhujian.get(`/api/responsibility/figures?year=${y}`)).json();
    expect(unit.byRecipient[0].lists).toBe(0);
    expect(unit.total.lists).toBeGreaterThan(0);
  });

  it('year-end: one row per recipient, equal to the lists, reports and verdicts counted independently', async () => {
    const y = t.clock.now().getFullYear();
    for (const c of [office, fu, zhujian]) {
      const scope = await scopeOf(c);
      const x = await independent(y, scope);
      const res = await c.get(`/api/responsibility/year-end?year=${y}`);
      expect(res.statusCode, res.body).toBe(200);
      const rows = res.json().items as {
        recipientGroup: string;
        recipientId: string;
        recipientName: string;
        lists: number;
        items: number;
        fulfilled: number;
        onTime: number;
        extraLists: number;
        extraItems: number;
        reports: (string | null)[];
        spotChecked: number;
        spotNegative: number;
      }[];
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        const mine = (d: (typeof x.lists)[number]) =>
          r.recipientGroup === 'leader'
            ? d.recipientKind === 'leader' && d.recipientPersonId === r.recipientId
            : d.recipientKind !== 'leader' && d.unitId === r.recipientId;
        const n = x.count(mine);
        const e = x.count((d) => mine(d) && d.kind === 'extra');
        expect(r, r.recipientName).toMatchObject({
          lists: n.lists,
          items: n.items,
          fulfilled: n.fulfilled,
          onTime: n.onTime,
          extraLists: e.lists,
          extraItems: e.items,
        });
        expect(r.recipientName).not.toBe('');
      }
      const sum = (k: 'lists' | 'items' | 'extraItems') => rows.reduce((s, r) => s + r[k], 0);
      const all = x.count(() => true);
      expect(sum('lists')).toBe(all.lists);
      expect(sum('items')).toBe(all.items);
      expect(sum('extraItems')).toBe(x.count((d) => d.kind === 'extra').items);
      const sc = await independentSpotChecks(y, scope);
      expect(rows.reduce((s, r) => s + r.spotNegative, 0)).toBe(sc.negative);
      // Reports: every report the caller may see appears once, in its quarter.
      const reports = (await db().select().from(responsibilityReports).where(eq(responsibilityReports.year, y))).filter(
        (r) =>
          scope.allUnits ||
          (r.unitId !== null && scope.unitIds.includes(r.unitId)) ||
          (r.recipientPersonId !== null && r.recipientPersonId === scope.personId),
      );
      expect(rows.flatMap((r) => r.reports).filter(Boolean)).toHaveLength(reports.length);
    }
    // A unit sees only its own row; the export has the same rows.
    const unit = (await zhujian.get(`/api/responsibility/year-end?year=${y}`)).json().items;
    expect(unit.every((r: { recipientGroup: string }) => r.recipientGroup === 'unit')).toBe(true);
    const xlsx = await office.get(`/api/responsibility/year-end.xlsx?year=${y}`);
    expect(xlsx.statusCode).toBe(200);
    const sheet = (await readWorkbook(xlsx.rawPayload)).年终汇总;
    expect(sheet[0][0]).toBe(`${y}年度落实全面从严治党主体责任年终汇总表`);
    expect(sheet[1].slice(0, 4)).toEqual(['责任主体类别', '责任主体', '清单（份）', '责任事项（条）']);
    const all = (await office.get(`/api/responsibility/year-end?year=${y}`)).json().items;
    expect(sheet.length - 2).toBe(all.length);
    expect(sheet.slice(2).map((r) => r[1])).toEqual(all.map((r: { recipientName: string }) => r.recipientName));
    expect((await group1.get(`/api/responsibility/year-end?year=${y}`)).statusCode).toBe(403);
  });
});
