import { STALL_LINK_KEYS, STALL_LINKS, type StallLink } from '../../../common/dashboard.js';
import type { StallsQuery, TLeaderStalls, TStalls } from '../../../common/dashboard.schema.js';
import { actorOf, type Ctx, regionOf, today } from '../../platform/context.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { mayViewUnit, visibleUnits } from './dashboard.policy.js';
import * as repo from './dashboard.repository.js';

const DEFAULT_PERIOD_DAYS = 365;
const dayBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * The list behind a row: problems filtered by the row's group (`unitId` or `leaderPersonId`) and state; warnings by
 * unit and state (they have no leader filter); the other lists by state only, as they have neither.
 */
function drillDown(link: StallLink, group: { unitId: string } | { leaderPersonId: string }): string {
  const q = (state: string, keys: Record<string, string> = group) => new URLSearchParams({ ...keys, state }).toString();
  const unitOnly = 'unitId' in group ? group : {};
  switch (link) {
    case 'problem.receive':
      return `/problems?${q('dispatched')}`;
    case 'problem.progress':
    case 'problem.close_request':
      return `/problems?${q('rectifying')}`;
    case 'problem.close':
      return `/problems?${q('close_requested')}`;
    case 'warning.answer':
      return `/warnings?${q('issued', unitOnly)}`;
    case 'warning.resolve':
      return `/warnings?${q('rectifying', unitOnly)}`;
    case 'finding.dispatch':
      return '/supervision/findings?state=submitted';
    case 'proposal.case':
      return '/cases/proposals?state=pending';
    case 'case.decide':
      return '/cases';
    case 'case.execute':
      return '/cases?state=decided';
  }
}

function limitText(link: StallLink): string {
  const l = STALL_LINKS[link];
  if (l.deadline && l.limitDays) return `${l.deadline}（未设时 ${l.limitDays} 天）`;
  if (l.deadline) return l.deadline;
  return `${l.limitDays} 天`;
}

/** The period (default: the past year to today) and the units of a stalls request, checked against the caller. */
async function stallFilter(ctx: Ctx, query: StallsQuery): Promise<repo.StallFilter> {
  const actor = actorOf(ctx);
  const regionId = regionOf(ctx);
  const to = query.to ?? today(ctx);
  const from = query.from ?? dayBefore(to, DEFAULT_PERIOD_DAYS);
  if (from > to) throw badRequest('PERIOD_INVALID', `开始日期（${from}）不能晚于结束日期（${to}）`, 'from');
  let unitIds = visibleUnits(actor);
  if (query.unitId) {
    if (!mayViewUnit(actor, query.unitId) || !(await repo.unitInRegion(ctx.db, regionId, query.unitId))) {
      throw notFound('单位不存在或无权查看');
    }
    unitIds = [query.unitId];
  }
  return { regionId, from, to, now: ctx.now, unitIds };
}

const linkHead = (link: StallLink) => ({
  link,
  label: STALL_LINKS[link].label,
  chain: STALL_LINKS[link].chain,
  limit: limitText(link),
});

type Figures = { link: StallLink; stuck: number; p90Days: number };

/** The answer of a stalls request: per link, its rows worst first (most stuck, then the slowest), each presented. */
function byLink<R extends Figures, O>(
  f: repo.StallFilter,
  now: Date,
  rows: R[],
  name: (r: R) => string,
  present: (r: R) => O,
) {
  return {
    asOf: now,
    from: f.from,
    to: f.to,
    links: STALL_LINK_KEYS.map((link) => ({
      ...linkHead(link),
      rows: rows
        .filter((r) => r.link === link)
        .sort((a, b) => b.stuck - a.stuck || b.p90Days - a.p90Days || name(a).localeCompare(name(b), 'zh'))
        .map(present),
    })),
  };
}

/**
 * Where the chain stalls (梗阻点): per link of the chain, per unit in the caller's scope, the spans started in
 * the period — count, median and p90 days spent (to now for open ones) and how many are stuck beyond the limit.
 */
export async function stalls(ctx: Ctx, query: StallsQuery): Promise<TStalls> {
  const f = await stallFilter(ctx, query);
  return byLink(
    f,
    ctx.now,
    await repo.stallFigures(ctx.db, f),
    (r) => r.unitName,
    ({ link, ...r }) => ({ ...r, path: drillDown(link, { unitId: r.unitId }) }),
  );
}

/**
 * 梗阻点 by 分管县领导: the same figures grouped by the county leader in charge of the units (SPEC M12 "by unit and
 * by leader in charge"), for asking a leader about the units of his portfolio.
 */
export async function leaderStalls(ctx: Ctx, query: StallsQuery): Promise<TLeaderStalls> {
  const f = await stallFilter(ctx, query);
  return byLink(
    f,
    ctx.now,
    await repo.leaderStallFigures(ctx.db, f),
    (r) => r.name,
    ({ link, key, name, ...r }) => ({
      ...r,
      leaderPersonId: key,
      leaderName: name,
      path: drillDown(link, { leaderPersonId: key }),
    }),
  );
}
