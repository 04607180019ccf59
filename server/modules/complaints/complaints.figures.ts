import { COMPLAINT_CHANNELS, COMPLAINT_KINDS, COMPLAINT_WAYS } from '../../../common/complaints.js';
import type { TComplaintFigures } from '../../../common/complaints.schema.js';
import { type Ctx, actorOf, regionOf, today } from '../../platform/context.js';
import { readerOf } from './complaints.policy.js';
import * as repo from './complaints.repository.js';
import { complaintRules, dueAfter } from './complaints.rules.js';

const labelled = (rows: { key: string; n: number }[], labels: Record<string, string>) =>
  rows.map((r) => ({ ...r, label: labels[r.key] ?? (r.key || '未定') }));

/**
 * The complaints the caller's list shows for a period of receipt (repeated reports included, as the list has
 * them), by channel with its label: what 统计大屏 counts, so that each bar opens a list of the same length.
 */
export async function listedByChannel(ctx: Ctx, from: string, to: string) {
  const rows = await repo.countListedByChannel(ctx.db, readerOf(actorOf(ctx)), { from, to });
  return labelled(rows, COMPLAINT_CHANNELS);
}

/**
 * 信访举报 figures (SPEC M9) of the complaints the caller may read, received in [from, to] (default: this
 * year): by channel, kind, unit complained about and month; acceptance notices and result feedback on time
 * (real-name, by the rules' working-day clocks); outcomes by handling way; the substantiation rate. A service
 * function, so the portrait and the assessment can read it too.
 */
export async function complaintFigures(ctx: Ctx, f: TComplaintFigures) {
  const reader = readerOf(actorOf(ctx));
  const to = f.to ?? today(ctx);
  const from = f.from ?? `${to.slice(0, 4)}-01-01`;
  const by = (col: keyof typeof repo.COLUMNS) => repo.countBy(ctx.db, reader, from, to, repo.COLUMNS[col]);
  const rows = await repo.figureRows(ctx.db, reader, from, to);
  const rules = await complaintRules(ctx, regionOf(ctx));
  const acceptance = { due: 0, onTime: 0 };
  const feedback = { due: 0, onTime: 0 };
  for (const r of rows.filter((x) => !x.anonymous)) {
    if (r.acceptedOn) {
      acceptance.due++;
      const due = (await dueAfter(ctx, r.receivedOn, rules.acceptanceNotice.days)).date;
      if (r.acceptanceToldOn && r.acceptanceToldOn <= due) acceptance.onTime++;
    }
    if (r.completedOn) {
      feedback.due++;
      const due = (await dueAfter(ctx, r.completedOn, rules.resultFeedback.days)).date;
      if (r.feedbackOn && r.feedbackOn <= due) feedback.onTime++;
    }
  }
  const concluded = rows.filter((r) => r.finding && r.finding !== 'na');
  const substantiated = concluded.filter((r) => r.finding === 'substantiated' || r.finding === 'partly').length;
  const byMonth = await by('month');
  return {
    total: rows.length,
    byChannel: labelled(await by('channel'), COMPLAINT_CHANNELS),
    byKind: labelled(await by('kind'), COMPLAINT_KINDS),
    byUnit: labelled(await by('unit'), {}),
    byMonth: byMonth.sort((a, b) => a.key.localeCompare(b.key)).map((r) => ({ ...r, label: r.key })),
    byWay: labelled(
      (await by('way')).filter((r) => r.key),
      COMPLAINT_WAYS,
    ),
    acceptanceOnTime: acceptance,
    feedbackOnTime: feedback,
    substantiation: {
      concluded: concluded.length,
      substantiated,
      rate: concluded.length ? Math.round((substantiated / concluded.length) * 1000) / 10 : null,
    },
  };
}
