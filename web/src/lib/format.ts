import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';
import { TIME_ZONE, todayInChina } from '../../../common/format';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

/**
 * Every date or time a screen shows goes through these (shared with the server's documents): 2026年12月4日,
 * 2026年12月4日 16:05. Date pickers keep their typed format (YYYY-MM-DD) as input, never as display.
 */
export { formatDate, formatDateRange, formatDateTime, formatDateTimeSeconds, TIME_ZONE } from '../../../common/format';

type DateInput = string | number | Date | dayjs.Dayjs | null | undefined;

/** A moment in Asia/Shanghai. */
export function inShanghai(value: DateInput): dayjs.Dayjs | null {
  if (value === null || value === undefined || value === '') return null;
  const d = dayjs(value);
  return d.isValid() ? d.tz(TIME_ZONE) : null;
}

/** Today in Asia/Shanghai (start of the day), not in the browser's zone. */
export function todayInShanghai(): dayjs.Dayjs {
  return dayjs().tz(TIME_ZONE).startOf('day');
}

const dayOf = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
const todayText = () => todayInChina();

/**
 * `disabledDate` of a date picker, the same rule as the server's refusal, against today in Asia/Shanghai (not the
 * browser's zone): `beforeToday` for 不能早于今天 (deadlines, dates of effect), `notAfterToday` for 应晚于今天,
 * `afterToday` for 不能晚于今天 (the day something was done).
 */
export const beforeToday = (d: dayjs.Dayjs) => dayOf(d) < todayText();
export const notAfterToday = (d: dayjs.Dayjs) => dayOf(d) <= todayText();
export const afterToday = (d: dayjs.Dayjs) => dayOf(d) > todayText();

/**
 * Today's year, quarter (1–4) and half (1–2) in Asia/Shanghai, not in the browser's zone: a laptop set to UTC
 * on 1 January 07:00 in China is already in the new year.
 */
export function currentPeriod(): { year: number; quarter: number; half: number } {
  const now = dayjs().tz(TIME_ZONE);
  return { year: now.year(), quarter: Math.floor(now.month() / 3) + 1, half: now.month() < 6 ? 1 : 2 };
}

export { dayjs };
