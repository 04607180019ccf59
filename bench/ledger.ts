/**
 * bench/ledger.ts — latency of the problem ledger list and of Chinese keyword search on a
 * 100,000-problem dataset, through the real app (HTTP inject, session, scope, JSON).
 * Usage: npx tsx bench/ledger.ts [problems=100000]   (DATABASE_URL=postgres://… for PostgreSQL:
 * it creates and drops a throw-away database on that server)
 */
import { buildBenchApp, openDemoDatabase } from './lib/demo.js';
import { injectBench } from './lib/inject.js';
import { loadLedgerCopies } from './lib/dataset.js';

const N = Number(process.argv[2] ?? 100_000);
const demo = await openDemoDatabase(`bench_ledger_${process.pid}`);
const { database } = demo;

const t0 = performance.now();
await loadLedgerCopies(database, N);
const loadMs = performance.now() - t0;

const app = await buildBenchApp(demo);
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
await demo.close();
