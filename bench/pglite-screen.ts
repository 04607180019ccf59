/**
 * bench/pglite-screen.ts — the ledger screen (问题台账, `/problems`) on the embedded database, as `npm start` gives
 * it to a new user (issue #19: "20 users reloading the ledger screen see p50 1.6 s, p99 3.9 s; first start 16–19 s").
 *
 *   npx tsx bench/pglite-screen.ts [--users 20] [--reloads 10] [--rounds 2] [--a DIR] [--b DIR] [--legacy-a]
 *     [--env-a K=V] [--env-b K=V] [--cpu-prof DIR] [--per-call N]
 *
 * Each side (a checkout: a folder with the app's sources and a node_modules; `--b` defaults to this one, `--a`
 * is optional) runs `node --max-semi-space-size=64 --import tsx server/main.ts` (SERVER_V8_FLAGS, as `npm start`) on a fresh temporary DATA_DIR (PGlite, the demo county),
 * with ZELIAN_JOBS=0 so that no background job runs during the measurement. First start (process start →
 * /api/health 200) is timed on the fresh directory, then the server is stopped and started again on the same
 * directory (existing data). Then `--users` sessions of `office` each reload the ledger screen `--reloads` times in a
 * row, all users at once; with two sides, rounds alternate A,B then B,A so that drift in the machine's load falls
 * on both. A screen is what the browser asks when `/problems` is reloaded (read from the web code and seen in
 * Chromium, e2e/problems.e2e.ts checks it), each user with a browser's six connections to the host:
 *   1. GET /problems (the document; hashed assets come from the browser's cache);
 *   2. GET /api/me — the layout renders nothing before it answers;
 *   3. at once: the event stream /api/notifications/stream, whose first message `event: unread` is the bell's count
 *      (the bell waits for it rather than asking /api/notifications/unread-count), and the page's three reads:
 *      /api/problems/stats, /api/me/views?list=problems (saved views), /api/problems?page=1&pageSize=20&sort=attention
 *      (the table). The 责任单位 and 分管县领导 filters load their options (/api/units?pageSize=1000, /api/people)
 *      only when the user reaches for them, so a reload does not ask them.
 * `--legacy-a` makes side A's screen the one the web made before 2026-12-07 (for a checkout from before): in step 3
 * also GET /api/notifications/unread-count, again once the stream's first chunk arrived (its `open` made the bell
 * refetch), /api/people?page=1&pageSize=30 and /api/units?page=1&pageSize=1000&sort=sortOrder.
 * The screen is done when every call but the stream has answered; the stream is then closed (a reload closes it).
 * Reported: screen p50/p99, each call's p50/p99, server CPU ms per screen (utime+stime of the server process from
 * /proc: PGlite runs inside it), and a Chinese search (`/api/problems?q=廉政`) alone: p50 and CPU per request.
 * `--cpu-prof DIR` runs the server under `node --cpu-prof` (profile written when it stops) for one side only.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { processCpuMs } from './lib/cpu.js';
import { SERVER_V8_FLAGS } from './lib/pg.js';
import { DEMO_PASSWORD, envOf, freePort } from './lib/server.js';

const { values: args } = parseArgs({
  options: {
    users: { type: 'string', default: '20' },
    reloads: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    a: { type: 'string' },
    b: { type: 'string', default: '.' },
    'env-a': { type: 'string', multiple: true, default: [] },
    'env-b': { type: 'string', multiple: true, default: [] },
    'cpu-prof': { type: 'string' },
    search: { type: 'string', default: '30' },
    'per-call': { type: 'string', default: '0' },
    'legacy-a': { type: 'boolean', default: false },
  },
});
const USERS = Number(args.users);
const RELOADS = Number(args.reloads);
const ROUNDS = Number(args.rounds);

const log = (msg: string) => console.error(`[pglite-screen] ${msg}`);

interface Side {
  name: string;
  dir: string;
  env: Record<string, string>;
  dataDir: string;
  /** The screen as the web made it before 2026-12-07 (`--legacy-a`). */
  legacy: boolean;
  child?: ChildProcess;
  base?: string;
  firstStartMs?: number;
  restartMs?: number;
}

/** Starts the server of a side on its data directory; ms from spawn to /api/health 200. */
async function start(side: Side, profile: boolean): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const node = profile && args['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(args['cpu-prof'])] : [];
  const child = spawn(process.execPath, [...SERVER_V8_FLAGS, ...node, '--import', 'tsx', 'server/main.ts'], {
    cwd: path.resolve(side.dir),
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: side.dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ZELIAN_JOBS: '0',
      ...side.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${side.name}: the server exited (${child.exitCode})`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  side.child = child;
  side.base = base;
  return performance.now() - t0;
}

async function stop(side: Side) {
  const child = side.child;
  if (!child || child.exitCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await gone;
}

interface Session {
  cookie: string;
  agent: http.Agent;
}

async function signIn(base: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'office', password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login office: ${res.status} ${await res.text()}`);
  const cookie = String(res.headers.get('set-cookie')).split(';')[0];
  // A browser opens at most six connections to one host.
  return { cookie, agent: new http.Agent({ keepAlive: true, maxSockets: 6 }) };
}

/** A GET as the browser sends it (cookie, compression); resolves when the whole body has arrived. */
function get(base: string, s: Session, p: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.get(
      `${base}${p}`,
      { agent: s.agent, headers: { cookie: s.cookie, 'accept-encoding': 'gzip, deflate, br' } },
      (res) => {
        res.resume();
        res.on('end', () => {
          if ((res.statusCode ?? 0) >= 400) reject(new Error(`${p}: ${res.statusCode}`));
          else resolve(performance.now() - t0);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
}

/** Opens the event stream; resolves with a closer once what it has sent includes `until` (any chunk if empty). */
function openStream(base: string, s: Session, until = ''): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      `${base}/api/notifications/stream`,
      { agent: s.agent, headers: { cookie: s.cookie, accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream: ${res.statusCode}`));
        let text = '';
        const onData = (chunk: Buffer) => {
          text += chunk.toString('utf8');
          if (!text.includes(until)) return;
          res.off('data', onData);
          res.resume();
          resolve(() => req.destroy());
        };
        res.on('data', onData);
        res.on('error', () => {});
      },
    );
    req.on('error', (err) => {
      if (!req.destroyed) reject(err);
    });
  });
}

const PAGE_CALLS = [
  '/api/problems/stats',
  '/api/me/views?list=problems',
  '/api/problems?page=1&pageSize=20&sort=attention',
];
/** The filters' options, asked on every reload before 2026-12-07 (`--legacy-a`), now when a filter is reached for. */
const FILTER_CALLS = ['/api/people?page=1&pageSize=30', '/api/units?page=1&pageSize=1000&sort=sortOrder'];
const callName = (p: string) => p.split('?')[0];

/** One reload of the ledger screen; adds each call's time to `calls`, returns the screen's time. */
async function screen(base: string, s: Session, calls: Map<string, number[]>, legacy: boolean): Promise<number> {
  const t0 = performance.now();
  const timed = async (p: string, name = callName(p)) => {
    const ms = await get(base, s, p);
    const list = calls.get(name) ?? [];
    calls.set(name, list);
    list.push(ms);
  };
  await timed('/problems', 'GET /problems (document)');
  await timed('/api/me');
  let close = () => {};
  const stream = async () => {
    const t1 = performance.now();
    close = await openStream(base, s, legacy ? '' : 'event: unread');
    const list = calls.get('stream until the count (bell)') ?? [];
    calls.set('stream until the count (bell)', list);
    list.push(performance.now() - t1);
    if (legacy)
      await timed('/api/notifications/unread-count', '/api/notifications/unread-count (again, on stream open)');
  };
  await Promise.all([
    ...(legacy ? [timed('/api/notifications/unread-count')] : []),
    stream(),
    ...[...PAGE_CALLS, ...(legacy ? FILTER_CALLS : [])].map((p) => timed(p)),
  ]);
  close();
  return performance.now() - t0;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN;
};

interface RoundResult {
  screens: number[];
  calls: Map<string, number[]>;
  cpuMs: number;
  load1: number;
}

/** Waits until the server stops working on what the previous run left (streams closing, queued requests). */
async function settle(pid: number) {
  for (let i = 0; i < 80; i++) {
    const before = processCpuMs(pid);
    await new Promise((r) => setTimeout(r, 250));
    if (processCpuMs(pid) - before <= 10) return;
  }
}

async function round(side: Side, sessions: Session[]): Promise<RoundResult> {
  const pid = side.child?.pid as number;
  const base = side.base as string;
  await settle(pid);
  const calls = new Map<string, number[]>();
  const screens: number[] = [];
  const cpu0 = processCpuMs(pid);
  await Promise.all(
    sessions.map(async (s) => {
      for (let i = 0; i < RELOADS; i++) screens.push(await screen(base, s, calls, side.legacy));
    }),
  );
  await settle(pid);
  return { screens, calls, cpuMs: (processCpuMs(pid) - cpu0) / screens.length, load1: os.loadavg()[0] };
}

/** Each call of the screen alone, one request at a time: CPU ms per request (`--per-call N`). */
async function perCall(side: Side, s: Session, n: number) {
  const pid = side.child?.pid as number;
  const base = side.base as string;
  const out: [string, number, number][] = [];
  for (const p of ['/problems', '/api/me', '/api/notifications/unread-count', ...PAGE_CALLS, ...FILTER_CALLS]) {
    for (let i = 0; i < 3; i++) await get(base, s, p);
    await settle(pid);
    const cpu0 = processCpuMs(pid);
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await get(base, s, p));
    out.push([p, (processCpuMs(pid) - cpu0) / n, pct(times, 0.5)]);
  }
  return out;
}

/** The search alone, one request at a time: p50 and CPU per request. */
async function search(side: Side, s: Session) {
  const pid = side.child?.pid as number;
  const base = side.base as string;
  const p = `/api/problems?q=${encodeURIComponent('廉政')}&page=1&pageSize=20&sort=attention`;
  for (let i = 0; i < 3; i++) await get(base, s, p);
  await settle(pid);
  const cpu0 = processCpuMs(pid);
  const times: number[] = [];
  const n = Number(args.search);
  for (let i = 0; i < n; i++) times.push(await get(base, s, p));
  return { p50: pct(times, 0.5), cpuMs: (processCpuMs(pid) - cpu0) / n };
}

const sides: Side[] = [];
if (args.a) sides.push({ name: 'A', dir: args.a, env: envOf(args['env-a']), dataDir: '', legacy: !!args['legacy-a'] });
sides.push({ name: args.a ? 'B' : 'app', dir: args.b, env: envOf(args['env-b']), dataDir: '', legacy: false });

const results = new Map<string, RoundResult[]>();
const perCalls = new Map<string, [string, number, number][]>();
const searches = new Map<string, { p50: number; cpuMs: number }[]>();
const sessionsOf = new Map<string, Session[]>();
try {
  for (const side of sides) {
    side.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `zelian-screen-${side.name}-`));
    side.firstStartMs = await start(side, false);
    await stop(side);
    side.restartMs = await start(side, side === sides[sides.length - 1]);
    log(
      `${side.name}: first start ${Math.round(side.firstStartMs)} ms, start on existing data ${Math.round(side.restartMs)} ms`,
    );
    const sessions: Session[] = [];
    for (let i = 0; i < USERS; i++) sessions.push(await signIn(side.base as string));
    // Warm-up: every user loads the screen three times (the first loads compile, prepare and fill caches; with one,
    // the first measured round still ran 20–40 % dearer than the next).
    for (let i = 0; i < 3; i++) {
      await Promise.all(sessions.map((s) => screen(side.base as string, s, new Map(), side.legacy)));
    }
    sessionsOf.set(side.name, sessions);
    results.set(side.name, []);
    searches.set(side.name, []);
  }
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const res = await round(side, sessionsOf.get(side.name) as Session[]);
      results.get(side.name)?.push(res);
      searches.get(side.name)?.push(await search(side, (sessionsOf.get(side.name) as Session[])[0]));
      if (Number(args['per-call']) > 0 && r === ROUNDS - 1) {
        perCalls.set(
          side.name,
          await perCall(side, (sessionsOf.get(side.name) as Session[])[0], Number(args['per-call'])),
        );
      }
      log(
        `round ${r + 1} ${side.name}: screen p50 ${pct(res.screens, 0.5).toFixed(0)} p99 ${pct(res.screens, 0.99).toFixed(0)} ms, CPU ${res.cpuMs.toFixed(1)} ms/screen, load ${res.load1.toFixed(1)}`,
      );
    }
  }
} finally {
  for (const side of sides) {
    for (const s of sessionsOf.get(side.name) ?? []) s.agent.destroy();
    await stop(side);
    if (side.dataDir) {
      fs.rmSync(side.dataDir, { recursive: true, force: true });
      fs.rmSync(`${side.dataDir}-audit`, { recursive: true, force: true });
    }
  }
}

// The table: every round of a side pooled.
const f0 = (x: number) => x.toFixed(0);
const header = [
  '',
  ...sides.map(
    (s) =>
      `${s.name} (${s.dir}${s.legacy ? ', screen before 2026-12-07' : ''}${Object.keys(s.env).length ? ` ${JSON.stringify(s.env)}` : ''})`,
  ),
];
const rows: string[][] = [];
const pooled = (name: string) => {
  const rs = results.get(name) ?? [];
  const calls = new Map<string, number[]>();
  for (const r of rs) for (const [k, v] of r.calls) calls.set(k, [...(calls.get(k) ?? []), ...v]);
  return {
    screens: rs.flatMap((r) => r.screens),
    calls,
    cpu: rs.map((r) => r.cpuMs),
    load: rs.map((r) => r.load1),
  };
};
const ps = sides.map((s) => ({ side: s, ...pooled(s.name) }));
rows.push(['first start, fresh data dir (ms)', ...ps.map((p) => f0(p.side.firstStartMs ?? 0))]);
rows.push(['start on existing data (ms)', ...ps.map((p) => f0(p.side.restartMs ?? 0))]);
rows.push([
  `screen p50 / p99 (ms), ${USERS} users × ${RELOADS} reloads × ${ROUNDS} rounds`,
  ...ps.map((p) => `${f0(pct(p.screens, 0.5))} / ${f0(pct(p.screens, 0.99))}`),
]);
rows.push([
  'server CPU per screen (ms), each round',
  ...ps.map(
    (p) =>
      `${(p.cpu.reduce((a, b) => a + b, 0) / p.cpu.length).toFixed(1)} (${p.cpu.map((c) => c.toFixed(1)).join(', ')})`,
  ),
]);
for (const name of new Set(ps.flatMap((p) => [...p.calls.keys()]))) {
  rows.push([
    `${name} p50 / p99 (ms)`,
    ...ps.map((p) => {
      const xs = p.calls.get(name) ?? [];
      return xs.length ? `${f0(pct(xs, 0.5))} / ${f0(pct(xs, 0.99))}` : '— (not asked)';
    }),
  ]);
}
rows.push([
  'search q=廉政 alone: p50 ms, CPU ms/request',
  ...sides.map((s) => {
    const xs = searches.get(s.name) ?? [];
    return `${pct(
      xs.map((x) => x.p50),
      0.5,
    ).toFixed(1)}, ${(xs.reduce((a, x) => a + x.cpuMs, 0) / xs.length).toFixed(1)}`;
  }),
]);
for (const [i, [p]] of (perCalls.get(sides[0].name) ?? []).entries()) {
  rows.push([
    `${p} alone: CPU ms/request, p50 ms`,
    ...sides.map((s) => {
      const x = perCalls.get(s.name)?.[i];
      return x ? `${x[1].toFixed(1)}, ${x[2].toFixed(1)}` : '—';
    }),
  ]);
}
rows.push(['load average (1 min) after each round', ...ps.map((p) => p.load.map((l) => l.toFixed(1)).join(', '))]);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
