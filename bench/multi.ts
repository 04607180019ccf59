/**
 * bench/multi.ts — two app instances behind nginx on one PostgreSQL (SPEC: horizontal scaling):
 *   1. load spread: requests through nginx are answered by both instances (nginx reports the upstream);
 *   2. sessions: a session created through nginx is valid on either instance directly;
 *   3. a scheduled job runs once per tick although both instances run the scheduler.
 * nginx is the Debian package (installed with apt-get if missing) running with its own configuration
 * in a temporary directory on free ports; the system nginx service and configuration are not touched.
 * Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/multi.ts [--requests 2000]
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createBenchDatabase } from './lib/pg.js';
import { freePort } from './lib/server.js';

const { values: args } = parseArgs({ options: { requests: { type: 'string', default: '2000' } } });
const base = process.env.DATABASE_URL;
if (!base) throw new Error('bench/multi needs DATABASE_URL (PostgreSQL)');
const ROOT = path.resolve(import.meta.dirname, '..');
const log = (msg: string) => console.error(`[multi] ${msg}`);

function nginxBinary(): string {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(p)) return p;
  log('nginx not found: apt-get install -y nginx');
  execFileSync('apt-get', ['install', '-y', '-qq', 'nginx'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return '/usr/sbin/nginx';
}

async function waitFor(url: string, child: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`process for ${url} exited`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready`);
}

async function instance(dbUrl: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: dbUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      ZELIAN_JOBS: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, child);
  return { child, url, port };
}

const stop = async (child: ChildProcess) => {
  if (child.exitCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await gone;
};

const created = await createBenchDatabase(base, 'bench_multi');
const dbUrl = created.url;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-nginx-'));
fs.chmodSync(dir, 0o777);
const children: ChildProcess[] = [];
const report: Record<string, unknown> = {};
try {
  const nginx = nginxBinary();
  // The first instance migrates and seeds; the second starts on the ready database.
  const a = await instance(dbUrl);
  const b = await instance(dbUrl);
  children.push(a.child, b.child);
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, 'nginx.conf'),
    `pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
worker_processes 1;
daemon off;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream zelian { server 127.0.0.1:${a.port}; server 127.0.0.1:${b.port}; keepalive 32; }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://zelian;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $remote_addr;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`,
  );
  const proxy = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'inherit' });
  children.push(proxy);
  const front = `http://127.0.0.1:${port}`;
  await waitFor(`${front}/api/health`, proxy);
  log(`nginx ${front} → ${a.url}, ${b.url}`);

  // 2. A session made through nginx works on each instance directly.
  const login = await fetch(`${front}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'office', password: 'Zelian@2026' }),
  });
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];
  const onA = (await fetch(`${a.url}/api/me`, { headers: { cookie } })).status;
  const onB = (await fetch(`${b.url}/api/me`, { headers: { cookie } })).status;
  report.sessions = {
    loginStatus: login.status,
    meOnInstanceA: onA,
    meOnInstanceB: onB,
    ok: onA === 200 && onB === 200,
  };

  // 1. Load spread: the ledger through nginx, 20 requests at a time.
  const n = Number(args.requests);
  const byUpstream = new Map<string, number>();
  let failed = 0;
  const t0 = performance.now();
  for (let i = 0; i < n; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, n - i) }, async () => {
        const res = await fetch(`${front}/api/problems?pageSize=20`, { headers: { cookie } });
        await res.arrayBuffer();
        if (!res.ok) failed++;
        const up = res.headers.get('x-upstream') ?? 'unknown';
        byUpstream.set(up, (byUpstream.get(up) ?? 0) + 1);
      }),
    );
  }
  const seconds = (performance.now() - t0) / 1000;
  report.spread = {
    requests: n,
    failed,
    reqPerSecond: Math.round(n / seconds),
    byUpstream: Object.fromEntries(byUpstream),
    ok: byUpstream.size === 2 && failed === 0,
  };
  log(`spread ${JSON.stringify(report.spread)}`);

  // 3. A job scheduled every minute (session-cleanup, normally hourly), with both schedulers running.
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
  try {
    await db.query(`UPDATE pgboss.schedule SET cron = '* * * * *' WHERE name = 'session-cleanup'`);
    const since = new Date();
    const wait = 150_000; // two minute boundaries at least, with the 30 s cron monitor
    log(`waiting ${wait / 1000} s for scheduled runs`);
    await new Promise((r) => setTimeout(r, wait));
    const { rows } = await db.query(
      // A run's tick is the minute its pg-boss job was created for: a tick's job may start in the next minute
      // (cron monitor and polling delays), next to that minute's own job.
      `SELECT date_trunc('minute', j.created_on) AS tick, count(*)::int AS runs, array_agg(DISTINCT r.instance) AS instances
       FROM job_runs r JOIN pgboss.job j ON j.id::text = r.job_id
       WHERE r.name = 'session-cleanup' AND r.trigger = 'schedule' AND r.started_at >= $1
       GROUP BY 1 ORDER BY 1`,
      [since],
    );
    const instances = new Set(rows.flatMap((r) => r.instances as string[]));
    report.scheduledJob = {
      ticks: rows.length,
      runsPerTick: rows.map((r) => r.runs),
      instancesThatRanIt: instances.size,
      ok: rows.length >= 1 && rows.every((r) => r.runs === 1),
    };
  } finally {
    await db.end();
  }
} finally {
  for (const c of children.reverse()) await stop(c);
  await created.drop();
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify(report, null, 1));
const ok = Object.values(report).every((r) => (r as { ok: boolean }).ok);
process.exit(ok ? 0 : 1);
