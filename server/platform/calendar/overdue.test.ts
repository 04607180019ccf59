import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { overdueFrom, workingDaysOverdue } from './calendar.service.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.setClock('2026-11-24T02:00:00Z');
});
afterAll(() => t.close());

/** Escalation asks "deadline < overdueFrom(today, n)"; warnings ask "workingDaysOverdue ≥ n": they must agree. */
const escalates = async (deadline: string, today: string, n: number) =>
  deadline < (await overdueFrom(t.database.db, today, n));
const warns = async (deadline: string, today: string, n: number) =>
  (await workingDaysOverdue(t.database.db, deadline, today)) >= n;

describe('"N working days overdue" is one definition for escalation and warnings', () => {
  it('agrees for a deadline on a Saturday', async () => {
    // Saturday 2026-11-14; Mon 16 – Fri 20 are the five working days after it.
    expect(await workingDaysOverdue(t.database.db, '2026-11-14', '2026-11-20')).toBe(5);
    expect(await escalates('2026-11-14', '2026-11-20', 5)).toBe(true);
    expect(await escalates('2026-11-14', '2026-11-19', 5)).toBe(false);
    for (const today of ['2026-11-19', '2026-11-20', '2026-11-21', '2026-11-23'])
      expect(await escalates('2026-11-14', today, 5)).toBe(await warns('2026-11-14', today, 5));
  });

  it('agrees for a deadline on a holiday (国庆 2026)', async () => {
    // 2 Oct 2026 is a holiday; 8, 9, 10 (Saturday make-up day), 12, 13 Oct are the working days after it.
    expect(await workingDaysOverdue(t.database.db, '2026-10-02', '2026-10-13')).toBe(5);
    expect(await escalates('2026-10-02', '2026-10-13', 5)).toBe(true);
    expect(await escalates('2026-10-02', '2026-10-12', 5)).toBe(false);
  });

  it('agrees everywhere (property)', async () => {
    const day = fc
      .integer({ min: 0, max: 700 })
      .map((i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(day, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 20 }), async (d, gap, n) => {
        const today = new Date(Date.parse(d) + gap * 86_400_000).toISOString().slice(0, 10);
        return (await escalates(d, today, n)) === (await warns(d, today, n));
      }),
      { numRuns: 150 },
    );
  });
});
