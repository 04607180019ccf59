/**
 * The hot read paths against their floor (issue #19), side by side in one run: for each route, the app and
 * the floor route (bench/lib/floor-server.ts) each answer a fixed number of requests from autocannon (its own
 * process); CPU per request of the server process and of the PostgreSQL backends is read from /proc around
 * each run (bench/lib/cpu.ts), with req/s, p50/p99 and the load average at that moment.
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { type BackendCpu, backendDelta, processCpuMs } from './cpu.js';

const execFileP = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

export interface CpuRun {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  nodeMs: number;
  pgMs: number;
  load1: number;
}

/** autocannon in its own process: `amount` requests at `connections`, its JSON summary. */
export async function cannon(url: string, connections: number, amount: number, headers: Record<string, string>) {
  const h = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const { stdout } = await execFileP(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/autocannon/autocannon.js'),
      '-j',
      '-t',
      '60',
      '-c',
      String(connections),
      '-a',
      String(amount),
      ...h,
      url,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    errors: number;
    timeouts: number;
    non2xx: number;
  };
}

/**
 * Waits until the server has stopped working on what an earlier run left queued (requests autocannon gave up on
 * are still answered), so that their CPU is not counted in the next run.
 */
async function settle(pid: number) {
  for (let i = 0; i < 120; i++) {
    const before = processCpuMs(pid);
    await new Promise((r) => setTimeout(r, 250));
    if (processCpuMs(pid) - before <= 10) return;
  }
}

/** `amount` requests at `connections`, after a warm-up that fills the pools; CPU of `pid` and of the backends. */
export async function cpuRun(
  url: string,
  pid: number,
  backends: BackendCpu,
  connections: number,
  amount: number,
  headers: Record<string, string>,
): Promise<CpuRun> {
  await cannon(url, connections, Math.max(connections * 4, Math.round(amount / 10)), headers);
  await settle(pid);
  const node0 = processCpuMs(pid);
  const pg0 = await backends.snapshot();
  const r = await cannon(url, connections, amount, headers);
  await settle(pid);
  const node1 = processCpuMs(pid);
  const pg1 = await backends.snapshot();
  const n = r.requests.total || amount;
  return {
    requests: n,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.errors + r.timeouts + r.non2xx,
    nodeMs: (node1 - node0) / n,
    pgMs: backendDelta(pg0, pg1) / n,
    load1: os.loadavg()[0],
  };
}

export interface HotPath {
  route: string;
  connections: number;
  app: CpuRun;
  floor: CpuRun | null;
}

export interface HotTarget {
  route: string;
  appPath: string;
  floorPath: string | null;
  /** Share of `amount` this route runs (a route ten times dearer runs a tenth as many requests). */
  share?: number;
}

/** Each route at each connection count: app, then its floor, one after the other. */
export async function hotPaths(opts: {
  appUrl: string;
  appPid: number;
  floorUrl: string;
  floorPid: number;
  backends: BackendCpu;
  cookie: string;
  targets: HotTarget[];
  connections: number[];
  amount: number;
  log: (msg: string) => void;
}): Promise<HotPath[]> {
  const out: HotPath[] = [];
  const headers = { cookie: opts.cookie };
  for (const c of opts.connections) {
    for (const t of opts.targets) {
      const amount = Math.max(c * 2, Math.round(opts.amount * (t.share ?? 1)));
      const app = await cpuRun(opts.appUrl + t.appPath, opts.appPid, opts.backends, c, amount, headers);
      const floor = t.floorPath
        ? await cpuRun(opts.floorUrl + t.floorPath, opts.floorPid, opts.backends, c, amount, headers)
        : null;
      out.push({ route: t.route, connections: c, app, floor });
      opts.log(`${t.route} at ${c}: ${describe(app)}${floor ? ` | floor ${describe(floor)}` : ''}`);
    }
  }
  return out;
}

const describe = (r: CpuRun) =>
  `${(r.nodeMs + r.pgMs).toFixed(2)} ms CPU (${r.nodeMs.toFixed(2)} Node + ${r.pgMs.toFixed(2)} PG), ${r.rps}/s, p50 ${r.p50} p99 ${r.p99}${r.failed ? `, ${r.failed} failed` : ''}`;

/** The markdown table of a hot-path run. */
export function hotPathTable(rows: HotPath[]): string[] {
  const cpu = (r: CpuRun) => `${(r.nodeMs + r.pgMs).toFixed(2)} (${r.nodeMs.toFixed(2)} + ${r.pgMs.toFixed(2)})`;
  const lat = (r: CpuRun) => `${r.rps}, ${r.p50} / ${r.p99}${r.failed ? ` (${r.failed} failed)` : ''}`;
  const lines = [
    '| route | conn. | app CPU ms/req (Node + PG) | floor CPU ms/req (Node + PG) | app ÷ floor CPU | app req/s, p50 / p99 ms | floor req/s, p50 / p99 ms | load 1 min |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    const ratio = r.floor
      ? `${((r.app.nodeMs + r.app.pgMs) / (r.floor.nodeMs + r.floor.pgMs)).toFixed(2)}×`
      : '— (no floor)';
    lines.push(
      `| ${r.route} | ${r.connections} | ${cpu(r.app)} | ${r.floor ? cpu(r.floor) : '—'} | ${ratio} | ${lat(r.app)} | ${r.floor ? lat(r.floor) : '—'} | ${r.app.load1.toFixed(1)} |`,
    );
  }
  return lines;
}
