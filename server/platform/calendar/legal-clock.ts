import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { Executor } from '../db/client.js';
import { addWorkingDays, workingDaysBetween } from './calendar.service.js';

dayjs.extend(utc);

/** A statutory period: "1 month", "15 days", "5 working days". */
export interface ClockSpec {
  amount: number;
  unit: 'months' | 'days' | 'working_days';
}

/** A pause of a running clock: from the day it stopped to the day it resumed (null: still stopped). */
export interface ClockPause {
  from: string;
  to: string | null;
}

export const CLOCK_UNIT_LABELS: Record<ClockSpec['unit'], string> = {
  months: '个月',
  days: '日',
  working_days: '个工作日',
};
export const describeClock = (c: ClockSpec) => `${c.amount}${CLOCK_UNIT_LABELS[c.unit]}`;

/**
 * The one engine for every legal clock (SPEC 2b): the last day of a period starting on `start`.
 * Months and days are calendar periods; a period whose last day is a rest day ends on the next working
 * day (期间届满的最后一日是法定休假日的，以休假日后的第一日为期间届满的日期). Paused days do not
 * count: the period is extended by the calendar (or working) days the clock stood still. A clock
 * that is paused now has no deadline (null).
 */
export async function legalDeadline(
  db: Executor,
  start: string,
  spec: ClockSpec,
  pauses: readonly ClockPause[] = [],
): Promise<string | null> {
  if (pauses.some((p) => p.to === null)) return null;
  const closed = pauses as readonly { from: string; to: string }[];
  if (spec.unit === 'working_days') {
    let paused = 0;
    for (const p of closed) paused += await workingDaysBetween(db, p.from, p.to);
    return addWorkingDays(db, start, spec.amount + paused);
  }
  const base =
    spec.unit === 'months' ? dayjs.utc(start).add(spec.amount, 'month') : dayjs.utc(start).add(spec.amount, 'day');
  const paused = closed.reduce((n, p) => n + dayjs.utc(p.to).diff(dayjs.utc(p.from), 'day'), 0);
  const last = base.add(paused, 'day').format('YYYY-MM-DD');
  // The first working day on or after `last`.
  return addWorkingDays(db, dayjs.utc(last).subtract(1, 'day').format('YYYY-MM-DD'), 1);
}

/** The end of a period counted in whole months that is not moved for rest days (influence periods). */
export const addMonths = (start: string, months: number) => dayjs.utc(start).add(months, 'month').format('YYYY-MM-DD');
