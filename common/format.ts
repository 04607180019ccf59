/**
 * How dates, times and numbers read on every screen and in every document (issue #20): one module, shared by the
 * server (documents, messages) and the web. Dates are Arabic numerals without padding, as GB/T 9704 writes them
 * (2026年12月4日); times are 24-hour (16:05). Moments are shown in Asia/Shanghai whatever the machine's zone.
 */

export const TIME_ZONE = 'Asia/Shanghai';

type Moment = string | number | Date | { toDate(): Date } | null | undefined;

const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

interface Fields {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
}

function fieldsOf(value: Moment): Fields | null {
  if (value === null || value === undefined || value === '') return null;
  // A calendar day ('2026-12-04') is that day everywhere: never shifted through a time zone.
  if (typeof value === 'string') {
    const m = PLAIN_DAY.exec(value);
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  }
  const date =
    value instanceof Date
      ? value
      : typeof value === 'object'
        ? value.toDate()
        : new Date(typeof value === 'string' ? value : Number(value));
  if (Number.isNaN(date.getTime())) return null;
  const got: Record<string, number> = {};
  for (const p of parts.formatToParts(date)) if (p.type !== 'literal') got[p.type] = Number(p.value);
  return { year: got.year, month: got.month, day: got.day, hour: got.hour, minute: got.minute, second: got.second };
}

const pad = (n = 0) => String(n).padStart(2, '0');
const day = (f: Fields) => `${f.year}年${f.month}月${f.day}日`;

/** 2026年12月4日 — the calendar day in Asia/Shanghai ('2026-12-04' as it is); `empty` for no or a bad value. */
export function formatDate(value: Moment, empty = '—'): string {
  const f = fieldsOf(value);
  return f ? day(f) : empty;
}

/** 2026年12月4日 16:05 (a plain calendar day: the day alone). */
export function formatDateTime(value: Moment, empty = '—'): string {
  const f = fieldsOf(value);
  if (!f) return empty;
  return f.hour === undefined ? day(f) : `${day(f)} ${pad(f.hour)}:${pad(f.minute)}`;
}

/** 2026年12月4日 16:05:09, for logs where the second matters (audit, jobs, deliveries). */
export function formatDateTimeSeconds(value: Moment, empty = '—'): string {
  const f = fieldsOf(value);
  if (!f) return empty;
  return f.hour === undefined ? day(f) : `${day(f)} ${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
}

/** 2026年12月4日至2026年12月31日 (either end may be missing: 2026年12月4日起 / 至2026年12月31日). */
export function formatDateRange(from: Moment, to: Moment): string {
  const a = formatDate(from, '');
  const b = formatDate(to, '');
  if (a && b) return `${a}至${b}`;
  if (a) return `${a}起`;
  return b ? `至${b}` : '—';
}

/**
 * Today's calendar day in Asia/Shanghai as YYYY-MM-DD, the day the server's 不能早于今天 rules compare with (a
 * browser in another zone included).
 */
export function todayInChina(now: Date = new Date()): string {
  const f = fieldsOf(now) as Fields;
  return `${f.year}-${pad(f.month)}-${pad(f.day)}`;
}
