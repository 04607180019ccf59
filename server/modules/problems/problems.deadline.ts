import dayjs from 'dayjs';
import { addWorkingDays } from '../../platform/calendar/calendar.service.js';
import type { Ctx } from '../../platform/context.js';
import type { TMeasureInput } from '../../../common/problems.schema.js';

/** Deadline of a measure counted from `from` (the dispatch date, or today for drafts). */
export async function measureDeadline(ctx: Ctx, m: TMeasureInput, from: string): Promise<string> {
  if (m.deadlineType === 'date') return m.deadline as string;
  if (m.deadlineType === 'calendar')
    return dayjs(from)
      .add(m.days as number, 'day')
      .format('YYYY-MM-DD');
  return addWorkingDays(ctx.db, from, m.days as number);
}
