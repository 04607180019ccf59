import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const TIME_ZONE = 'Asia/Shanghai';

type DateInput = string | number | Date | dayjs.Dayjs | null | undefined;

/** A moment in Asia/Shanghai. */
export function inShanghai(value: DateInput): dayjs.Dayjs | null {
  if (value === null || value === undefined || value === '') return null;
  const d = dayjs(value);
  return d.isValid() ? d.tz(TIME_ZONE) : null;
}

/** 2026-11-24 10:00 */
export function formatDateTime(value: DateInput): string {
  return inShanghai(value)?.format('YYYY-MM-DD HH:mm') ?? '—';
}

/** 2026-11-24 10:00:05 */
export function formatDateTimeSeconds(value: DateInput): string {
  return inShanghai(value)?.format('YYYY-MM-DD HH:mm:ss') ?? '—';
}

/** 2026年11月24日 (plain calendar dates like '2026-11-24' are not shifted). */
export function formatDate(value: DateInput): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return dayjs(value).format('YYYY年M月D日');
  }
  return inShanghai(value)?.format('YYYY年M月D日') ?? '—';
}

/**
 * Today's year, quarter (1–4) and half (1–2) in Asia/Shanghai, not in the browser's zone: a laptop set to UTC
 * on 1 January 07:00 in China is already in the new year.
 */
export function currentPeriod(): { year: number; quarter: number; half: number } {
  const now = dayjs().tz(TIME_ZONE);
  return { year: now.year(), quarter: Math.floor(now.month() / 3) + 1, half: now.month() < 6 ? 1 : 2 };
}

export { dayjs };
