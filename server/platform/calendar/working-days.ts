import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

export type DayKind = 'holiday' | 'workday';

/** Pure working-day arithmetic over a set of exceptions to the Monday–Friday week. */
export class WorkCalendar {
  constructor(private readonly exceptions: ReadonlyMap<string, DayKind>) {}

  isWorkingDay(date: string): boolean {
    const kind = this.exceptions.get(date);
    if (kind) return kind === 'workday';
    const dow = dayjs.utc(date).day();
    return dow !== 0 && dow !== 6;
  }

  /** The date `n` working days after `date` (n < 0: before). n = 0 returns `date` itself. */
  addWorkingDays(date: string, n: number): string {
    const step = n < 0 ? -1 : 1;
    let d = dayjs.utc(date);
    for (let left = Math.abs(n); left > 0; ) {
      d = d.add(step, 'day');
      if (this.isWorkingDay(d.format('YYYY-MM-DD'))) left -= 1;
    }
    return d.format('YYYY-MM-DD');
  }

  /**
   * "N working days overdue" (n ≥ 1), the one definition escalation and warnings share: a deadline is at
   * least n working days overdue on `today` when (deadline, today] holds n working days, that is when it
   * falls before the date returned here (the n-th working day counted back from today, today included).
   * A deadline on a rest day is overdue from the first working day after it.
   */
  overdueFrom(today: string, n: number): string {
    let d = dayjs.utc(today);
    if (n <= 0) return d.add(1, 'day').format('YYYY-MM-DD'); // due today counts as "0 days overdue"
    let left = this.isWorkingDay(today) ? n - 1 : n;
    while (left > 0) {
      d = d.subtract(1, 'day');
      if (this.isWorkingDay(d.format('YYYY-MM-DD'))) left -= 1;
    }
    return d.format('YYYY-MM-DD');
  }

  /** Working days in (from, to]; negative when `to` is before `from`. */
  workingDaysBetween(from: string, to: string): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let n = 0;
    for (let d = dayjs.utc(from).add(1, 'day'); d.format('YYYY-MM-DD') <= to; d = d.add(1, 'day')) {
      if (this.isWorkingDay(d.format('YYYY-MM-DD'))) n += 1;
    }
    return n;
  }
}

/** A window of calendar days large enough to hold `n` working days after or before `date`. */
export function windowFor(date: string, n: number): { from: string; to: string } {
  const span = Math.abs(n) * 2 + 45;
  const d = dayjs.utc(date);
  return n < 0
    ? { from: d.subtract(span, 'day').format('YYYY-MM-DD'), to: date }
    : { from: date, to: d.add(span, 'day').format('YYYY-MM-DD') };
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
/** The China day last asked for and the instants it spans ([from, to), in ms). */
let lastDay = { from: 0, to: 0, day: '' };
/**
 * The day in Asia/Shanghai (UTC+8 all year, no daylight saving) of an instant, as YYYY-MM-DD. Plain arithmetic
 * rather than dayjs: every row of a list asks for today (issue #19 measured dayjs at ≈4 % of a list's CPU), and
 * the last day is kept, as `toISOString` alone costs ≈ 1.3 µs.
 */
export const isoDate = (d: Date) => {
  const t = d.getTime();
  if (t >= lastDay.from && t < lastDay.to) return lastDay.day;
  const day = new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  const from = Math.floor((t + SHANGHAI_OFFSET_MS) / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  lastDay = { from, to: from + DAY_MS, day };
  return day;
};
