import chineseDays from 'chinese-days';
import dayjs from 'dayjs';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import type { Executor } from '../db/client.js';
import { ruleViolation } from '../errors.js';
import * as repo from './calendar.repository.js';
import { type Provisional, provisionalFor, statutoryHolidays } from './statutory.js';

export type { Provisional } from './statutory.js';
import { type DayKind, WorkCalendar, isoDate, windowFor } from './working-days.js';

const PACKAGE_SOURCE = 'chinese-days';

/** The official schedule of `year` from the chinese-days package, or null when it has none. */
function scheduleFromPackage(year: number): { date: string; kind: DayKind; name: string }[] | null {
  const days: { date: string; kind: DayKind; name: string }[] = [];
  for (let d = dayjs(`${year}-01-01`); d.year() === year; d = d.add(1, 'day')) {
    const date = d.format('YYYY-MM-DD');
    const detail = chineseDays.getDayDetail(date);
    const weekend = d.day() === 0 || d.day() === 6;
    const name = detail.name.split(',')[1] ?? '';
    if (!weekend && !detail.work) days.push({ date, kind: 'holiday', name });
    if (weekend && detail.work) days.push({ date, kind: 'workday', name: name ? `${name}调休上班` : '调休上班' });
  }
  return days.some((d) => d.kind === 'holiday') ? days : null;
}

/** Imports one year from the package (admin action, audited). */
export async function importYear(ctx: Ctx, year: number): Promise<{ year: number; days: number }> {
  const days = scheduleFromPackage(year);
  if (!days) {
    throw ruleViolation('CALENDAR_YEAR_UNAVAILABLE', `chinese-days 中尚无 ${year} 年的节假日安排，请手工维护`, 'year');
  }
  await repo.replaceYear(ctx.db, year, PACKAGE_SOURCE, days);
  await recordAudit(ctx, {
    type: 'calendar.year_imported',
    entity: 'calendar',
    entityId: String(year),
    after: { days: days.length },
  });
  return { year, days: days.length };
}

/** First start: load every year the package knows from two years back to next year. */
export async function loadInitialYears(ctx: Ctx): Promise<number[]> {
  const have = new Set(await repo.years(ctx.db));
  const thisYear = Number(isoDate(ctx.clock.now()).slice(0, 4));
  const loaded: number[] = [];
  for (let y = thisYear - 2; y <= thisYear + 1; y++) {
    if (have.has(y) || !scheduleFromPackage(y)) continue;
    await importYear(ctx, y);
    loaded.push(y);
  }
  return loaded;
}

/** Which years are scheduled; the banner names the current and the next year when either is missing. */
export async function calendarStatus(ctx: Ctx) {
  const years = await repo.years(ctx.db);
  const thisYear = Number(isoDate(ctx.clock.now()).slice(0, 4));
  const nextYear = thisYear + 1;
  const missingYears = [thisYear, nextYear].filter((y) => !years.includes(y));
  return {
    years,
    nextYear,
    nextYearMissing: !years.includes(nextYear),
    missingYears,
    ...provisionalFor(missingYears),
  };
}

export async function listYear(ctx: Ctx, year: number) {
  const days = await repo.daysBetween(ctx.db, `${year}-01-01`, `${year}-12-31`);
  return { year, days: days.map(({ date, kind, name }) => ({ date, kind, name })) };
}

/** Sets one day to a holiday, a make-up working day, or back to normal. */
export async function setDay(ctx: Ctx, date: string, kind: DayKind | 'normal', name: string) {
  const before = (await repo.findDay(ctx.db, date)) ?? null;
  if (kind === 'normal') await repo.deleteDay(ctx.db, date);
  else await repo.upsertDay(ctx.db, date, kind, name);
  await repo.markYear(ctx.db, Number(date.slice(0, 4)), 'manual');
  await recordAudit(ctx, {
    type: 'calendar.day_changed',
    entity: 'calendar',
    entityId: date,
    before: before && { kind: before.kind, name: before.name },
    after: kind === 'normal' ? null : { kind, name },
  });
  return { date, kind, name };
}

/** Years in [from, to] that have no published (or manually kept) schedule. */
async function unscheduledYears(db: Executor, from: string, to: string): Promise<number[]> {
  const have = new Set(await repo.years(db));
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!have.has(y)) out.push(y);
  return out;
}

async function calendarFor(db: Executor, from: string, to: string): Promise<{ cal: WorkCalendar; missing: number[] }> {
  const rows = await repo.daysBetween(db, from, to);
  const exceptions = new Map<string, DayKind>(rows.map((r) => [r.date, r.kind]));
  const missing = await unscheduledYears(db, from, to);
  // A year nobody scheduled still has the holidays the law fixes (provisional: no 调休 or 补假).
  for (const y of missing)
    for (const d of statutoryHolidays(y)) if (!exceptions.has(d.date)) exceptions.set(d.date, 'holiday');
  return { cal: new WorkCalendar(exceptions), missing };
}

/** Whether an answer over [from, to] rests on a year without a published schedule (and why, in Chinese). */
export async function provisionalBetween(db: Executor, from: string, to: string): Promise<Provisional> {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return provisionalFor(await unscheduledYears(db, a, b));
}

/** "N working days after date D", with the provisional flag for the years it crossed. */
export async function addWorkingDaysNoted(
  db: Executor,
  date: string,
  n: number,
): Promise<{ date: string } & Provisional> {
  const w = windowFor(date, n);
  const { cal } = await calendarFor(db, w.from, w.to);
  const end = cal.addWorkingDays(date, n);
  return { date: end, ...(await provisionalBetween(db, date, end)) };
}

/** "N working days after date D" for every module (deadlines, reminders, legal clocks). */
export async function addWorkingDays(db: Executor, date: string, n: number): Promise<string> {
  return (await addWorkingDaysNoted(db, date, n)).date;
}

/** Working days in (from, to], with the provisional flag. */
export async function workingDaysBetweenNoted(
  db: Executor,
  from: string,
  to: string,
): Promise<{ days: number } & Provisional> {
  const [a, b] = from <= to ? [from, to] : [to, from];
  const { cal, missing } = await calendarFor(db, a, b);
  return { days: cal.workingDaysBetween(from, to), ...provisionalFor(missing) };
}

/** See WorkCalendar.overdueFrom: a deadline before the returned date is at least `n` working days overdue. */
export async function overdueFrom(db: Executor, today: string, n: number): Promise<string> {
  const w = windowFor(today, -n);
  return (await calendarFor(db, w.from, w.to)).cal.overdueFrom(today, n);
}

/** Working days a deadline is overdue on `today` (0 when not yet due): the count warnings rules test. */
export async function workingDaysOverdue(db: Executor, deadline: string, today: string): Promise<number> {
  return deadline < today ? workingDaysBetween(db, deadline, today) : 0;
}

/** Working days in (from, to]. */
export async function workingDaysBetween(db: Executor, from: string, to: string): Promise<number> {
  return (await workingDaysBetweenNoted(db, from, to)).days;
}
