/**
 * bench/workers.ts — ZELIAN_WORKERS=1 against ZELIAN_WORKERS=2 on one machine (issue #19, "use every core"): the app
 * is started with 1 worker, then with 2 (one after the other, the order reversed in the second round), signed in as
 * `office`, and autocannon (its own process) runs a fixed number of requests per route at 50 and 200 connections.
 * Reported per run: req/s, p50 / p99, and CPU ms per request — utime + stime from /proc of the primary and every
 * worker, and of the PostgreSQL backends of the database (bench/lib/cpu.ts) — then the ratio 2 workers ÷ 1.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_hotpath_county npx tsx bench/workers.ts \
 *     [--requests 3000] [--rounds 2] [--workers 2] [--connections 50,200]
 *
 * The database must exist (bench/generate --db …) and is never dropped; nothing is written to it but sessions.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { backendDelta, processCpuMs } from './lib/cpu.js';
import { SERVER_V8_FLAGS } from './lib/pg.js';
import { type CpuRun, cannon } from './lib/hot-paths.js';
import { freePort, signInCookie } from './lib/server.js';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '3000' },
    rounds: { type: 'string', default: '2' },
    workers: { type: 'string', default: '2' },
    connections: { type: 'string', default: '50,200' },
    user: { type: 'string', default: 'office' },
  },
});
const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/bench_hotpath_county';
const database = new URL(url).pathname.slice(1);
const adminUrl = Object.assign(new URL(url), { pathname: '/postgres' }).toString();
// The server's connections carry this name, so that only its backends are counted (not another run's on the database).
const APP_NAME = `bench_workers_${process.pid}`;
const serverUrl = Object.assign(new URL(url), { search: `?application_name=${APP_NAME}` }).toString();
const ROOT = path.resolve(import.meta.dirname, '..');
/** Each route with its share of --requests (/api/me costs a tenth of the list: five times as many, so it runs seconds). */
const ROUTES: [string, number][] = [
  ['/api/problems?state=rectifying&sort=deadline&pageSize=20&page=3', 1],
  ['/api/me', 5],
];
const CONNECTIONS = args.connections.split(',').map(Number);
const AMOUNT = Number(args.requests);
const MANY = Number(args.workers);
const log = (msg: string) => console.error(`[workers] ${msg}`);

interface Server {
  child: ChildProcess;
  url: string;
  /** The primary and its workers (or the single process). */
  pids: () => number[];
}

function childrenOf(pid: number): number[] {
  try {
    const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text ? text.split(' ').map(Number) : [];
  } catch {
    return [];
  }
}

async function start(workers: number): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_V8_FLAGS, '--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: serverUrl,
      // The key the dataset's audit chain was made with (bench/ab.ts does the same).
      ZELIAN_AUDIT_KEY_FILE: path.join(ROOT, 'data-audit/audit.key'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      ZELIAN_JOBS: '0',
      ZELIAN_WORKERS: String(workers),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => {
    out += c.toString();
  });
  for (let i = 0; i < 900; i++) {
    if (child.exitCode !== null) throw new Error(`ZELIAN_WORKERS=${workers}: the server exited\n${out}`);
    if (out.includes('已启动')) {
      const pid = child.pid as number;
      return { child, url: `http://127.0.0.1:${port}`, pids: () => [pid, ...childrenOf(pid)] };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`ZELIAN_WORKERS=${workers}: the server did not start`);
}

async function stop(server: Server) {
  if (server.child.exitCode !== null) return;
  const gone = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await gone;
}

const cpuOf = (pids: number[]) => pids.reduce((sum, pid) => sum + processCpuMs(pid), 0);

/** Waits until the server processes are idle (what an earlier run left queued is answered and not counted). */
async function settle(server: Server) {
  for (let i = 0; i < 120; i++) {
    const before = cpuOf(server.pids());
    await new Promise((r) => setTimeout(r, 250));
    if (cpuOf(server.pids()) - before <= 10) return;
  }
}

type Run = Omit<CpuRun, 'requests' | 'load1'>;

/** CPU ms of each backend of the server's connections now. */
async function backendSnapshot(admin: pg.Client): Promise<Map<number, number>> {
  const { rows } = await admin.query<{ pid: number }>(
    'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2',
    [database, APP_NAME],
  );
  return new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
}

async function measure(server: Server, admin: pg.Client, route: string, share: number, c: number, cookie: string) {
  const target = server.url + route;
  const amount = AMOUNT * share;
  // Warm-up: fills every worker's pools and JIT.
  await cannon(target, c, Math.max(c * 4, Math.round(amount / 5)), { cookie });
  await settle(server);
  const pids = server.pids();
  const node0 = cpuOf(pids);
  const pg0 = await backendSnapshot(admin);
  const r = await cannon(target, c, amount, { cookie });
  await settle(server);
  const node1 = cpuOf(pids);
  const pg1 = await backendSnapshot(admin);
  const n = r.requests.total || amount;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.errors + r.timeouts + r.non2xx,
    nodeMs: (node1 - node0) / n,
    pgMs: backendDelta(pg0, pg1) / n,
  } satisfies Run;
}

const key = (workers: number, route: string, c: number) => `${workers} ${route} ${c}`;
const runs = new Map<string, Run[]>();
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
log(
  `${database}; ${AMOUNT} requests per run of the list, ${AMOUNT * 5} of /api/me; ${os.availableParallelism()} CPUs; 1 against ${MANY} workers`,
);
try {
  for (let round = 0; round < Number(args.rounds); round++) {
    for (const workers of round % 2 ? [MANY, 1] : [1, MANY]) {
      const server = await start(workers);
      try {
        const cookie = await signInCookie(server.url, args.user);
        for (const c of CONNECTIONS) {
          for (const [route, share] of ROUTES) {
            const r = await measure(server, admin, route, share, c, cookie);
            runs.set(key(workers, route, c), [...(runs.get(key(workers, route, c)) ?? []), r]);
            log(
              `round ${round + 1}, ${workers} worker(s), ${route} at ${c}: ${Math.round(r.rps)}/s p50 ${r.p50} p99 ${r.p99} ms, ${(r.nodeMs + r.pgMs).toFixed(2)} ms CPU (${r.nodeMs.toFixed(2)} Node + ${r.pgMs.toFixed(2)} PG)${r.failed ? `, ${r.failed} failed` : ''}, load ${os.loadavg()[0].toFixed(1)}`,
            );
          }
        }
      } finally {
        await stop(server);
      }
    }
  }
} finally {
  await admin.end();
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const avg = (rs: Run[]): Run => ({
  rps: mean(rs.map((r) => r.rps)),
  p50: mean(rs.map((r) => r.p50)),
  p99: mean(rs.map((r) => r.p99)),
  failed: rs.reduce((a, r) => a + r.failed, 0),
  nodeMs: mean(rs.map((r) => r.nodeMs)),
  pgMs: mean(rs.map((r) => r.pgMs)),
});
const cell = (r: Run) =>
  `${Math.round(r.rps)} | ${r.p50.toFixed(0)} / ${r.p99.toFixed(0)} | ${(r.nodeMs + r.pgMs).toFixed(2)} (${r.nodeMs.toFixed(2)} + ${r.pgMs.toFixed(2)})${r.failed ? ` ⚠ ${r.failed} failed` : ''}`;
console.log(
  `\n${database}, ${os.availableParallelism()} CPUs, ${AMOUNT} (list) and ${AMOUNT * 5} (/api/me) requests per run, mean of ${args.rounds} rounds`,
);
console.log(
  `| route | conn. | 1 worker: req/s | p50 / p99 ms | CPU ms/req (Node + PG) | ${MANY} workers: req/s | p50 / p99 ms | CPU ms/req (Node + PG) | req/s ${MANY} ÷ 1 | CPU/req ${MANY} ÷ 1 |`,
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const c of CONNECTIONS) {
  for (const [route] of ROUTES) {
    const one = avg(runs.get(key(1, route, c)) ?? []);
    const many = avg(runs.get(key(MANY, route, c)) ?? []);
    const cpu = (r: Run) => r.nodeMs + r.pgMs;
    const name = route.split('?')[0];
    console.log(
      `| ${name} | ${c} | ${cell(one)} | ${cell(many)} | ${(many.rps / one.rps).toFixed(2)} | ${(cpu(many) / cpu(one)).toFixed(2)} |`,
    );
  }
}
