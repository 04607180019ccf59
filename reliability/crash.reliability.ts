/**
 * kill -9 of the server during 1,000 concurrent problem writes (SPEC §6 durability): after a restart
 * every acknowledged write is there, and no problem is half-written (each has its measures and its
 * dispatch event, or does not exist at all). Runs on PGlite (a data directory on disk) or, with
 * DATABASE_URL, on a throw-away PostgreSQL database.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { verifyChain } from '../server/platform/audit/audit.service.js';
import { openDatabase } from '../server/platform/db/client.js';
import { type ServerProcess, createBenchDatabase, signIn, startServer } from './harness.js';

const WRITES = 1000;
const KILL_AFTER_ACKS = 250;
const marker = `断电测试${crypto.randomBytes(3).toString('hex')}`;

let env: Record<string, string>;
let cleanup: () => Promise<void>;
let server: ServerProcess | undefined;

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const db = await createBenchDatabase(process.env.DATABASE_URL);
    env = { DATABASE_URL: db.url, ZELIAN_JOBS: '0' };
    cleanup = db.drop;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-crash-'));
    env = { DATABASE_URL: '', DATA_DIR: dir, ZELIAN_JOBS: '0' };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
});

afterAll(async () => {
  await server?.stop();
  await cleanup?.();
});

it('keeps every acknowledged write and no half-written problem after kill -9', async () => {
  server = await startServer(env);
  const office = await signIn(server.baseUrl, 'office');
  const units = (await office.request('GET', '/api/units?type=department')).body.items as { id: string }[];
  expect(units.length).toBeGreaterThan(5);

  const acknowledged = new Map<string, string>(); // id → title
  let failed = 0;
  let killed: Promise<void> | undefined;
  const crashed = server;
  const writes = Array.from({ length: WRITES }, async (_, i) => {
    const title = `${marker}-${i}`;
    try {
      const res = await office.request('POST', '/api/problems', {
        title,
        description: '进程被强制终止时正在写入的问题',
        source: 'patrol',
        unitId: units[i % units.length].id,
        measures: [
          { content: '第一项整改措施', deadlineType: 'working', days: 5 },
          { content: '第二项整改措施', deadlineType: 'date', deadline: '2027-06-30' },
        ],
        dispatch: true,
      });
      if (res.status === 201) {
        acknowledged.set(res.body.id, title);
        if (acknowledged.size === KILL_AFTER_ACKS) killed = crashed.kill9();
      } else failed++;
    } catch {
      failed++; // the connection died with the process: not acknowledged
    }
  });
  await Promise.all(writes);
  await killed;
  expect(killed, 'the server was killed while writes were in flight').toBeDefined();
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
  expect(failed, 'some writes were cut off by the kill').toBeGreaterThan(0);

  // Restart on the same data: every acknowledged problem is there, whole.
  server = await startServer(env);
  const again = await signIn(server.baseUrl, 'office');
  for (const [id, title] of acknowledged) {
    const res = await again.request('GET', `/api/problems/${id}`);
    expect(res.status, `acknowledged problem ${title}`).toBe(200);
    expect(res.body.title).toBe(title);
    expect(res.body.state).toBe('dispatched');
    expect(res.body.measures).toHaveLength(2);
  }
  await server.stop();
  server = undefined;

  // Directly in the database: nothing written half-way, and the audit chain is intact.
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR });
  try {
    const { rows } = await database.query<{ problems: number; incomplete: number; audited: number }>(
      `SELECT count(*)::int AS problems,
         count(*) FILTER (WHERE (SELECT count(*) FROM problem_measures m WHERE m.problem_id = p.id) <> 2
           OR NOT EXISTS (SELECT 1 FROM problem_events e WHERE e.problem_id = p.id AND e.type = 'dispatch')
           OR p.state <> 'dispatched')::int AS incomplete,
         count(*) FILTER (WHERE EXISTS (SELECT 1 FROM audit_events a WHERE a.entity_id = p.id::text))::int AS audited
       FROM problems p WHERE p.title LIKE $1`,
      [`${marker}-%`],
    );
    expect(rows[0].problems).toBeGreaterThanOrEqual(acknowledged.size);
    expect(rows[0].problems).toBeLessThanOrEqual(WRITES);
    expect(rows[0].incomplete).toBe(0);
    expect(rows[0].audited).toBe(rows[0].problems);
    const chain = await verifyChain(database.db);
    expect(chain.ok, JSON.stringify(chain.problem)).toBe(true);
  } finally {
    await database.close();
  }
}, 240_000);
