import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { workingDaysOverdue } from '../../platform/calendar/calendar.service.js';
import { statutoryHolidays } from '../../platform/calendar/statutory.js';
import { rowsOf } from '../../platform/db/client.js';
import { testAppForFile } from '../../test/harness.js';
import { factsSql } from '../problems/problems.facts.js';

/** Issue #13: the warning rules count working days with the same calendar as every other clock. */
const t = testAppForFile();
const office = t.client('office');

describe('warning rules over a year without a holiday schedule', () => {
  it('skip its statutory holidays like the TS calendar and say the count is provisional', async () => {
    const db = t.database.db;
    const [scheduled] = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM calendar_years WHERE year = 2031`),
    );
    expect(scheduled.n).toBe(0);
    // 国庆 2031: 10月1日–3日 fall on Wednesday to Friday.
    expect(statutoryHolidays(2031).map((d) => d.date)).toContain('2031-10-01');
    const [p] = rowsOf<{ id: string }>(
      await db.execute(sql`SELECT id FROM problems WHERE state = 'dispatched' AND category = '安全生产' LIMIT 1`),
    );
    await db.execute(sql`UPDATE problems SET deadline = '2031-09-30' WHERE id = ${p.id}`);
    const expected = await workingDaysOverdue(db, '2031-09-30', '2031-10-06');
    expect(expected).toBe(1); // 10月6日 only: the holidays and the weekend are not working days
    const [facts] = rowsOf<{ working_days_overdue: number; unscheduled_years: number[] }>(
      await db.execute(factsSql(['working_days_overdue'], { today: '2031-10-06', problemId: p.id })),
    );
    expect(facts.working_days_overdue).toBe(expected);
    expect(facts.unscheduled_years).toEqual([2031]);

    const res = await office.get(`/api/warnings/what-if?problemId=${p.id}&date=2031-10-06`);
    expect(res.statusCode, res.body).toBe(200);
    const hit = res.json().items.find((i: { facts: Record<string, number> }) => 'working_days_overdue' in i.facts);
    expect(hit).toMatchObject({ facts: { working_days_overdue: 1 }, provisional: true });
    expect(hit.provisionalNote).toContain('2031年');

    // A scheduled year is not provisional.
    await db.execute(sql`UPDATE problems SET deadline = '2026-09-30' WHERE id = ${p.id}`);
    const [now] = rowsOf<{ unscheduled_years: number[] }>(
      await db.execute(factsSql(['working_days_overdue'], { today: '2026-10-12', problemId: p.id })),
    );
    expect(now.unscheduled_years).toEqual([]);
  });
});
