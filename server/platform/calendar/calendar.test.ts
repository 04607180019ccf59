import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { rowsOf } from '../db/client.js';
import { chinaDate } from './calendar.sql.js';
import { addWorkingDays, workingDaysBetween } from './calendar.service.js';
import { WorkCalendar, isoDate } from './working-days.js';

dayjs.extend(utc);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // Fix "today" so "next year" is 2027 whenever the suite runs.
  await t.setClock('2026-11-24T02:00:00Z');
});
afterAll(() => t.close());

describe('working-day maths on the official schedule (loaded from chinese-days)', () => {
  const add = (d: string, n: number) => addWorkingDays(t.database.db, d, n);
  const between = (a: string, b: string) => workingDaysBetween(t.database.db, a, b);

  it('skips 国庆 2026 and counts its make-up days', async () => {
    expect(await add('2026-09-30', 1)).toBe('2026-10-08');
    expect(await add('2026-09-30', 3)).toBe('2026-10-10'); // Saturday 10 Oct is a make-up working day
    expect(await add('2026-09-18', 1)).toBe('2026-09-20'); // Sunday 20 Sep is a make-up working day
    expect(await add('2026-10-08', -1)).toBe('2026-09-30');
    expect(await between('2026-09-30', '2026-10-10')).toBe(3);
    expect(await between('2026-10-10', '2026-09-30')).toBe(-3);
  });

  it('skips 春节 2026 and counts its make-up days', async () => {
    expect(await add('2026-02-13', 1)).toBe('2026-02-14'); // Saturday make-up day
    expect(await add('2026-02-13', 2)).toBe('2026-02-24'); // 15–23 Feb are holidays
    expect(await add('2026-02-24', 4)).toBe('2026-02-28'); // Saturday 28 Feb is a make-up working day
    expect(await between('2026-02-13', '2026-02-24')).toBe(2);
  });

  it('skips 国庆 2025 (8 days, with 中秋)', async () => {
    expect(await add('2025-09-30', 1)).toBe('2025-10-09');
    expect(await add('2025-09-26', 1)).toBe('2025-09-28'); // Sunday 28 Sep is a make-up working day
  });

  it('N working days after D is a working day N working days away (property)', async () => {
    const rows = await t.database.query<{ date: string; kind: 'holiday' | 'workday' }>(
      'SELECT date::text AS date, kind FROM calendar_days',
    );
    const cal = new WorkCalendar(new Map(rows.rows.map((r) => [r.date, r.kind])));
    const day = fc
      .integer({ min: 0, max: 365 * 3 - 1 })
      .map((i) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const w = cal.addWorkingDays(d, n);
        return cal.isWorkingDay(w) && cal.workingDaysBetween(d, w) === n && w > d;
      }),
      { numRuns: 300 },
    );
  });
});

describe('calendar administration', () => {
  it('reports that next year has no schedule yet', async () => {
    const office = await t.as('office');
    const status = (await office.get('/api/calendar/status')).json();
    expect(status.years).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(status).toMatchObject({ nextYear: 2027, nextYearMissing: true });
    const sys = await t.as('sysadmin');
    const res = await sys.post('/api/calendar/import', { year: 2027 });
    expect(res.statusCode).toBe(422);
    expect(res.json().message).toMatch(/尚无 2027 年/);
  });

  it('lets the admin mark a day and every computation follows', async () => {
    const sys = await t.as('sysadmin');
    expect((await sys.put('/api/calendar/days/2026-12-30', { kind: 'holiday', name: '测试假日' })).statusCode).toBe(
      200,
    );
    const office = await t.as('office');
    expect((await office.get('/api/calendar/add-working-days?date=2026-12-29&days=1')).json()).toEqual({
      date: '2026-12-31',
      provisional: false,
      provisionalNote: null,
    });
    expect((await office.get('/api/calendar?year=2026')).json().days).toContainEqual({
      date: '2026-12-30',
      kind: 'holiday',
      name: '测试假日',
    });
    await sys.put('/api/calendar/days/2026-12-30', { kind: 'normal' });
    expect((await office.get('/api/calendar/add-working-days?date=2026-12-29&days=1')).json()).toMatchObject({
      date: '2026-12-30',
    });
  });

  it('marks next year as present once a day of it is maintained by hand', async () => {
    const sys = await t.as('sysadmin');
    await sys.put('/api/calendar/days/2027-01-01', { kind: 'holiday', name: '元旦' });
    expect((await sys.get('/api/calendar/status')).json().nextYearMissing).toBe(false);
  });

  it('validates dates with a Chinese message', async () => {
    const res = await (await t.as('office')).get('/api/calendar/add-working-days?date=2026-13-99x&days=1');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'date' });
    expect(res.json().message).toMatch(/日期格式/);
  });
});

describe('isoDate: the day in Asia/Shanghai', () => {
  it('turns at 16:00 UTC, and agrees with dayjs for any instant', () => {
    expect(isoDate(new Date('2026-12-03T15:59:59.999Z'))).toBe('2026-12-03');
    expect(isoDate(new Date('2026-12-03T16:00:00.000Z'))).toBe('2026-12-04');
    expect(isoDate(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        expect(isoDate(d)).toBe(dayjs(d).utcOffset(480).format('YYYY-MM-DD'));
      }),
    );
  });

  it('answers each instant alike when the one before was close to it (the last day is kept)', () => {
    const day = (ms: number) => dayjs(ms).utcOffset(480).format('YYYY-MM-DD');
    const edge = Date.parse('2026-12-03T16:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -90_000_000, max: 90_000_000 }), (k, step) => {
        const first = edge + k * 86_400_000 + (step % 5);
        expect(isoDate(new Date(first))).toBe(day(first));
        expect(isoDate(new Date(first + step))).toBe(day(first + step));
        expect(isoDate(new Date(first - 1))).toBe(day(first - 1));
      }),
    );
  });
});

describe('chinaDate (the China day of a timestamp in SQL, at a fixed offset since 1991)', () => {
  it('is the day the named zone gives, for any time from 1970 to 2100 and around the last DST change', async () => {
    const boundary = Date.parse('1991-09-14T17:00:00Z');
    const times = fc.oneof(
      fc.integer({ min: 0, max: Date.parse('2100-01-01T00:00:00Z') }),
      fc.integer({ min: boundary - 86_400_000, max: boundary + 86_400_000 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(times, { minLength: 1, maxLength: 50 }), async (ms) => {
        const at = ms.map((m) => new Date(m).toISOString());
        const rows = rowsOf<{ fast: string; named: string }>(
          await t.database.db.execute(sql`SELECT ${chinaDate(sql`t`)}::text AS fast,
              (t AT TIME ZONE 'Asia/Shanghai')::date::text AS named
            FROM unnest(${`{${at.join(',')}}`}::timestamptz[]) AS t`),
        );
        for (const r of rows) expect(r.fast).toBe(r.named);
      }),
      { numRuns: 40 },
    );
  });
});
