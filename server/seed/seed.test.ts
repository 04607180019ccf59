import { describe, expect, it } from 'vitest';
import { Clock } from '../platform/clock/clock.js';
import { openDatabase } from '../platform/db/client.js';
import { initialiseDatabase } from './seed.js';

describe('first start', () => {
  it('without the demo county creates only sysadmin with a one-time password, once', async () => {
    const database = await openDatabase({});
    try {
      await database.migrate();
      const clock = new Clock(false);
      const first = await initialiseDatabase(database, clock, { demo: false });
      expect(first.created).toBe(true);
      expect(first.sysadminPassword).toMatch(/^Zl-.{16}$/);
      const users = await database.query<{ username: string }>('SELECT username FROM users');
      expect(users.rows.map((u) => u.username)).toEqual(['sysadmin']);
      expect((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM units')).rows[0].n).toBe(0);
      expect(
        (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM calendar_years')).rows[0].n,
      ).toBeGreaterThan(0);
      expect(await initialiseDatabase(database, clock, { demo: false })).toEqual({ created: false });
    } finally {
      await database.close();
    }
  });
});
