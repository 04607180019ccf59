/**
 * bench/command-centre.ts — issue #18's targets on the demo county: 今日工作 (`GET /api/home`) per role (SPEC: < 150 ms
 * p50 on PGlite) and the command centre's requests (`/api/dashboard`, `/stalls`, `/overreach`; < 100 ms p50 for a
 * county). Full requests through the real app in this process (session, scope, validation, SQL, JSON), one client,
 * with the CPU each request cost this process.
 * Usage: npx tsx bench/command-centre.ts [runs=30]                 (PGlite, in memory)
 *        DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/command-centre.ts   (a throw-away database)
 */
import os from 'node:os';
import { buildBenchApp, openDemoDatabase } from './lib/demo.js';
import { injectBench } from './lib/inject.js';

const runs = Number(process.argv[2] ?? 30);
const pg = !!process.env.DATABASE_URL;
const loadBefore = os.loadavg();
const demo = await openDemoDatabase(pg ? `bench_command_centre_${process.pid}` : undefined);
const app = await buildBenchApp(demo);
const bench = injectBench(app, runs);

const rows: { request: string; user: string; p50: string; p95: string; cpu: string }[] = [];
async function time(user: string, path: string) {
  const cookie = await bench.session(user);
  const start = process.cpuUsage();
  const m = await bench.measure(path, cookie, path);
  const used = process.cpuUsage(start);
  rows.push({
    request: path,
    user,
    p50: m.p50,
    p95: m.p95,
    cpu: ((used.user + used.system) / 1000 / (runs + 3)).toFixed(1),
  });
}

for (const user of ['office', 'leader', 'wenze1', 'zhujian', 'zhujian.head', 'fuxianzhang', 'zuzhibu', 'paizhu1'])
  await time(user, '/api/home');
for (const path of ['/api/dashboard', '/api/dashboard/stalls', '/api/dashboard/overreach']) await time('leader', path);

console.log(
  `demo county on ${pg ? 'PostgreSQL' : 'PGlite'}, ${runs} runs each after 3 warm-ups; load before ${loadBefore
    .map((l) => l.toFixed(2))
    .join(' ')}, after ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; ${os.cpus().length} cores`,
);
console.log('| request | user | p50 ms | p95 ms | CPU ms / request |\n|---|---|---|---|---|');
for (const r of rows) console.log(`| \`${r.request}\` | ${r.user} | ${r.p50} | ${r.p95} | ${r.cpu} |`);
await app.close();
await demo.close();
