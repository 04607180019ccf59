/**
 * bench/startup.ts — start time (first start with demo seeding, and a warm restart) and resident
 * memory at idle of `npm start`'s server on the embedded database, or on DATABASE_URL if set.
 * Usage: npx tsx bench/startup.ts
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = 20000 + Math.floor(Math.random() * 20000);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zelian-bench-'));

function start(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn', ZELIAN_JOBS: '1' },
    stdio: 'ignore',
  });
}

async function untilHealthy(child: ChildProcess): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error('server exited');
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) return performance.now() - t0;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

const first = start();
const firstMs = await untilHealthy(first);
await new Promise((r) => setTimeout(r, 15_000));
const idleRss = rssMiB(first.pid as number);
await stop(first);
const warm = start();
const warmMs = await untilHealthy(warm);
await new Promise((r) => setTimeout(r, 15_000));
const warmIdleRss = rssMiB(warm.pid as number);
await stop(warm);
fs.rmSync(dataDir, { recursive: true, force: true });

console.log(
  JSON.stringify({
    database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
    firstStartMs: Math.round(firstMs),
    warmStartMs: Math.round(warmMs),
    idleRssMiBAfterFirstStart: Math.round(idleRss),
    idleRssMiBAfterWarmStart: Math.round(warmIdleRss),
  }),
);
