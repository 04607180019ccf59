/**
 * One process per embedded data directory (issue #20): a second `npm start` on the same DATA_DIR is refused before
 * it opens the database, with a clear message, and the first instance's data stays intact; a crashed holder
 * (kill -9) does not lock the directory forever. Always on PGlite: the lock is about the embedded database.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ROOT, freePort } from '../e2e/server-harness.js';
import { auditSecrets } from '../server/platform/audit/audit.key.js';
import { type ServerProcess, signIn, startServer } from './harness.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datadir-lock-'));
const anchor = path.join(os.tmpdir(), `datadir-lock-anchor-${process.pid}.jsonl`);
const env = {
  DATABASE_URL: '',
  DATA_DIR: dir,
  ZELIAN_JOBS: '0',
  ZELIAN_AUDIT_KEY: auditSecrets().key.toString('hex'),
  ZELIAN_AUDIT_ANCHOR: anchor,
};
let first: ServerProcess | undefined;

afterAll(async () => {
  await first?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(anchor, { force: true });
});

/** Runs a second server on the same directory and waits for it to exit (it must not get as far as listening). */
async function secondStart(): Promise<{ code: number | null; output: string; listened: boolean }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output, listened: output.includes('已启动') };
}

it('refuses a second process on the same DATA_DIR and leaves the first one and its data intact', async () => {
  first = await startServer(env);
  const office = await signIn(first.baseUrl, 'office');
  const before = await office.request('GET', '/api/problems?pageSize=1');
  expect(before.status).toBe(200);

  const second = await secondStart();
  expect(second.code).toBe(1);
  expect(second.listened).toBe(false);
  expect(second.output).toContain('正被另一个责链进程使用');

  // The first instance still reads and writes its directory.
  const after = await office.request('GET', '/api/problems?pageSize=1');
  expect(after.status).toBe(200);
  expect(after.body.total).toBe(before.body.total);
  const me = await office.request('GET', '/api/me');
  expect(me.status).toBe(200);

  // Stopped cleanly, the directory opens again with the same data.
  await first.stop();
  first = await startServer(env);
  const again = await signIn(first.baseUrl, 'office');
  expect((await again.request('GET', '/api/problems?pageSize=1')).body.total).toBe(before.body.total);
});

it('takes the directory over from a holder killed with -9', async () => {
  if (!first?.alive()) first = await startServer(env);
  await first.kill9();
  const started = Date.now();
  first = await startServer(env);
  // A dead holder's lock goes stale in seconds (data-dir-lock.ts), not never.
  expect(Date.now() - started).toBeLessThan(60_000);
  const office = await signIn(first.baseUrl, 'office');
  expect((await office.request('GET', '/api/me')).status).toBe(200);
});
