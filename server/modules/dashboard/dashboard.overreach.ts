import { CATCH_ALL_SITUATION, OVERREACH } from '../../../common/dashboard.js';
import type { StallsQuery, TOverreach } from '../../../common/dashboard.schema.js';
import { type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { mayViewUnit, visibleUnits } from './dashboard.policy.js';
import { type OverreachRow, overreachRows, unitInRegion } from './dashboard.repository.js';

type Totals = Omit<OverreachRow, 'unitId' | 'unitName'>;

const pct = (n: number) => `${Math.round(n * 100)}%`;
const share = (part: number, whole: number) => (whole ? part / whole : 0);
const heavy = (t: Totals) => t.forms[2] + t.forms[3];
const acts = (t: Totals) => t.forms.reduce((a, b) => a + b, 0);

function sum(rows: Totals[]): Totals {
  const zero: Totals = { cases: 0, casesCatchAll: 0, warnings: 0, warningsCatchAll: 0, talks: 0, forms: [0, 0, 0, 0] };
  return rows.reduce(
    (t, r) => ({
      cases: t.cases + r.cases,
      casesCatchAll: t.casesCatchAll + r.casesCatchAll,
      warnings: t.warnings + r.warnings,
      warningsCatchAll: t.warningsCatchAll + r.warningsCatchAll,
      talks: t.talks + r.talks,
      forms: t.forms.map((n, i) => n + r.forms[i]),
    }),
    zero,
  );
}

/** The plain-language flags of a unit against its region (thresholds: OVERREACH in common/dashboard.ts). */
export function flagsOf(u: Totals, region: Totals, unitsWithActs: number): string[] {
  const flags: string[] = [];
  const catchAll = (what: string, part: number, whole: number, regionPart: number, regionWhole: number) => {
    const mine = share(part, whole);
    const theirs = share(regionPart, regionWhole);
    if (whole >= OVERREACH.minActs && mine >= OVERREACH.catchAllShare && mine >= OVERREACH.ratio * theirs)
      flags.push(
        `${what}兜底条款使用偏多：${whole}件中${part}件适用第七条第（十一）项（${pct(mine)}），全区域为${pct(theirs)}`,
      );
  };
  catchAll('问责', u.casesCatchAll, u.cases, region.casesCatchAll, region.cases);
  catchAll('提醒函', u.warningsCatchAll, u.warnings, region.warningsCatchAll, region.warnings);
  const mine = share(heavy(u), acts(u));
  const theirs = share(heavy(region), acts(region));
  if (acts(u) >= OVERREACH.minActs && mine >= OVERREACH.heavyShare && mine >= OVERREACH.ratio * theirs)
    flags.push(`处理偏重：${acts(u)}人次中第三、四种形态${heavy(u)}人次（${pct(mine)}），全区域为${pct(theirs)}`);
  const volume = u.cases + u.talks;
  const mean = share(region.cases + region.talks, unitsWithActs);
  if (volume >= OVERREACH.minActs && volume >= OVERREACH.volumeRatio * mean)
    flags.push(
      `问责频次偏高：问责和谈话${volume}人次，是各单位平均（${mean.toFixed(1)}）的${(volume / mean).toFixed(1)}倍`,
    );
  return flags;
}

/**
 * The over-reach monitor (问责泛化, SPEC M12): per unit, in [from, to] (default: this year), how much accountability
 * rests on the catch-all situation, the mix of the 四种形态 and the volume, each against the region — with a flag in
 * plain Chinese where a unit is out of line. Flagged units first, then by volume.
 */
export async function overreach(ctx: Ctx, q: StallsQuery): Promise<TOverreach> {
  const to = q.to ?? today(ctx);
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw badRequest('PERIOD_INVALID', `开始日期（${from}）不能晚于结束日期（${to}）`, 'from');
  const actor = actorOf(ctx);
  if (q.unitId && !(mayViewUnit(actor, q.unitId) && (await unitInRegion(ctx.db, regionOf(ctx), q.unitId)))) {
    throw notFound('单位不存在或无权查看');
  }
  const rows = await overreachRows(ctx.db, regionOf(ctx), from, to, CATCH_ALL_SITUATION);
  const region = sum(rows);
  const withActs = rows.filter((r) => r.cases + r.talks > 0).length;
  const visible = visibleUnits(actor);
  const units = rows
    .filter((r) => (visible === null || visible.includes(r.unitId)) && (!q.unitId || r.unitId === q.unitId))
    .map((r) => ({ ...r, flags: flagsOf(r, region, withActs) }))
    .sort(
      (a, b) =>
        b.flags.length - a.flags.length ||
        b.cases + b.warnings + b.talks - (a.cases + a.warnings + a.talks) ||
        a.unitName.localeCompare(b.unitName, 'zh'),
    );
  return { from, to, region, units };
}
