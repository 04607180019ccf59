import { today } from '../../platform/context.js';
import type { Ctx } from '../../platform/context.js';
import { workingDaysBetween } from '../../platform/calendar/calendar.service.js';
import type { ComplaintRow } from './complaints.repository.js';
import { type ComplaintRules, dueAfter } from './complaints.rules.js';

export interface ComplaintClock {
  key: string;
  label: string;
  due: string;
  doneOn: string | null;
  source: string;
  status: 'open' | 'warn' | 'overdue' | 'done' | 'late';
  provisional: boolean;
}

/**
 * The complaint's clocks in working days (platform calendar), as the record shows them: triage, the lower
 * level's acceptance of a transfer, the real-name filer's two notices, and the completion deadline. A repeat
 * report has none of its own: the first report's clocks run on (the notices are not restarted).
 */
export async function clocksOf(ctx: Ctx, c: ComplaintRow, rules: ComplaintRules): Promise<ComplaintClock[]> {
  if (c.state === 'repeat') return [];
  const now = today(ctx);
  const out: ComplaintClock[] = [];
  const add = async (
    key: string,
    label: string,
    from: string,
    limit: { days: number; source: string },
    doneOn: string | null,
  ) => {
    const { date: due, provisional } = await dueAfter(ctx, from, limit.days);
    let status: ComplaintClock['status'];
    if (doneOn) status = doneOn <= due ? 'done' : 'late';
    else if (now > due) status = 'overdue';
    else status = (await workingDaysBetween(ctx.db, now, due)) <= rules.warnDays ? 'warn' : 'open';
    out.push({ key, label, due, doneOn, source: limit.source, status, provisional });
  };
  await add('triage', '受理或转办', c.receivedOn, rules.triage, c.acceptedOn ?? c.transferredOn);
  if (c.transferredOn) {
    await add('lowerAccept', '下级受理或再转办', c.transferredOn, rules.lowerAccept, c.lowerRepliedOn);
  }
  if (!c.anonymous && c.state !== 'transferred') {
    await add('acceptanceNotice', '告知实名举报人受理情况', c.receivedOn, rules.acceptanceNotice, c.acceptanceToldOn);
  }
  if (c.state !== 'transferred') {
    const { date: due } = { date: c.completionDue };
    const doneOn = c.completedOn;
    const status: ComplaintClock['status'] = doneOn
      ? doneOn <= due
        ? 'done'
        : 'late'
      : now > due
        ? 'overdue'
        : (await workingDaysBetween(ctx.db, now, due)) <= rules.warnDays
          ? 'warn'
          : 'open';
    out.push({
      key: 'completion',
      label: '限时办结',
      due,
      doneOn,
      source: rules.completion.source,
      status,
      provisional: false,
    });
  }
  if (!c.anonymous && c.completedOn) {
    await add('resultFeedback', '向实名举报人反馈处理结果', c.completedOn, rules.resultFeedback, c.feedbackOn);
  }
  return out;
}
