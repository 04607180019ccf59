import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { addWorkingDays, workingDaysBetween } from './calendar.service.js';
import { statutoryHolidays } from './statutory.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.setClock('2026-11-24T02:00:00Z');
});
afterAll(() => t.close());

describe('statutory holidays of a year without a published schedule (《全国年节及纪念日放假办法》)', () => {
  it('computes the 2025 revision: 春节 from 除夕, 劳动节 two days (国务院令第795号)', () => {
    const days = statutoryHolidays(2031).map((d) => d.date);
    expect(days).toEqual(
      expect.arrayContaining([
        '2031-01-01',
        '2031-01-22', // 除夕
        '2031-01-23',
        '2031-01-24',
        '2031-01-25',
        '2031-04-05', // 清明 (solar term)
        '2031-05-01',
        '2031-05-02',
        '2031-06-24', // 端午
        '2031-10-01', // 中秋 falls on 国庆 in 2031
        '2031-10-02',
        '2031-10-03',
      ]),
    );
    expect(days).toHaveLength(13);
  });

  it('counts 3 days of 春节 and 1 of 劳动节 before 2025', () => {
    const days = statutoryHolidays(2024).map((d) => d.date);
    expect(days).not.toContain('2024-02-09'); // 除夕 was no statutory holiday then
    expect(days).toEqual(
      expect.arrayContaining(['2024-02-10', '2024-02-12', '2024-04-04', '2024-06-10', '2024-09-17']),
    );
    expect(days).not.toContain('2024-05-02');
  });

  it('skips the statutory holidays of an unscheduled year in working-day counts', async () => {
    const db = t.database.db;
    expect(await addWorkingDays(db, '2031-09-30', 1)).toBe('2031-10-06'); // 1–3 Oct Wed–Fri
    expect(await addWorkingDays(db, '2031-01-21', 1)).toBe('2031-01-27'); // 除夕 Wed, 春节 Thu–Sat
    expect(await addWorkingDays(db, '2031-04-30', 1)).toBe('2031-05-05');
    expect(await workingDaysBetween(db, '2031-09-30', '2031-10-06')).toBe(1);
  });

  it('flags every answer over an unscheduled year as provisional, in Chinese', async () => {
    const office = await t.as('office');
    const add = (await office.get('/api/calendar/add-working-days?date=2031-09-30&days=1')).json();
    expect(add).toMatchObject({ date: '2031-10-06', provisional: true });
    expect(add.provisionalNote).toMatch(/2031年.*尚未录入.*全国年节及纪念日放假办法/);
    const between = (await office.get('/api/calendar/working-days-between?from=2031-09-30&to=2031-10-06')).json();
    expect(between).toMatchObject({ days: 1, provisional: true });
    const scheduled = (await office.get('/api/calendar/add-working-days?date=2026-09-30&days=1')).json();
    expect(scheduled).toEqual({ date: '2026-10-08', provisional: false, provisionalNote: null });
  });

  it('the banner covers the current year, not only the next', async () => {
    const t2 = await createTestApp();
    try {
      await t2.setClock('2030-03-02T02:00:00Z');
      const status = (await (await t2.as('office')).get('/api/calendar/status')).json();
      expect(status).toMatchObject({ missingYears: [2030, 2031], provisional: true });
      expect(status.provisionalNote).toMatch(/2030年、2031年/);
    } finally {
      await t2.close();
    }
  });
});
