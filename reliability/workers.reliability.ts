/**
 * ZELIAN_WORKERS (issue #19, platform/cluster.ts): the real server as a child process with 2 workers on a throw-away
 * PostgreSQL database `zelian_workers_<random>` on the server of DATABASE_URL (dropped after): requests are answered
 * by both workers, a session made on one works on the other and its sign-out reaches the other within 2 s (the
 * session cache's NOTIFY), a worker killed with SIGKILL is replaced while the other keeps serving, and SIGTERM to the
 * primary stops everything with exit code 0, leaving no process and no database connection behind.
 * On PGlite (the run without DATABASE_URL) the server refuses 2 workers at start; the PostgreSQL part runs in the
 * PostgreSQL run only, and the refusal in the PGlite run only, like pg-restart and the data-directory lock.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, freePort } from '../e2e/server-harness.js';
import { adminQuery, withDatabase } from '../server/platform/db/admin.js';
import { DEMO_PASSWORD } from './harness.js';

const base = process.env.DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Reply {
  status: number;
  worker: string | undefined;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/** One request on a new connection (no keep-alive), so that the cluster hands each to the next worker in turn. */
function request(port: number, method: string, url: string, headers: Record<string, string> = {}, body?: string) {
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: url, agent: false, headers, timeout: 30_000 },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          text += c;
        });
        res.on('end', () => {
          const worker = res.headers['x-zelian-worker'];
          resolve({ status: res.statusCode ?? 0, worker: worker as string, body: text, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The same request until worker `slot` answers it. */
async function onWorker(port: number, slot: string, method: string, url: string, headers: Record<string, string>) {
  for (let i = 0; i < 20; i++) {
    const res = await request(port, method, url, headers);
    if (res.worker === slot) return res;
  }
  throw new Error(`worker ${slot} never answered ${method} ${url}`);
}

/** The pids of a process's children (the workers of the primary). */
function children(pid: number): number[] {
  try {
    const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
    return text ? text.split(' ').map(Number) : [];
  } catch {
    return [];
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface Cluster {
  port: number;
  child: ChildProcess;
  log: () => string;
  exited: Promise<number | null>;
}

async function startCluster(env: Record<string, string>): Promise<Cluster> {
  const port = await freePort();
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => {
    log += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    log += c.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server = { port, child, log: () => log, exited };
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    // Ready when the primary says all workers listen.
    if (log.includes('已启动')) return server;
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`server not ready:\n${log}`);
}

describe.skipIf(!base)('ZELIAN_WORKERS=2 on PostgreSQL', () => {
  const name = `zelian_workers_${crypto.randomBytes(4).toString('hex')}`;
  const anchor = path.join(os.tmpdir(), `${name}-anchor.jsonl`);
  let server: Cluster;

  beforeAll(async () => {
    await adminQuery(base as string, `CREATE DATABASE ${name}`);
    server = await startCluster({
      DATABASE_URL: withDatabase(base as string, name),
      ZELIAN_WORKERS: '2',
      ZELIAN_AUDIT_KEY: crypto.randomBytes(32).toString('hex'),
      ZELIAN_AUDIT_ANCHOR: anchor,
    });
  });

  afterAll(async () => {
    if (server?.child.exitCode === null) {
      server.child.kill('SIGKILL');
      for (const pid of children(server.child.pid as number)) process.kill(pid, 'SIGKILL');
    }
    await adminQuery(base as string, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    fs.rmSync(anchor, { force: true });
  });

  it('answers from two workers; a session made on one works on the other; its sign-out reaches the other', async () => {
    const { port } = server;
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const res = await request(port, 'GET', '/api/health');
      expect(res.status).toBe(200);
      seen.add(String(res.worker));
    }
    expect([...seen].sort()).toEqual(['0', '1']);

    const login = await request(
      port,
      'POST',
      '/api/auth/login',
      { 'content-type': 'application/json' },
      JSON.stringify({ username: 'office', password: DEMO_PASSWORD }),
    );
    expect(login.status).toBe(200);
    const madeOn = String(login.worker);
    const cookie = String(login.headers['set-cookie']?.[0]).split(';')[0] as string;
    const meThere = await onWorker(port, madeOn === '0' ? '1' : '0', 'GET', '/api/me', { cookie });
    expect(meThere.status).toBe(200);
    const me = JSON.parse(meThere.body);
    expect(me.user.username).toBe('office');
    // Both workers now hold the session in their cache.
    expect((await onWorker(port, madeOn, 'GET', '/api/me', { cookie })).status).toBe(200);

    // Signed out on whichever worker takes the request: the other refuses the session within 2 s.
    const logout = await request(port, 'POST', '/api/auth/logout', { cookie, 'x-csrf-token': me.csrfToken });
    expect(logout.status).toBe(200);
    const other = logout.worker === '0' ? '1' : '0';
    const t0 = Date.now();
    let status = 200;
    while (status !== 401 && Date.now() - t0 < 2000) {
      status = (await onWorker(port, other, 'GET', '/api/me', { cookie })).status;
    }
    expect(status).toBe(401);
    expect((await onWorker(port, String(logout.worker), 'GET', '/api/me', { cookie })).status).toBe(401);
  });

  it('replaces a worker killed with SIGKILL, the other serving meanwhile', async () => {
    const { port, child } = server;
    const before = children(child.pid as number);
    expect(before).toHaveLength(2);
    const victim = before[0] as number;
    process.kill(victim, 'SIGKILL');
    await sleep(200);
    for (let i = 0; i < 20; i++) expect((await request(port, 'GET', '/api/health')).status).toBe(200);
    // The replacement takes the slot of the one it replaces, and answers once it listens.
    let after: number[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 600 && seen.size < 2; i++) {
      after = children(child.pid as number);
      const res = await request(port, 'GET', '/api/health');
      expect(res.status).toBe(200);
      seen.add(String(res.worker));
      if (seen.size < 2) await sleep(100);
    }
    expect([...seen].sort()).toEqual(['0', '1']);
    expect(after).toHaveLength(2);
    expect(after).not.toContain(victim);
    expect(server.log()).toMatch(new RegExp(`pid ${victim}\\) exited \\(signal SIGKILL\\), replaced in \\d+ ms`));
  }, 120_000);

  it('stops on SIGTERM with exit code 0, leaving no worker and no database connection', async () => {
    const { child } = server;
    const workers = children(child.pid as number);
    expect(workers).toHaveLength(2);
    child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    for (const pid of workers) expect(alive(pid)).toBe(false);
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      // A backend leaves pg_stat_activity a moment after its client closed the connection: allow it 5 s.
      let n = -1;
      for (const t0 = Date.now(); n !== 0 && Date.now() - t0 < 5000; await sleep(50)) {
        const { rows } = await admin.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [
          name,
        ]);
        n = rows[0].n;
      }
      expect(n).toBe(0);
    } finally {
      await admin.end();
    }
  }, 60_000);
});

describe.skipIf(Boolean(base))('ZELIAN_WORKERS on PGlite', () => {
  it('refuses more than one worker at start, with exit code 1 and the reason', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zelian-workers-'));
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(dir, 'data'), ZELIAN_WORKERS: '2' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
      });
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain('ZELIAN_WORKERS="2"');
      expect(stderr).toContain('多个工作进程需要 PostgreSQL（请设置 DATABASE_URL）');
      expect(stderr).toContain('the embedded PGlite database is opened by one process only');
      // Nothing was opened or created.
      expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
