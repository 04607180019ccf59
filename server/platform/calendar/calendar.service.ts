import chineseDays from 'chinese-days';
import dayjs from 'dayjs';
import { recordAudit } from '../audit/audit.service.js';
import type { Ctx } from '../context.js';
import type { Executor } from '../db/client.js';
import { ruleViolation } from '../errors.js';
import * as repo from './calendar.repository.js';
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

export async function calendarStatus(ctx: Ctx) {
  const years = await repo.years(ctx.db);
  const nextYear = Number(isoDate(ctx.clock.now()).slice(0, 4)) + 1;
  return { years, nextYear, nextYearMissing: !years.includes(nextYear) };
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

async function calendarFor(db: Executor, from: string, to: string): Promise<WorkCalendar> {
  const rows = await repo.daysBetween(db, from, to);
  return new WorkCalendar(new Map(rows.map((r) => [r.date, r.kind])));
}

/** "N working days after date D" for every module (deadlines, reminders, legal clocks). */
export async function addWorkingDays(db: Executor, date: string, n: number): Promise<string> {
  const w = windowFor(date, n);
  return (await calendarFor(db, w.from, w.to)).addWorkingDays(date, n);
}

/** Working days in (from, to]. */
export async function workingDaysBetween(db: Executor, from: string, to: string): Promise<number> {
  const [a, b] = from <= to ? [from, to] : [to, from];
  return (await calendarFor(db, a, b)).workingDaysBetween(from, to);
}
