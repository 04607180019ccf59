/**
 * bench/ledger.ts — latency of the problem ledger list and of Chinese keyword search on a
 * 100,000-problem dataset, through the real app (HTTP inject, session, scope, JSON).
 * Usage: npx tsx bench/ledger.ts [problems=100000]   (DATABASE_URL=postgres://… for PostgreSQL:
 * it creates and drops a throw-away database on that server)
 */
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { allJobs } from '../server/jobs.js';
import { Clock } from '../server/platform/clock/clock.js';
import { openDatabase } from '../server/platform/db/client.js';
import { JobRunner } from '../server/platform/jobs/jobs.service.js';
import { initialiseDatabase } from '../server/seed/seed.js';
import { injectBench } from './lib/inject.js';
import { loadLedgerCopies } from './lib/dataset.js';

const N = Number(process.argv[2] ?? 100_000);
const baseUrl = process.env.DATABASE_URL;
let url: string | undefined;
const dbName = `zelian_bench_${process.pid}`;
if (baseUrl) {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  url = u.toString();
}
const database = await openDatabase({ databaseUrl: url });
await database.migrate();
const clock = new Clock(false);
await initialiseDatabase(database, clock, { demo: true });

const t0 = performance.now();
await loadLedgerCopies(database, N);
const loadMs = performance.now() - t0;

const app = await buildApp({ database, clock, jobs: new JobRunner(database, clock, allJobs), serveWeb: false });
await app.ready();
const { session, measure } = injectBench(app);
const office = await session('office');
const zhujian = await session('zhujian');

const results = [
  await measure('ledger page 1 (office, whole county)', office, '/api/problems?page=1&pageSize=20'),
  await measure(
    'ledger filtered (state+colour, sorted by deadline)',
    office,
    '/api/problems?state=rectifying&color=red&sort=deadline',
  ),
  await measure('ledger page 1 (liaison of one unit)', zhujian, '/api/problems?page=1&pageSize=20'),
  await measure('search q=廉政 (office)', office, `/api/problems?q=${encodeURIComponent('廉政')}`),
  await measure('search q=自建房安全 (office)', office, `/api/problems?q=${encodeURIComponent('自建房安全')}`),
];
console.log(
  JSON.stringify(
    { database: database.driver, problems: N + 300, loadSeconds: +(loadMs / 1000).toFixed(1), results },
    null,
    1,
  ),
);
await app.close();
await database.close();
if (baseUrl) {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
  await admin.end();
}
