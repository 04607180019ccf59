/**
 * bench/warning-scan.ts — the warning scan (every active situation, one set-based SQL statement
 * each) over N open problems on PostgreSQL: cold scan, then a rescan with no change.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/warning-scan.ts [N=1000000]
 * (creates and drops a throw-away database — KEEP_DB=1 keeps it; without DATABASE_URL it runs on in-memory PGlite)
 */
import { sql } from 'drizzle-orm';
import { Clock } from '../server/platform/clock/clock.js';
import { systemCtx } from '../server/platform/context.js';
import { openDatabase } from '../server/platform/db/client.js';
import { initialiseDatabase } from '../server/seed/seed.js';
import { runWarningScan } from '../server/modules/warnings/warnings.service.js';
import { loadOpenProblems } from './lib/dataset.js';
import { createBenchDatabase } from './lib/pg.js';

const N = Number(process.argv[2] ?? 1_000_000);
/** `--worst`: every problem stale and most overdue (most rules fire on most problems). Default: a working county
 * where ~5% of problems are overdue and most report progress within a fortnight. */
const worst = process.argv.includes('--worst');
const baseUrl = process.env.DATABASE_URL;
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
