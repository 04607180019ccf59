import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness.js';
import { type Executor, openDatabase, readTogether, rowsOf } from './client.js';

let test: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  test = await openTestDatabase();
});
afterAll(() => test.drop());

/** Three reads that note how many of them were running at the same moment. */
function probes(db: Executor) {
  let running = 0;
  let most = 0;
  const read = (n: number) => async () => {
    running += 1;
    most = Math.max(most, running);
    const r = rowsOf<{ n: number }>(await db.execute(sql`SELECT ${n}::int AS n, pg_sleep(0.02)`));
    running -= 1;
    return r[0].n;
  };
  return { reads: [read(1), read(2), read(3)] as const, most: () => most };
}

describe('readTogether', () => {
  it('runs independent reads at once on the pool', async () => {
    const p = probes(test.database.db);
    expect(await readTogether(test.database.db, p.reads)).toEqual([1, 2, 3]);
    expect(p.most()).toBe(3);
  });

  it('runs them one after another inside a transaction, whose one connection must not get overlapping queries', async () => {
    const results = await test.database.db.transaction(async (tx) => {
      const p = probes(tx);
      const r = await readTogether(tx, p.reads);
      return { r, most: p.most() };
    });
    expect(results).toEqual({ r: [1, 2, 3], most: 1 });
  });
});

describe('the PostgreSQL pool', () => {
  // PGlite is one in-process connection without a pool: there is nothing to queue for.
  it.skipIf(!process.env.DATABASE_URL)(
    'queues a request for a busy pool within the wait budget instead of failing it as an outage (PostgreSQL only)',
    async () => {
      const small = await openDatabase({ databaseUrl: test.url, poolSize: 2, poolWaitMs: 20_000 });
      try {
        // 40 reads of 0.3 s on 2 connections: the last waits about 6 s for a connection.
        const reads = Array.from({ length: 40 }, (_, i) => small.query('SELECT $1::int AS n, pg_sleep(0.3)', [i]));
        const settled = await Promise.allSettled(reads);
        expect(settled.filter((r) => r.status === 'rejected')).toEqual([]);
      } finally {
        await small.close();
      }
    },
    30_000,
  );

  it.skipIf(!process.env.DATABASE_URL)(
    'still fails fast when PostgreSQL cannot be reached (PostgreSQL only)',
    async () => {
      const gone = await openDatabase({ databaseUrl: 'postgres://postgres@127.0.0.1:1/none', poolWaitMs: 20_000 });
      try {
        const started = Date.now();
        await expect(gone.query('SELECT 1')).rejects.toThrow();
        expect(Date.now() - started).toBeLessThan(5000);
      } finally {
        await gone.close();
      }
    },
  );
});
