/**
 * The year's figures of 明责 (seed 004: "季度主体责任清单90份, 涉及责任事项403条, 增派清单18份, 涉及责任事项125条"),
 * counted in SQL over what the caller may see (the dispatches' own scope): one grouped statement gives the lists,
 * items, fulfilled and on-time items per period × kind × recipient kind; every breakdown is a sum of those cells.
 */
import { type SQL, sql } from 'drizzle-orm';
import { DISPATCH_KINDS, type DispatchKind, RECIPIENT_KINDS } from '../../../common/responsibility.js';
import {
  NEGATIVE_VERDICTS,
  SPOT_CHECK_VERDICTS,
  type SpotCheckVerdict,
} from '../../../common/responsibility.spot-checks.js';
import { type Ctx, type Scope, actorOf } from '../../platform/context.js';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import { dispatchScope } from './responsibility.repository.js';

/** County leaders, or units (a unit's list and its leadership's list alike). */
export const RECIPIENT_GROUPS = { leader: '县级领导', unit: '单位' } as const;
type RecipientGroup = keyof typeof RECIPIENT_GROUPS;

interface Cell {
  quarter: number | null;
  kind: string;
  recipient_kind: string;
  lists: number;
  items: number;
  fulfilled: number;
  on_time: number;
}

/**
 * A list's period: its quarter; a list without one (增派单, 整改派单) counts in the quarter it was issued in;
 * 年初提示 belong to the year (null).
 */
const PERIOD = sql`coalesce(dispatches.quarter,
  CASE WHEN dispatches.kind <> 'prompt' THEN extract(quarter FROM dispatches.issued_on)::int END)`;

const issuedOf = (scope: Scope, year: number): SQL =>
  sql`${dispatchScope(scope)} AND dispatches.year = ${year} AND dispatches.state <> 'draft'`;

/** Lists, items, fulfilled and on-time items per period × kind × recipient kind: one grouped statement. */
export async function figureCells(db: Executor, scope: Scope, year: number): Promise<Cell[]> {
  const rows = rowsOf<Cell>(
    await db.execute(sql`
      SELECT ${PERIOD} AS quarter, dispatches.kind, dispatches.recipient_kind,
             count(DISTINCT dispatches.id)::int AS lists, count(i.id)::int AS items,
             count(i.fulfilled_on)::int AS fulfilled,
             (count(*) FILTER (WHERE i.fulfilled_on <= i.deadline))::int AS on_time
      FROM dispatches LEFT JOIN dispatch_items i ON i.dispatch_id = dispatches.id
      WHERE ${issuedOf(scope, year)}
      GROUP BY 1, 2, 3 ORDER BY 1 NULLS FIRST, 2, 3`),
  );
  return rows.map((r) => ({
    ...r,
    quarter: r.quarter === null ? null : Number(r.quarter),
    lists: Number(r.lists),
    items: Number(r.items),
    fulfilled: Number(r.fulfilled),
    on_time: Number(r.on_time),
  }));
}

/** The quarterly reports (alias `r`) the caller may see (the reports' own scope). */
export const reportScope = (scope: Scope): SQL =>
  sql`r.region_id = ${scope.regionId} AND ${
    scope.allUnits
      ? sql`true`
      : sql`(r.unit_id = ANY(${`{${scope.unitIds.join(',')}}`}::uuid[]) OR r.recipient_person_id = ${scope.personId})`
  }`;

/** The year's quarterly reports by state, over the reports the caller may see. */
async function reportStates(db: Executor, scope: Scope, year: number) {
  const rows = rowsOf<{ state: string; n: number }>(
    await db.execute(sql`
      SELECT r.state, count(*)::int AS n FROM responsibility_reports r
      WHERE ${reportScope(scope)} AND r.year = ${year}
      GROUP BY r.state ORDER BY 1`),
  );
  return rows.map((r) => ({ state: r.state, n: Number(r.n) }));
}

/**
 * 定期抽查 results of the year's concluded checks, over the sampled reports the caller may see: checks, reports
 * and items sampled, items per verdict (属实 / 不实 / 不到位 / 未核查) and negative verdicts turned into problems.
 */
async function spotCheckResults(db: Executor, scope: Scope, year: number) {
  const [totals] = rowsOf<{ checks: number; reports: number; items: number; problems: number }>(
    await db.execute(sql`
      SELECT count(DISTINCT v.spot_check_id)::int AS checks, count(DISTINCT v.report_id)::int AS reports,
             count(*)::int AS items, count(v.problem_id)::int AS problems
      FROM spot_check_verdicts v
      JOIN spot_checks c ON c.id = v.spot_check_id
      JOIN responsibility_reports r ON r.id = v.report_id
      WHERE c.year = ${year} AND c.state = 'concluded' AND c.region_id = ${scope.regionId} AND ${reportScope(scope)}`),
  );
  const byVerdict = rowsOf<{ verdict: string | null; n: number }>(
    await db.execute(sql`
      SELECT v.verdict, count(*)::int AS n
      FROM spot_check_verdicts v
      JOIN spot_checks c ON c.id = v.spot_check_id
      JOIN responsibility_reports r ON r.id = v.report_id
      WHERE c.year = ${year} AND c.state = 'concluded' AND c.region_id = ${scope.regionId} AND ${reportScope(scope)}
      GROUP BY v.verdict`),
  );
  const n = (v: string | null) => Number(byVerdict.find((x) => x.verdict === v)?.n ?? 0);
  const items = Number(totals?.items ?? 0);
  const negative = NEGATIVE_VERDICTS.reduce((sum, v) => sum + n(v), 0);
  return {
    checks: Number(totals?.checks ?? 0),
    reports: Number(totals?.reports ?? 0),
    items,
    byVerdict: [
      ...(Object.keys(SPOT_CHECK_VERDICTS) as SpotCheckVerdict[]).map((v) => ({
        verdict: v as string | null,
        label: SPOT_CHECK_VERDICTS[v] as string,
        n: n(v),
      })),
      { verdict: null, label: '未核查', n: n(null) },
    ],
    /** Items found 不实 or 不到位, and their share of the checked items. */
    negative,
    negativeRate: rate(negative, items - n(null)),
    problems: Number(totals?.problems ?? 0),
  };
}

const rate = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);
const groupOf = (recipientKind: string): RecipientGroup => (recipientKind === 'leader' ? 'leader' : 'unit');

/** Sums of the cells by a key, in the order keys first appear. */
function sumBy<K extends string>(cells: Cell[], key: (c: Cell) => K) {
  const out = new Map<K, { lists: number; items: number; fulfilled: number; onTime: number }>();
  for (const c of cells) {
    const s = out.get(key(c)) ?? { lists: 0, items: 0, fulfilled: 0, onTime: 0 };
    out.set(key(c), {
      lists: s.lists + c.lists,
      items: s.items + c.items,
      fulfilled: s.fulfilled + c.fulfilled,
      onTime: s.onTime + c.on_time,
    });
  }
  return out;
}

const withRates = (s: { lists: number; items: number; fulfilled: number; onTime: number }) => ({
  ...s,
  fulfilmentRate: rate(s.fulfilled, s.items),
  onTimeRate: rate(s.onTime, s.items),
});

/** The year's figures (seed 004's counts) over what the caller may see. */
export async function responsibilityFigures(ctx: Ctx, year: number) {
  const scope = actorOf(ctx).scope;
  const cells = await figureCells(ctx.db, scope, year);
  const all = sumBy(cells, () => 'all').get('all') ?? { lists: 0, items: 0, fulfilled: 0, onTime: 0 };
  const extra = sumBy(
    cells.filter((c) => c.kind === 'extra'),
    () => 'all',
  ).get('all') ?? { lists: 0, items: 0, fulfilled: 0, onTime: 0 };
  const byRecipient = sumBy(cells, (c) => groupOf(c.recipient_kind));
  const extraByRecipient = sumBy(
    cells.filter((c) => c.kind === 'extra'),
    (c) => groupOf(c.recipient_kind),
  );
  return {
    year,
    /** Every cell: period × kind × recipient kind, with fulfilment. */
    cells: cells.map((c) => ({
      quarter: c.quarter,
      kind: c.kind,
      kindLabel: DISPATCH_KINDS[c.kind as DispatchKind] ?? c.kind,
      recipientKind: c.recipient_kind,
      recipientKindLabel: RECIPIENT_KINDS[c.recipient_kind as keyof typeof RECIPIENT_KINDS] ?? c.recipient_kind,
      recipientGroup: groupOf(c.recipient_kind),
      lists: c.lists,
      items: c.items,
      itemsFulfilled: c.fulfilled,
      itemsOnTime: c.on_time,
    })),
    byKind: [...sumBy(cells, (c) => `${c.kind}|${c.recipient_kind}`)].map(([k, s]) => {
      const [kind, recipientKind] = k.split('|');
      return { kind, kindLabel: DISPATCH_KINDS[kind as DispatchKind] ?? kind, recipientKind, ...s };
    }),
    byPeriod: [...sumBy(cells, (c) => String(c.quarter) as string)].map(([q, s]) => ({
      quarter: q === 'null' ? null : Number(q),
      ...withRates(s),
    })),
    byRecipient: (Object.keys(RECIPIENT_GROUPS) as RecipientGroup[]).map((g) => {
      const s = byRecipient.get(g) ?? { lists: 0, items: 0, fulfilled: 0, onTime: 0 };
      const x = extraByRecipient.get(g) ?? { lists: 0, items: 0 };
      return {
        recipientGroup: g,
        label: RECIPIENT_GROUPS[g],
        ...withRates(s),
        extraLists: x.lists,
        extraItems: x.items,
      };
    }),
    total: { lists: all.lists, items: all.items },
    extra: { lists: extra.lists, items: extra.items },
    itemsDue: all.items,
    itemsFulfilled: all.fulfilled,
    itemsOnTime: all.onTime,
    fulfilmentRate: rate(all.fulfilled, all.items),
    onTimeRate: rate(all.onTime, all.items),
    reports: await reportStates(ctx.db, scope, year),
    spotChecks: await spotCheckResults(ctx.db, scope, year),
  };
}
