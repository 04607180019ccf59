/**
 * bench/import.ts — times the problem-list import alone (POST /api/problems/import over HTTP, with
 * the server's progress lines), on a fresh migrated and seeded database, then verifies the result
 * and the audit chain. bench/run.ts measures the same import inside the full benchmark.
 *
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/import.ts --driver postgres
 *   --driver postgres|pglite   PostgreSQL (a throw-away database, dropped at the end) or PGlite in a temp folder
 *   --rows 10000,100000        files to import, one after the other
 *   --database bench_import    name of the throw-away PostgreSQL database
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from '../server/app.js';
import { verifyChain } from '../server/platform/audit/audit.service.js';
import { Clock } from '../server/platform/clock/clock.js';
import { openDatabase } from '../server/platform/db/client.js';
import { JobRunner } from '../server/platform/jobs/jobs.service.js';
import { DEMO_PASSWORD, initialiseDatabase } from '../server/seed/seed.js';
import { problemImportFile } from './lib/import-file.js';
import { type BenchDatabase, createBenchDatabase } from './lib/pg.js';

const { values: args } = parseArgs({
  options: {
    driver: { type: 'string', default: 'postgres' },
    rows: { type: 'string', default: '10000,100000' },
    database: { type: 'string', default: 'bench_import' },
  },
});
const log = (msg: string) => console.error(`[import] ${msg}`);
const seconds = (t0: number) => +((performance.now() - t0) / 1000).toFixed(1);

/** Uploads with `Accept: application/x-ndjson` and notes when each server phase was first reported. */
async function upload(url: string, session: { cookie: string; csrf: string }, body: Buffer) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(body)]), 'import.xlsx');
  const t0 = performance.now();
  const res = await fetch(`${url}/api/problems/import`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, accept: 'application/x-ndjson' },
    body: form,
  });
  const phases: Record<string, number> = {};
  let last: { type: string; data?: { created: number }; body?: { message: string } } | null = null;
  const text = new TextDecoder();
  let pending = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    pending += text.decode(chunk, { stream: true });
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      last = JSON.parse(line);
      const phase = (last as { phase?: string }).phase ?? last?.type ?? '';
      phases[phase] ??= seconds(t0);
    }
  }
  return { seconds: seconds(t0), phases, last };
}

async function main() {
  const driver = args.driver as 'postgres' | 'pglite';
  const base = process.env.DATABASE_URL;
  let dataDir: string | undefined;
  let url: string | undefined;
  let created: BenchDatabase | undefined;
  if (driver === 'postgres') {
    if (!base) throw new Error('DATABASE_URL is needed for PostgreSQL');
    created = await createBenchDatabase(base, args.database);
    url = created.url;
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-import-'));
  }
  const database = await openDatabase({ databaseUrl: url, dataDir });
  try {
    await database.migrate();
    const clock = new Clock(false);
    await initialiseDatabase(database, clock, { demo: true });
    const app = await buildApp({ database, clock, jobs: new JobRunner(database, clock, []) });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const login = await fetch(`${address}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'office', password: DEMO_PASSWORD }),
      });
      const cookie = String(login.headers.get('set-cookie')).split(';')[0];
      const me = await (await fetch(`${address}/api/me`, { headers: { cookie } })).json();
      const units = await (await fetch(`${address}/api/units?type=department`, { headers: { cookie } })).json();
      const codes = (units.items as { code: string }[]).map((u) => u.code);
      for (const rows of args.rows.split(',').map(Number)) {
        const body = await problemImportFile(address, cookie, rows, codes);
        log(`${driver}: ${rows} rows, ${(body.length / 2 ** 20).toFixed(1)} MiB file`);
        // Server and client share this process: the peak includes the workbook built above.
        let peak = process.memoryUsage().rss;
        const sampler = setInterval(() => {
          peak = Math.max(peak, process.memoryUsage().rss);
        }, 200);
        const r = await upload(address, { cookie, csrf: me.csrfToken }, body);
        clearInterval(sampler);
        const outcome = r.last?.type === 'result' ? `${r.last.data?.created} created` : r.last?.body?.message;
        log(
          `${driver}: ${rows} rows in ${r.seconds} s (${outcome}); phases first seen at ${JSON.stringify(r.phases)} s`,
        );
        log(`${driver}: peak RSS of the process during the import ${Math.round(peak / 2 ** 20)} MiB`);
      }
      const t0 = performance.now();
      const chain = await verifyChain(database.db);
      log(`audit chain ${chain.ok ? 'verified' : 'BROKEN'}: ${chain.checked} records in ${seconds(t0)} s`);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await created?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
