import { PROBLEM_COLORS, PROBLEM_SOURCES, PROBLEM_STATES } from '../../../common/problems.js';
import type { StallsQuery, TOverview } from '../../../common/dashboard.schema.js';
import { type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { listedByChannel } from '../complaints/complaints.figures.js';
import { problemCounts } from '../problems/problems.service.js';
import { warningCounts } from '../warnings/warnings.service.js';
import { mayViewUnit } from './dashboard.policy.js';
import { unitInRegion } from './dashboard.repository.js';

type Section = TOverview['sections'][number];
type Counted = { key: string; n: number; label?: string };

const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  return q.size ? `?${q}` : '';
};

/** Rows with labels in the order of `labels` (then the rest by count), each with the list that shows them. */
function items(rows: Counted[], labels: Record<string, string>, path: (key: string) => string) {
  const order = Object.keys(labels);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return rows
    .filter((r) => r.n > 0)
    .sort((a, b) => rank(a.key) - rank(b.key) || b.n - a.n)
    .map((r) => ({ key: r.key, label: r.label ?? labels[r.key] ?? r.key, count: r.n, path: path(r.key) }));
}

/**
 * 统计大屏's figures (SPEC M12): problems by state, colour and source and warnings by state and situation as they
 * stand now, complaints by channel received in the period — each counted by the owning module over what the
 * caller's own list shows, so every bar opens a list with the same number of rows. Sections the caller may not
 * list are left out.
 */
export async function overview(ctx: Ctx, q: StallsQuery): Promise<TOverview> {
  const actor = actorOf(ctx);
  const to = q.to ?? today(ctx);
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw badRequest('PERIOD_INVALID', `开始日期（${from}）不能晚于结束日期（${to}）`, 'from');
  if (q.unitId && !(mayViewUnit(actor, q.unitId) && (await unitInRegion(ctx.db, regionOf(ctx), q.unitId)))) {
    throw notFound('单位不存在或无权查看');
  }
  const unitId = q.unitId;
  const sections: Section[] = [];
  const may = (p: 'problems:read' | 'warnings:read' | 'complaints:read') => actor.permissions.has(p);

  if (may('problems:read')) {
    const problems = (by: 'state' | 'color' | 'source') => problemCounts(ctx, { unitId }, by);
    const list = (k: string, v: string) => `/problems${query({ unitId, [k]: v })}`;
    sections.push(
      {
        key: 'problems.state',
        title: '问题按状态',
        note: '当前台账',
        items: items(await problems('state'), PROBLEM_STATES, (k) => list('state', k)),
      },
      {
        key: 'problems.color',
        title: '问题预警颜色',
        note: '当前台账',
        items: items(await problems('color'), { ...PROBLEM_COLORS, none: '无预警' }, (k) => list('color', k)),
      },
      {
        key: 'problems.source',
        title: '问题来源',
        note: '当前台账',
        items: items(await problems('source'), PROBLEM_SOURCES, (k) => list('source', k)),
      },
    );
  }
  if (may('warnings:read')) {
    const list = (k: string, v: string) => `/warnings${query({ unitId, [k]: v })}`;
    const byState = await warningCounts(ctx, unitId, 'state');
    const bySituation = await warningCounts(ctx, unitId, 'situation');
    sections.push(
      {
        key: 'warnings.state',
        title: '模拟问责预警单',
        note: '全部预警单',
        items: items(byState, {}, (k) => list('state', k)),
      },
      {
        key: 'warnings.situation',
        title: '预警按问责情形',
        note: '全部预警单，前10项',
        items: items(bySituation, {}, (k) => list('situationId', k)).slice(0, 10),
      },
    );
  }
  // Complaints are counted region-wide by channel (a unit's own are the complaints about it, not its channels).
  if (may('complaints:read') && !unitId) {
    sections.push({
      key: 'complaints.channel',
      title: '信访举报来源渠道',
      note: `${from} 至 ${to} 受理（含重复举报）`,
      items: items(await listedByChannel(ctx, from, to), {}, (k) => `/complaints${query({ channel: k, from, to })}`),
    });
  }
  return { from, to, unitId: unitId ?? null, sections };
}
