/**
 * Reliability test helpers: the real server as a child process (so it can be killed with SIGKILL),
 * a signed-in HTTP client, throw-away PostgreSQL databases (`bench_*`) and a private PostgreSQL
 * cluster that a test may stop and start without touching the shared server.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, freePort } from '../e2e/server-harness.js';
import { createBenchDatabase as createThrowAwayDatabase } from '../bench/lib/pg.js';

export const DEMO_PASSWORD = 'Zelian@2026';

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  log: () => string;
  /** SIGKILL: no shutdown hook, no flush — what a crash looks like. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
  alive(): boolean;
}

/** Starts `server/main.ts` in one node process (no tsx wrapper, so SIGKILL hits the server itself). */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<ServerProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 300) log.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const signal = async (sig: NodeJS.Signals) => {
    if (!exited) child.kill(sig);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await gone;
    clearTimeout(timer);
  };
  const server: ServerProcess = {
    baseUrl,
    pid: child.pid as number,
    log: () => log.join(''),
    kill9: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    alive: () => !exited,
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited during start:\n${server.log()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.status === 200) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.kill9();
  throw new Error(`server not ready in ${timeoutMs} ms:\n${server.log()}`);
}

export interface HttpClient {
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
    // biome-ignore lint/suspicious/noExplicitAny: parsed JSON of any route, checked by the tests
  ): Promise<{ status: number; body: any; ms: number; headers?: Record<string, string> }>;
}

/** Signs in over HTTP; the client sends the session cookie and the CSRF token. */
export async function signIn(baseUrl: string, username: string): Promise<HttpClient> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = String(res.headers.get('set-cookie')).split(';')[0];
  const me = await (await fetch(`${baseUrl}/api/me`, { headers: { cookie } })).json();
  return {
    async request(method, url, body, headers) {
      const t0 = performance.now();
      const r = await fetch(`${baseUrl}${url}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': me.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      });
      const text = await r.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: r.status, body: parsed, ms: performance.now() - t0, headers: Object.fromEntries(r.headers) };
    },
  };
}

/** An empty throw-away database on the server of `url`, named `bench_rel_*`. */
/** A throw-away database of this test run (bench/lib/pg.ts: a unique name, dropped only by this run). */
export const createBenchDatabase = (url: string) => createThrowAwayDatabase(url, 'bench_rel');

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PrivateCluster {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

/**
 * A private PostgreSQL cluster in a temporary directory on a free port, run as the `postgres`
 * OS user when we are root (initdb refuses root). Only this cluster is ever stopped or restarted.
 */
export async function startPrivateCluster(): Promise<PrivateCluster> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (bin: string, args: string[]) =>
    execFileSync(
      asRoot ? 'runuser' : path.join(PG_BIN, bin),
      asRoot ? ['-u', 'postgres', '--', path.join(PG_BIN, bin), ...args] : args,
      {
        stdio: 'pipe',
        cwd: dir,
      },
    );
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=50`;
  const start = () => run('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy() {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every user-visible message is Chinese. */
export const hasChinese = (s: unknown) => typeof s === 'string' && /[\u4e00-\u9fff]/.test(s);
