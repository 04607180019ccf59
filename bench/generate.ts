/**
 * bench/generate.ts — builds a benchmark database at county, city or province scale (see
 * bench/lib/dataset.ts): migrations and the demo county first, exactly as production, then set-based
 * bulk generation. Prints the time of each step and the row counts.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/generate.ts --scale county|city|province
 *          [--db bench_<name>]  (creates that database, default bench_<scale>; kept for bench/run --reuse)
 *        npx tsx bench/generate.ts --scale county --data-dir <dir>   (PGlite on disk)
 */
import { parseArgs } from 'node:util';
import { Clock } from '../server/platform/clock/clock.js';
import { openDatabase } from '../server/platform/db/client.js';
import { initialiseDatabase } from '../server/seed/seed.js';
import { type Scale, SCALES, counts, generateDataset } from './lib/dataset.js';
import { createBenchDatabase, createNamedBenchDatabase } from './lib/pg.js';

const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'county' }, db: { type: 'string' }, 'data-dir': { type: 'string' } },
});
const scale = values.scale as Scale;
if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const base = process.env.DATABASE_URL;
// --db keeps the dataset under that name for `bench/run --reuse`; without it the name is unique to this run.
const created = base
  ? values.db
    ? await createNamedBenchDatabase(base, values.db)
    : await createBenchDatabase(base, `bench_${scale}`)
  : undefined;
const url = created?.url;
const database = await openDatabase({ databaseUrl: url, dataDir: values['data-dir'], poolSize: 2 });
const t0 = performance.now();
try {
  await database.migrate();
  await initialiseDatabase(database, new Clock(false), { demo: true });
  await generateDataset(database, scale);
  const seconds = +((performance.now() - t0) / 1000).toFixed(1);
  console.log(JSON.stringify({ scale, database: database.driver, url, seconds, ...(await counts(database)) }));
} finally {
  await database.close();
}
