/**
 * bench/warning-scan.ts — the warning scan (every active situation, one set-based SQL statement
 * each) over N open problems on PostgreSQL: cold scan, then a rescan with no change.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/warning-scan.ts [N=1000000]
 * (creates and drops a throw-away database — KEEP_DB=1 keeps it; without DATABASE_URL it runs on in-memory PGlite)
 *
 * The nightly scan alone, on a kept database: `DATABASE_URL=… npx tsx bench/warning-scan.ts --reuse bench_scan_xxxx
 * [--repeat 5]` runs the next calendar day's scan `repeat` times, each in a transaction rolled back afterwards, so every
 * run meets the same data and two versions of the code can be compared on one database, alternately.
 */
import { sql } from 'drizzle-orm';
import { Clock } from '../server/platform/clock/clock.js';
import { systemCtx } from '../server/platform/context.js';
import { openDatabase } from '../server/platform/db/client.js';
import { initialiseDatabase } from '../server/seed/seed.js';
import { runWarningScan } from '../server/modules/warnings/warnings.service.js';
import { loadOpenProblems } from './lib/dataset.js';
import { withDatabase } from '../server/platform/db/admin.js';
import { createBenchDatabase } from './lib/pg.js';

const N = Number(process.argv[2] ?? 1_000_000);
/** `--worst`: every problem stale and most overdue (most rules fire on most problems). Default: a working county
 * where ~5% of problems are overdue and most report progress within a fortnight. */
const worst = process.argv.includes('--worst');
const baseUrl = process.env.DATABASE_URL;
const option = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const reuse = option('--reuse');
if (reuse) {
  if (!baseUrl) throw new Error('--reuse needs DATABASE_URL (the server of the kept database)');
  await nightlyScans(withDatabase(baseUrl, reuse), Number(option('--repeat') ?? 5));
  process.exit(0);
}
const created = baseUrl ? await createBenchDatabase(baseUrl, 'bench_scan') : undefined;
const database = await openDatabase({ databaseUrl: created?.url });
const clock = new Clock(true);
try {
  await database.migrate();
  await initialiseDatabase(database, clock, { demo: true });
  const t0 = performance.now();
  await loadOpenProblems(database, N, worst);
  const loadSeconds = (performance.now() - t0) / 1000;
  const time = async () => {
    const s = performance.now();
    const r = await database.db.transaction((tx) => runWarningScan(systemCtx(tx, clock)));
    return { totalMs: Math.round(performance.now() - s), ...r };
  };
  const cold = await time();
  const rescan = await time();
  // A working day: one problem changed, so everything is evaluated again but few warnings are new.
  await database.db.execute(sql`UPDATE problems SET version = version + 1 WHERE code = 'S1'`);
  const rescanAfterChange = await time();
  // The next calendar day: every day-counting fact moves, which is what the nightly scan meets.
  await clock.set(database.db, new Date(clock.now().getTime() + 86_400_000));
  const nextDay = await time();
  const open = await database.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM problems WHERE state IN ('dispatched','rectifying','close_requested')",
  );
  console.log(
    JSON.stringify(
      {
        dataset: worst ? 'worst case' : 'working county',
        database: database.driver,
        openProblems: open.rows[0].n,
        loadSeconds: +loadSeconds.toFixed(1),
        cold,
        rescan,
        rescanAfterChange,
        nextDay,
      },
      null,
      1,
    ),
  );
} finally {
  await database.close();
  if (created && !process.env.KEEP_DB) await created.drop();
  else if (created) console.log(`kept database ${created.name}`);
}

/** The next calendar day's scan, `repeat` times on the same data: each run's transaction is rolled back. */
async function nightlyScans(url: string, repeat: number) {
  const database = await openDatabase({ databaseUrl: url });
  const clock = new Clock(true);
  const rolledBack = new Error('rolled back');
  const runs = [];
  try {
    await clock.refresh(database.db);
    const tomorrow = new Date(clock.now().getTime() + 86_400_000);
    for (let i = 0; i < repeat; i++) {
      // A rolled-back run leaves its warnings behind as dead rows and index entries, which the next run would read.
      await database.query('VACUUM (ANALYZE) warnings, warning_events');
      let run: Record<string, unknown> = {};
      await database.db
        .transaction(async (tx) => {
          await clock.set(tx, tomorrow);
          const s = performance.now();
          const r = await runWarningScan(systemCtx(tx, clock));
          run = { totalMs: Math.round(performance.now() - s), created: r.created, resolved: r.resolved, ms: r.ms };
          throw rolledBack;
        })
        .catch((e) => {
          if (e !== rolledBack) throw e;
        });
      runs.push(run);
      console.log(JSON.stringify(run));
    }
    const totals = runs.map((r) => r.totalMs as number).sort((a, b) => a - b);
    console.log(`nightly scan, ${repeat} runs: min ${totals[0]} ms, median ${totals[Math.floor(repeat / 2)]} ms`);
  } finally {
    await database.close();
  }
}
