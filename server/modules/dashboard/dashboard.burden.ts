import { BURDEN_KINDS, BURDEN_KIND_KEYS, type BurdenKind } from '../../../common/dashboard.js';
import type { StallsQuery, TBurden } from '../../../common/dashboard.schema.js';
import { type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { mayViewUnit, visibleUnits } from './dashboard.policy.js';
import { burdenRows, unitInRegion } from './dashboard.repository.js';

type Totals = TBurden['region'];
const empty = (): Totals => ({
  items: 0,
  reports: 0,
  messages: 0,
  reused: 0,
  byKind: Object.fromEntries(BURDEN_KIND_KEYS.map((k) => [k, 0])),
});

function add(t: Totals, kind: string, n: number, reused: number) {
  const demand = BURDEN_KINDS[kind as BurdenKind]?.demand;
  if (!demand) return;
  if (demand === 'item') t.items += n;
  else if (demand === 'report') t.reports += n;
  else t.messages += n;
  t.reused += reused;
  t.byKind[kind] = (t.byKind[kind] ?? 0) + n;
}

const quarterStart = (day: string) => {
  const m = Number(day.slice(5, 7));
  return `${day.slice(0, 4)}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
};

/**
 * The burden meter (减负, SPEC M12): what the system demanded of each unit in [from, to] (default: this quarter) —
 * items to handle, reports to file, messages received — and how many records its reports reused instead of asking
 * again, counted by the owning modules' read models. Heaviest first.
 */
export async function burden(ctx: Ctx, q: StallsQuery): Promise<TBurden> {
  const actor = actorOf(ctx);
  const to = q.to ?? today(ctx);
  const from = q.from ?? quarterStart(to);
  if (from > to) throw badRequest('PERIOD_INVALID', `开始日期（${from}）不能晚于结束日期（${to}）`, 'from');
  if (q.unitId && !(mayViewUnit(actor, q.unitId) && (await unitInRegion(ctx.db, regionOf(ctx), q.unitId)))) {
    throw notFound('单位不存在或无权查看');
  }
  const region = empty();
  const units = new Map<string, Totals & { unitId: string; unitName: string }>();
  for (const r of await burdenRows(ctx.db, regionOf(ctx), from, to)) {
    add(region, r.kind, r.n, r.reused);
    const u = units.get(r.unitId) ?? { unitId: r.unitId, unitName: r.unitName, ...empty() };
    add(u, r.kind, r.n, r.reused);
    units.set(r.unitId, u);
  }
  const visible = visibleUnits(actor);
  return {
    from,
    to,
    region,
    units: [...units.values()]
      .filter((u) => (visible === null || visible.includes(u.unitId)) && (!q.unitId || u.unitId === q.unitId))
      .sort(
        (a, b) =>
          b.items + b.reports - (a.items + a.reports) ||
          b.messages - a.messages ||
          a.unitName.localeCompare(b.unitName, 'zh'),
      ),
  };
}
