/**
 * bench/ab.ts — two checkouts of the app side by side in one run (issue #19: "compare side by side, report ratios").
 * Both serve the same PostgreSQL database; for each path, rounds alternate A,B then B,A so that drift in the
 * machine's load falls on both. CPU per request (the server process and the database's backends, from /proc) is
 * the figure; req/s and latency are printed but mean little on a shared machine.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_hotpath_county npx tsx bench/ab.ts \
 *     --a /tmp/before --b . --paths '/api/problems?state=rectifying&sort=deadline&pageSize=20&page=3,/api/me' \
 *     [--rounds 3] [--requests 1500] [--connections 50] [--user office] [--env-a K=V] [--env-b K=V] \
 *     [--floor-paths '/floor/problems?page=3,/floor/me']
 *
 * A checkout is a folder with the app's sources and a node_modules (a `git worktree` with a link to this
 * one's node_modules will do). The database must exist (bench/generate --db …); nothing is written to it but
 * sessions. With `--floor-paths` (one per path, same order) the floor server (bench/lib/floor-server.ts) of this
 * checkout answers in the same rounds (the order rotates A,B,F / B,F,A / F,A,B), and A ÷ floor and B ÷ floor are
 * printed: issue #19's app ÷ floor ratio, before and after, from one run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BackendCpu } from './lib/cpu.js';
import { SERVER_V8_FLAGS } from './lib/pg.js';
import { type CpuRun, cpuRun } from './lib/hot-paths.js';
import { envOf, freePort, signInCookie } from './lib/server.js';

const { values: args } = parseArgs({
  options: {
    a: { type: 'string' },
    b: { type: 'string', default: '.' },
    paths: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    requests: { type: 'string', default: '1500' },
    connections: { type: 'string', default: '50' },
    user: { type: 'string', default: 'office' },
    'env-a': { type: 'string', multiple: true, default: [] },
    'env-b': { type: 'string', multiple: true, default: [] },
    'floor-paths': { type: 'string' },
  },
});
const url = process.env.DATABASE_URL;
if (!url || !args.a || !args.paths)
  throw new Error('usage: DATABASE_URL=… bench/ab.ts --a DIR [--b DIR] --paths P1,P2');
const database = new URL(url).pathname.slice(1);
const adminUrl = Object.assign(new URL(url), { pathname: '/postgres' }).toString();

async function start(
  dir: string,
  env: Record<string, string>,
  script = 'server/main.ts',
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const flags = script === 'server/main.ts' ? SERVER_V8_FLAGS : [];
  const child = spawn(process.execPath, [...flags, '--import', 'tsx', script], {
    cwd: path.resolve(dir),
    // One audit key for both: they share the database and its audit chain.
    env: {
      ...process.env,
      ZELIAN_AUDIT_KEY_FILE: path.resolve('data-audit/audit.key'),
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      ZELIAN_JOBS: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const probe = script === 'server/main.ts' ? '/api/health' : '/floor/health';
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${dir}: the server exited`);
    if (
      await fetch(base + probe).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { child, url: base };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${dir}: the server did not start`);
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const cpu = (r: CpuRun) => r.nodeMs + r.pgMs;
/** How long the slowest hundredth waited against the middle one (issue #19: ≤ 2 at 200 connections). */
const tail = (r: CpuRun) => r.p99 / r.p50;

const backends = new BackendCpu(adminUrl, database);
await backends.open();
const floorPaths = args['floor-paths']?.split(',') ?? null;
const servers = {
  a: await start(args.a, envOf(args['env-a'])),
  b: await start(args.b, envOf(args['env-b'])),
  ...(floorPaths ? { f: await start('.', {}, 'bench/lib/floor-server.ts') } : {}),
};
type Side = keyof typeof servers;
const sides: Side[] = floorPaths ? ['a', 'b', 'f'] : ['a', 'b'];
try {
  const cookie = await signInCookie(servers.a.url, args.user);
  // The floor checks the same sessions table: A's session serves it too.
  const cookies = { a: cookie, b: await signInCookie(servers.b.url, args.user), f: cookie };
  const connections = Number(args.connections);
  const amount = Number(args.requests);
  console.log(
    `A = ${path.resolve(args.a)}, B = ${path.resolve(args.b)}; ${database}; ${amount} requests at ${connections} connections`,
  );
  for (const [i, p] of args.paths.split(',').entries()) {
    const runs: Record<Side, CpuRun[]> = { a: [], b: [], f: [] };
    for (let round = 0; round < Number(args.rounds); round++) {
      // Two sides alternate A,B / B,A; three rotate.
      const order =
        sides.length === 2
          ? round % 2
            ? sides.toReversed()
            : sides
          : [...sides.slice(round % 3), ...sides.slice(0, round % 3)];
      for (const side of order) {
        const s = servers[side] as { child: ChildProcess; url: string };
        const url = s.url + (side === 'f' ? (floorPaths as string[])[i] : p);
        const r = await cpuRun(url, s.child.pid as number, backends, connections, amount, {
          cookie: cookies[side],
        });
        if (r.failed) console.log(`  ${side.toUpperCase()} ${p}: ${r.failed} failed requests`);
        runs[side].push(r);
      }
    }
    const line = (side: Side) => {
      const rs = runs[side];
      return `${side.toUpperCase()} ${median(rs.map(cpu)).toFixed(2)} ms (node ${median(rs.map((r) => r.nodeMs)).toFixed(2)} + pg ${median(rs.map((r) => r.pgMs)).toFixed(2)}; rounds ${rs.map((r) => cpu(r).toFixed(2)).join(' ')}) ${median(rs.map((r) => r.rps))} req/s p50 ${median(rs.map((r) => r.p50))} p99 ${median(rs.map((r) => r.p99))} ms; p99 ÷ p50 ${median(rs.map(tail)).toFixed(2)} (rounds ${rs.map((r) => tail(r).toFixed(2)).join(' ')})`;
    };
    const total = (side: Side) => median(runs[side].map(cpu));
    const floor = floorPaths
      ? `\n  ${line('f')}\n  A ÷ floor = ${(total('a') / total('f')).toFixed(2)}×, B ÷ floor = ${(total('b') / total('f')).toFixed(2)}×`
      : '';
    console.log(
      `${p}\n  ${line('a')}\n  ${line('b')}${floor}\n  B ÷ A = ${(total('b') / total('a')).toFixed(2)}  (load ${runs.b.at(-1)?.load1.toFixed(1)})`,
    );
  }
} finally {
  for (const s of Object.values(servers)) s.child.kill('SIGTERM');
  await backends.close();
}
