import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock.js';
import { type Database, openDatabase } from '../db/client.js';
import { type TestApp, createTestApp } from '../../test/harness.js';
import { type JobDefinition, JobRunner } from './jobs.service.js';
import { listRuns } from './jobs.repository.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('jobs', () => {
  it('runs a job at once from the API and records the run (POST /api/jobs/<name>/run)', async () => {
    const sys = await t.as('sysadmin');
    const res = await sys.post('/api/jobs/audit-verify/run');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'audit-verify', trigger: 'manual', ok: true, result: { ok: true } });
    const runs = (await sys.get('/api/jobs?name=audit-verify')).json();
    expect(runs.items[0].id).toBe(res.json().id);
    expect(runs.jobs.map((j: { name: string }) => j.name)).toContain('audit-verify');
    expect((await sys.post('/api/jobs/nope/run')).statusCode).toBe(404);
  });

  it('runs a cron job exactly once per tick with two app instances on one database', async () => {
    // Two instances = two JobRunners, each with its own connection pool when on PostgreSQL.
    const second: Database =
      t.database.driver === 'postgres' ? await openDatabase({ databaseUrl: urlOf(t), poolSize: 3 }) : t.database;
    const clock = new Clock(false);
    const tick: JobDefinition = {
      name: 'test-tick',
      label: '测试',
      cron: '* * * * *',
      run: async () => ({ tick: true }),
    };
    const a = new JobRunner(t.database, clock, [tick]);
    const b = new JobRunner(second, clock, [tick]);
    await a.start({ cronMonitorIntervalSeconds: 1, pollingIntervalSeconds: 0.5 });
    await b.start({ cronMonitorIntervalSeconds: 1, pollingIntervalSeconds: 0.5 });
    try {
      // Wait until a whole minute boundary has passed and its job has been worked.
      const deadline = Date.now() + 100_000;
      let runs = await listRuns(t.database.db, 1, 100, 'test-tick');
      while (runs.total < 1 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 1000));
        runs = await listRuns(t.database.db, 1, 100, 'test-tick');
      }
      await new Promise((r) => setTimeout(r, 5000));
      runs = await listRuns(t.database.db, 1, 100, 'test-tick');
      // Each cron tick became one job, and each job ran once, whichever instance took it.
      const jobs = await t.database.query<{ id: string; slot: string }>(
        // The tick a job belongs to: pg-boss guards each tick with a singleton on its internal send-it queue,
        // so the job itself has no singleton slot; its creation minute is the tick it was made for.
        "SELECT id::text AS id, date_trunc('minute', created_on)::text AS slot FROM pgboss.job WHERE name = 'test-tick'",
      );
      const slots = jobs.rows.map((j) => j.slot);
      expect(runs.total).toBeGreaterThanOrEqual(1);
      expect(new Set(slots).size).toBe(slots.length);
      const ran = runs.items.map((r) => r.jobId);
      expect(new Set(ran).size).toBe(ran.length);
      expect(ran.every((id) => jobs.rows.some((j) => j.id === id))).toBe(true);
    } finally {
      await a.stop();
      await b.stop();
      if (second !== t.database) await second.close();
    }
  }, 150_000);
});

function urlOf(app: TestApp): string {
  const options = (app.database.pool as unknown as { options: { connectionString: string } }).options;
  return options.connectionString;
}
