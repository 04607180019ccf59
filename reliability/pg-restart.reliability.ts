/**
 * PostgreSQL restarted under load: while the database is down, requests fail fast with 503 and a
 * Chinese message (never 500, never a hang); when it is back, the same server process answers again
 * by itself. Uses a private cluster (initdb + pg_ctl on a free port) — never the shared server — so
 * it runs the same way whichever database the rest of the suite uses.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type HttpClient,
  type PrivateCluster,
  type ServerProcess,
  hasChinese,
  signIn,
  startPrivateCluster,
  startServer,
} from './harness.js';

let cluster: PrivateCluster;
let server: ServerProcess | undefined;

beforeAll(async () => {
  cluster = await startPrivateCluster();
});

afterAll(async () => {
  await server?.stop();
  cluster?.destroy();
});

interface Outcome {
  status: number;
  ms: number;
  code?: string;
  message?: string;
  phase: 'up' | 'down' | 'back';
}

it('answers 503 fast while PostgreSQL is down and recovers without a restart', async () => {
  server = await startServer({ DATABASE_URL: cluster.url, ZELIAN_JOBS: '1' });
  const office = await signIn(server.baseUrl, 'office');
  const units = (await office.request('GET', '/api/units?type=department')).body.items as { id: string }[];
  let phase: Outcome['phase'] = 'up';
  const outcomes: Outcome[] = [];
  let running = true;
  let n = 0;
  // 8 clients, each reading the ledger and creating a problem in turn, until told to stop.
  const client = async (c: HttpClient) => {
    while (running) {
      const at = phase;
      const i = n++;
      try {
        const res =
          i % 2 === 0
            ? await c.request('GET', '/api/problems?pageSize=20&state=dispatched')
            : await c.request('POST', '/api/problems', {
                title: `重启测试问题${i}`,
                source: 'patrol',
                unitId: units[i % units.length].id,
                measures: [{ content: '整改', deadlineType: 'working', days: 5 }],
                dispatch: true,
              });
        // A request in flight when the database stops belongs to the outage.
        const during = at === phase ? at : 'down';
        outcomes.push({
          status: res.status,
          ms: res.ms,
          code: res.body?.code,
          message: res.body?.message,
          phase: during,
        });
      } catch (err) {
        outcomes.push({ status: 0, ms: 0, message: String(err), phase: at });
      }
      if (at !== 'up') await new Promise((r) => setTimeout(r, 50));
    }
  };
  const load = Promise.all(Array.from({ length: 8 }, () => client(office)));
  await new Promise((r) => setTimeout(r, 3000));
  phase = 'down';
  cluster.stop();
  await new Promise((r) => setTimeout(r, 4000));
  cluster.start();
  phase = 'back';
  // Recovery: the app reconnects by itself; wait until the ledger answers 200 again.
  const recoveredBy = Date.now() + 30_000;
  let recovered = false;
  while (Date.now() < recoveredBy && !recovered && server.alive()) {
    recovered = (await office.request('GET', '/api/problems?pageSize=1')).status === 200;
    if (!recovered) await new Promise((r) => setTimeout(r, 250));
  }
  await new Promise((r) => setTimeout(r, 2000));
  running = false;
  await load;

  expect(server.alive(), `the same server process is still running:\n${server.log()}`).toBe(true);
  expect(recovered, 'the app answers again after PostgreSQL is back').toBe(true);
  const up = outcomes.filter((o) => o.phase === 'up');
  expect(up.length).toBeGreaterThan(10);
  expect(up.filter((o) => o.status !== 200 && o.status !== 201)).toEqual([]);
  // While down: only 503 with a Chinese message, each within seconds — and never a 500 at any time.
  const failures = outcomes.filter((o) => o.status !== 200 && o.status !== 201);
  expect(failures.length, 'requests failed while the database was down').toBeGreaterThan(0);
  for (const f of failures) {
    expect(f, JSON.stringify(f)).toMatchObject({ status: 503, code: 'DB_UNAVAILABLE' });
    expect(hasChinese(f.message)).toBe(true);
    expect(f.ms).toBeLessThan(6000);
  }
  // After recovery both reads and writes succeed, and the session survived (it is in the database).
  const after = await office.request('POST', '/api/problems', {
    title: '数据库恢复后的问题',
    source: 'patrol',
    unitId: units[0].id,
    measures: [{ content: '整改', deadlineType: 'working', days: 5 }],
  });
  expect(after.status).toBe(201);
  const audit = await signIn(server.baseUrl, 'auditadmin');
  const chain = await audit.request('POST', '/api/audit-events/verify');
  expect(chain.status).toBe(200);
  expect(chain.body.ok).toBe(true);
}, 180_000);
