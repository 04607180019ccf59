/**
 * bench/response-schema.ts — what checking a response against its schema costs (decision 012), side by side in
 * one process: the demo county's ledger page (GET /api/problems as `office`), serialised by plain JSON.stringify
 * and by what the route's serializer does (zod parse of ZProblemPage, then stringify). CPU per page.
 * Usage: npx tsx bench/response-schema.ts [pageSize=20] [rounds=3000]
 */
import os from 'node:os';
import { ZProblemPage } from '../common/problems.schema.js';
import { buildBenchApp, openDemoDatabase } from './lib/demo.js';
import { injectBench } from './lib/inject.js';

const pageSize = Number(process.argv[2] ?? 20);
const rounds = Number(process.argv[3] ?? 3000);
const demo = await openDemoDatabase();
const app = await buildBenchApp(demo);
const cookie = await injectBench(app).session('office');
const res = await app.inject({ method: 'GET', url: `/api/problems?pageSize=${pageSize}`, headers: { cookie } });
if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
const page = res.json() as unknown;

function cpuPerPage(fn: () => string) {
  for (let i = 0; i < 200; i++) fn();
  const start = process.cpuUsage();
  let bytes = 0;
  for (let i = 0; i < rounds; i++) bytes = fn().length;
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000 / rounds, bytes };
}

const plain = cpuPerPage(() => JSON.stringify(page));
const checked = cpuPerPage(() => JSON.stringify(ZProblemPage.parse(page)));
console.log(
  `ledger page, pageSize ${pageSize} (${plain.bytes} bytes), ${rounds} rounds each, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log(`JSON.stringify only:           ${plain.ms.toFixed(3)} ms CPU per page`);
console.log(`schema parse + JSON.stringify: ${checked.ms.toFixed(3)} ms CPU per page`);
console.log(`added by the check:            ${(checked.ms - plain.ms).toFixed(3)} ms per page`);
await app.close();
await demo.close();
