import { and, asc, between, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { calendarDays, calendarYears } from '../db/platform.tables.js';

export type CalendarDayRow = typeof calendarDays.$inferSelect;

export async function daysBetween(db: Executor, from: string, to: string): Promise<CalendarDayRow[]> {
  return db
    .select()
    .from(calendarDays)
    .where(between(calendarDays.date, from, to))
    .orderBy(asc(calendarDays.date));
}

export async function years(db: Executor): Promise<number[]> {
  const rows = await db.select({ year: calendarYears.year }).from(calendarYears).orderBy(asc(calendarYears.year));
  return rows.map((r) => r.year);
}

export async function replaceYear(
  db: Executor,
  year: number,
  source: string,
  days: { date: string; kind: 'holiday' | 'workday'; name: string }[],
) {
  await db
    .delete(calendarDays)
    .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)));
  if (days.length > 0) await db.insert(calendarDays).values(days);
  await db
    .insert(calendarYears)
    .values({ year, source })
    .onConflictDoUpdate({ target: calendarYears.year, set: { source, updatedAt: new Date() } });
}

export async function findDay(db: Executor, date: string): Promise<CalendarDayRow | undefined> {
  const [row] = await db.select().from(calendarDays).where(eq(calendarDays.date, date));
  return row;
}

export async function upsertDay(db: Executor, date: string, kind: 'holiday' | 'workday', name: string) {
  await db
    .insert(calendarDays)
    .values({ date, kind, name })
    .onConflictDoUpdate({ target: calendarDays.date, set: { kind, name, updatedAt: new Date() } });
}

export async function deleteDay(db: Executor, date: string) {
  await db.delete(calendarDays).where(eq(calendarDays.date, date));
}

export async function markYear(db: Executor, year: number, source: string) {
  await db
    .insert(calendarYears)
    .values({ year, source })
    .onConflictDoUpdate({ target: calendarYears.year, set: { source, updatedAt: new Date() } });
}
