/**
 * bench/concurrent-creates.ts — 200 concurrent creates on PostgreSQL with the pool queue (issue #21 item 18):
 * the real server as a child process with DB_POOL_SIZE / DB_POOL_WAIT_MS from the environment, a throw-away
 * database, one burst of `--n` simultaneous `POST /api/problems` (two measures, dispatched) each with its own
 * Idempotency-Key. Prints the count of 201s and 503s (and anything else), p50/p99 latency, the server's CPU time
 * per request (/proc/<pid>/stat), the load average, and checks rows written = 201s acknowledged.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres [DB_POOL_SIZE=10] [DB_POOL_WAIT_MS=30000]
 *        npx tsx bench/concurrent-creates.ts [--n 200]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createBenchDatabase, signIn, startServer } from '../reliability/harness.js';

const { values: args } = parseArgs({ options: { n: { type: 'string', default: '200' } } });
const N = Number(args.n);
const base = process.env.DATABASE_URL;
if (!base) throw new Error('bench/concurrent-creates needs DATABASE_URL (PostgreSQL)');
const pool = {
  DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? '10',
  DB_POOL_WAIT_MS: process.env.DB_POOL_WAIT_MS ?? '30000',
};

/** User + system CPU seconds of a process so far. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const db = await createBenchDatabase(base);
const server = await startServer({ DATABASE_URL: db.url, ZELIAN_JOBS: '0', ...pool });
try {
  const office = await signIn(server.baseUrl, 'office');
  const units = (await office.request('GET', '/api/units?type=department')).body.items as { id: string }[];
  const marker = `并发创建${crypto.randomBytes(3).toString('hex')}`;
  const cpu0 = cpuSeconds(server.pid);
  const t0 = performance.now();
  const results = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const res = await office.request(
        'POST',
        '/api/problems',
        {
          title: `${marker}-${i}`,
          description: '并发创建基准测试',
          source: 'patrol',
          unitId: units[i % units.length].id,
          measures: [
            { content: '第一项整改措施', deadlineType: 'working', days: 5 },
            { content: '第二项整改措施', deadlineType: 'date', deadline: '2027-06-30' },
          ],
          dispatch: true,
        },
        { 'idempotency-key': `bench-${marker.slice(4)}-${i}` },
      );
      return { status: res.status, ms: res.ms };
    }),
  );
  const wall = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(server.pid) - cpu0;
  const load = os.loadavg();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const rows = Number(
    (await client.query('SELECT count(*) FROM problems WHERE title LIKE $1', [`${marker}-%`])).rows[0].count,
  );
  await client.end();
  const byStatus: Record<number, number> = {};
  for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const report = {
    requests: N,
    pool,
    statuses: byStatus,
    created201: byStatus[201] ?? 0,
    answered503: byStatus[503] ?? 0,
    rowsWritten: rows,
    p50ms: Math.round(pct(ms, 50)),
    p99ms: Math.round(pct(ms, 99)),
    wallSeconds: Number(wall.toFixed(2)),
    serverCpuMsPerRequest: Number(((cpu * 1000) / N).toFixed(1)),
    loadAverage: load.map((l) => Number(l.toFixed(2))),
    cpus: os.cpus().length,
  };
  console.log(JSON.stringify(report, null, 2));
  if (rows !== report.created201) throw new Error(`${rows} rows written for ${report.created201} acknowledgements`);
} finally {
  await server.stop();
  await db.drop();
}
