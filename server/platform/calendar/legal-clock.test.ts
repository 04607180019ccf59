import dayjs from 'dayjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { addWorkingDays, workingDaysBetween } from './calendar.service.js';
import { addMonths, legalDeadline } from './legal-clock.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const deadline = (
  start: string,
  amount: number,
  unit: 'months' | 'days' | 'working_days',
  pauses = [] as { from: string; to: string | null }[],
) => legalDeadline(t.database.db, start, { amount, unit }, pauses);

describe('the legal clock engine (SPEC 2b)', () => {
  it('counts months, clamping to the end of a shorter month', async () => {
    expect(await deadline('2026-08-31', 1, 'months')).toBe('2026-09-30');
    expect(await deadline('2026-03-16', 2, 'months')).toBe('2026-05-18'); // 16 May is a Saturday
    expect(addMonths('2026-05-31', 6)).toBe('2026-11-30'); // influence periods are not moved
  });

  it('moves a period ending on a rest day to the next working day (国庆, weekends)', async () => {
    expect(await deadline('2026-09-01', 1, 'months')).toBe('2026-10-08');
    expect(await deadline('2026-11-06', 15, 'days')).toBe('2026-11-23'); // 21 Nov is a Saturday
    expect(await deadline('2026-11-06', 14, 'days')).toBe('2026-11-20');
  });

  it('counts working days across holidays and make-up days', async () => {
    expect(await deadline('2026-09-30', 3, 'working_days')).toBe('2026-10-10');
  });

  it('does not count the days a clock was paused, and has no deadline while paused', async () => {
    expect(await deadline('2026-11-02', 1, 'months', [{ from: '2026-11-10', to: '2026-11-17' }])).toBe('2026-12-09');
    expect(await deadline('2026-11-02', 5, 'working_days')).toBe('2026-11-09');
    expect(await deadline('2026-11-02', 5, 'working_days', [{ from: '2026-11-03', to: '2026-11-05' }])).toBe(
      '2026-11-11',
    );
    expect(await deadline('2026-11-02', 1, 'months', [{ from: '2026-11-10', to: null }])).toBeNull();
  });

  it('always ends a calendar period on a working day, never before its nominal end', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 360 }), fc.integer({ min: 1, max: 40 }), async (offset, days) => {
        const start = dayjs('2026-01-01').add(offset, 'day').format('YYYY-MM-DD');
        const end = (await deadline(start, days, 'days')) as string;
        const nominal = dayjs(start).add(days, 'day').format('YYYY-MM-DD');
        expect(end >= nominal).toBe(true);
        // A working day, and every day from the nominal end up to it is a rest day.
        expect(await addWorkingDays(t.database.db, await addWorkingDays(t.database.db, end, -1), 1)).toBe(end);
        const dayBefore = (d: string) => dayjs(d).subtract(1, 'day').format('YYYY-MM-DD');
        expect(await workingDaysBetween(t.database.db, dayBefore(nominal), dayBefore(end))).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
