import { STALL_LINK_KEYS, STALL_LINKS, type StallLink } from '../../../common/dashboard.js';
import type { StallsQuery, TStalls } from '../../../common/dashboard.schema.js';
import { actorOf, type Ctx, regionOf, today } from '../../platform/context.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { mayViewUnit, visibleUnits } from './dashboard.policy.js';
import * as repo from './dashboard.repository.js';

const DEFAULT_PERIOD_DAYS = 365;
const dayBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** The list behind a row: filtered by unit and state where the list has those filters, else the whole list. */
function drillDown(link: StallLink, unitId: string): string {
  const q = (state: string) => `unitId=${unitId}&state=${state}`;
  switch (link) {
    case 'problem.receive':
      return `/problems?${q('dispatched')}`;
    case 'problem.progress':
    case 'problem.close_request':
      return `/problems?${q('rectifying')}`;
    case 'problem.close':
      return `/problems?${q('close_requested')}`;
    case 'warning.answer':
      return `/warnings?${q('issued')}`;
    case 'warning.resolve':
      return `/warnings?${q('rectifying')}`;
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

/**
 * Where the chain stalls (梗阻点): per link of the chain, per unit in the caller's scope, the spans started in
 * the period — count, median and p90 days spent (to now for open ones) and how many are stuck beyond the limit.
 */
export async function stalls(ctx: Ctx, query: StallsQuery): Promise<TStalls> {
  const actor = actorOf(ctx);
  const regionId = regionOf(ctx);
  const to = query.to ?? today(ctx);
  const from = query.from ?? dayBefore(to, DEFAULT_PERIOD_DAYS);
  if (from > to) throw badRequest('PERIOD_INVALID', `开始日期（${from}）不能晚于结束日期（${to}）`, 'from');
  let unitIds = visibleUnits(actor);
  if (query.unitId) {
    if (!mayViewUnit(actor, query.unitId)) throw notFound('单位不存在或无权查看');
    unitIds = [query.unitId];
  }
  const rows = await repo.stallFigures(ctx.db, { regionId, from, to, now: ctx.now, unitIds });
  if (query.unitId && !rows.length && !(await repo.unitInRegion(ctx.db, regionId, query.unitId))) {
    throw notFound('单位不存在或无权查看');
  }
  return {
    asOf: ctx.now,
    from,
    to,
    links: STALL_LINK_KEYS.map((link) => ({
      link,
      label: STALL_LINKS[link].label,
      chain: STALL_LINKS[link].chain,
      limit: limitText(link),
      rows: rows
        .filter((r) => r.link === link)
        .sort((a, b) => b.stuck - a.stuck || b.p90Days - a.p90Days || a.unitName.localeCompare(b.unitName, 'zh'))
        .map(({ link: _, ...r }) => ({ ...r, path: drillDown(link, r.unitId) })),
    })),
  };
}
