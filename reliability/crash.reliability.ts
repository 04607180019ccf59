/**
 * kill -9 of the server during 1,000 concurrent problem writes (SPEC §6 durability): after a restart
 * every acknowledged write is there, and no problem is half-written (each has its measures and its
 * dispatch event, or does not exist at all). Runs on PGlite (a data directory on disk) or, with
 * DATABASE_URL, on a throw-away PostgreSQL database. Every write carries an Idempotency-Key; after the restart
 * each write that got no 201 (503, dropped connection) is retried with its key: it returns the object committed
 * before the kill or creates it once — never a second one (issue #21 item 20).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditSecrets } from '../server/platform/audit/audit.key.js';
import { verifyChain } from '../server/platform/audit/audit.service.js';
import { openDatabase } from '../server/platform/db/client.js';
import { type ServerProcess, createBenchDatabase, signIn, startServer } from './harness.js';

const WRITES = 1000;
const KILL_AFTER_ACKS = 250;
const RETRY_CONCURRENCY = 20;
const runId = crypto.randomBytes(3).toString('hex');
const marker = `断电测试${runId}`;

let env: Record<string, string>;
let cleanup: () => Promise<void>;
let server: ServerProcess | undefined;

// The server's audit key and external anchor (issue #21): the chain is checked against both after the crash.
const secrets = { key: auditSecrets().key, anchorFile: path.join(os.tmpdir(), `crash-anchor-${marker}.jsonl`) };
const auditEnv = { ZELIAN_AUDIT_KEY: secrets.key.toString('hex'), ZELIAN_AUDIT_ANCHOR: secrets.anchorFile };

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    const db = await createBenchDatabase(process.env.DATABASE_URL);
    env = { DATABASE_URL: db.url, ZELIAN_JOBS: '0', ...auditEnv };
    cleanup = db.drop;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-crash-'));
    env = { DATABASE_URL: '', DATA_DIR: dir, ZELIAN_JOBS: '0', ...auditEnv };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
});

afterAll(async () => {
  await server?.stop();
  await cleanup?.();
  fs.rmSync(secrets.anchorFile, { force: true });
});

it('keeps every acknowledged write and no half-written problem after kill -9', async () => {
  server = await startServer(env);
  const office = await signIn(server.baseUrl, 'office');
  const units = (await office.request('GET', '/api/units?type=department')).body.items as { id: string }[];
  expect(units.length).toBeGreaterThan(5);

  const acknowledged = new Map<string, string>(); // id → title
  const unanswered: number[] = []; // writes without a 201: retried after the restart
  const body = (i: number) => ({
    title: `${marker}-${i}`,
    description: '进程被强制终止时正在写入的问题',
    source: 'patrol',
    unitId: units[i % units.length].id,
    measures: [
      { content: '第一项整改措施', deadlineType: 'working', days: 5 },
      { content: '第二项整改措施', deadlineType: 'date', deadline: '2027-06-30' },
    ],
    dispatch: true,
  });
  const key = (i: number) => ({ 'idempotency-key': `crash-${runId}-${i}` });
  let failed = 0;
  let killed: Promise<void> | undefined;
  const crashed = server;
  const writes = Array.from({ length: WRITES }, async (_, i) => {
    const title = `${marker}-${i}`;
    try {
      const res = await office.request('POST', '/api/problems', body(i), key(i));
      if (res.status === 201) {
        acknowledged.set(res.body.id, title);
        if (acknowledged.size === KILL_AFTER_ACKS) killed ??= crashed.kill9();
      } else {
        failed++;
        unanswered.push(i);
        // A loaded machine answers many 503s (pool wait over): kill by then all the same, writes are in flight.
        if (failed + acknowledged.size >= WRITES / 2) killed ??= crashed.kill9();
      }
    } catch {
      failed++; // the connection died with the process (or timed out on a loaded machine): not acknowledged
      unanswered.push(i);
      if (failed + acknowledged.size >= WRITES / 2) killed ??= crashed.kill9();
    }
  });
  await Promise.all(writes);
  await killed;
  expect(killed, 'the server was killed while writes were in flight').toBeDefined();
  expect(acknowledged.size).toBeGreaterThan(0);
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
  // Retry every write that got no 201, with its key. A key whose attempt died holding it answers 409 until the
  // claim's lease runs out; then the retry either replays the object committed before the kill or creates it.
  let replayed = 0;
  const retried = new Map<number, string>();
  const giveUp = Date.now() + 120_000;
  for (let pending = unanswered; pending.length > 0 && Date.now() < giveUp; ) {
    const next: number[] = [];
    // Retried as a client would, a few at a time: hundreds at once on one PGlite connection outlast any timeout.
    for (let from = 0; from < pending.length; from += RETRY_CONCURRENCY) {
      await Promise.all(
        pending.slice(from, from + RETRY_CONCURRENCY).map(async (i) => {
          const res = await again.request('POST', '/api/problems', body(i), key(i));
          if (res.status === 409) next.push(i);
          else {
            expect(res.status, `retry of write ${i}`).toBe(201);
            if (res.headers?.['idempotent-replay'] === 'true') replayed++;
            retried.set(i, res.body.id);
          }
        }),
      );
    }
    pending = next;
    if (pending.length > 0) await new Promise((r) => setTimeout(r, 2000));
  }
  expect(retried.size, 'every unanswered write was retried to a 201').toBe(unanswered.length);
  console.log(`crash: ${acknowledged.size} acknowledged, ${unanswered.length} retried (${replayed} replays)`);
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
    // Each of the 1,000 writes exists exactly once: acknowledged, or retried after the kill — never twice.
    expect(rows[0].problems).toBe(WRITES);
    const { rows: dup } = await database.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM (SELECT title FROM problems WHERE title LIKE $1 GROUP BY title HAVING count(*) > 1) d',
      [`${marker}-%`],
    );
    expect(dup[0].n).toBe(0);
    expect(rows[0].incomplete).toBe(0);
    expect(rows[0].audited).toBe(rows[0].problems);
    // Anchored at each start and at the clean stop: the whole chain, up to the last checkpoint, holds.
    const chain = await verifyChain(database.db, secrets);
    expect(chain.ok, JSON.stringify(chain.problem)).toBe(true);
    expect(chain.anchoredSeq).toBe(chain.headSeq);
    // A tail cut directly in the database, with the head moved back, is caught by the anchor.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`DELETE FROM audit_events WHERE seq > (SELECT seq - 10 FROM audit_head)`);
      await tx.execute(sql`UPDATE audit_head SET seq = seq - 10,
        hash = (SELECT hash FROM audit_events WHERE seq = (SELECT seq - 10 FROM audit_head))`);
    });
    expect(await verifyChain(database.db, secrets)).toMatchObject({ ok: false, problem: { seq: chain.headSeq - 9 } });
  } finally {
    await database.close();
  }
}, 240_000);
