import { describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock.js';
import { type Database, openDatabase } from '../db/client.js';
import { type TestApp, testAppForFile } from '../../test/harness.js';
import { type JobDefinition, JobRunner } from './jobs.service.js';
import { listRuns } from './jobs.repository.js';
import { readWorkbook } from '../../test/xlsx.js';

const t = testAppForFile();

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

  it('exports the run log under the list filter, in Chinese, newest first (GET /api/jobs/export.xlsx)', async () => {
    const sys = await t.as('sysadmin');
    expect((await sys.post('/api/jobs/session-cleanup/run')).statusCode).toBe(200);
    const list = (await sys.get('/api/jobs?name=session-cleanup&pageSize=200')).json();
    const label = list.jobs.find((j: { name: string }) => j.name === 'session-cleanup').label;
    const res = await sys.get('/api/jobs/export.xlsx?name=session-cleanup');
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = (await readWorkbook(res.rawPayload)).后台任务运行记录;
    expect(header).toEqual(['任务', '触发方式', '开始时间', '结束时间', '结果', '详情']);
    expect(rows).toHaveLength(list.total);
    expect(rows.every((r) => r[0] === label)).toBe(true);
    expect([rows[0][1], rows[0][4]]).toEqual(['手动', '成功']);
    expect(rows[0][2]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await (await t.as('auditadmin')).get('/api/jobs/export.xlsx')).statusCode).toBe(403);
  });

  it('makes one job per cron tick of the platform clock with two app instances on one database', async () => {
    // Two instances = two JobRunners, each with its own connection pool when on PostgreSQL.
    const second: Database =
      t.database.driver === 'postgres' ? await openDatabase({ databaseUrl: urlOf(t), poolSize: 3 }) : t.database;
    const clock = new SetClock(new Date('2026-03-02T10:00:20+08:00'));
    const tick: JobDefinition = {
      name: 'test-tick',
      label: '测试',
      cron: '* * * * *',
      run: async () => ({ tick: true }),
    };
    const hourly: JobDefinition = { name: 'test-hourly', label: '测试', cron: '0 * * * *', run: async () => ({}) };
    const a = new JobRunner(t.database, clock, [tick, hourly]);
    const b = new JobRunner(second, clock, [tick, hourly]);
    // No timer: the test is the scheduler, and the clock says which tick is due.
    await a.start({ cronMonitorIntervalSeconds: 0, pollingIntervalSeconds: 0.5 });
    await b.start({ cronMonitorIntervalSeconds: 0, pollingIntervalSeconds: 0.5 });
    try {
      const sent = async () => (await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()])).flat();
      // 10:00:20: the 10:00 tick of both jobs, sent by one instance only however many times both look.
      expect((await sent()).map((s) => [s.name, s.tick]).sort()).toEqual([
        ['test-hourly', '2026-03-02T02:00:00.000Z'],
        ['test-tick', '2026-03-02T02:00:00.000Z'],
      ]);
      clock.at = new Date('2026-03-02T10:00:59+08:00');
      expect(await sent()).toEqual([]);
      // 10:01:00 exactly and a late look at 10:03:30 (the instances were busy): one job each, never two.
      clock.at = new Date('2026-03-02T10:01:00+08:00');
      expect((await sent()).map((s) => s.tick)).toEqual(['2026-03-02T02:01:00.000Z']);
      clock.at = new Date('2026-03-02T10:03:30+08:00');
      expect((await sent()).map((s) => s.tick)).toEqual(['2026-03-02T02:03:00.000Z']);
      // An hourly tick 5 minutes gone is not sent any more (a restarted instance does not replay it).
      clock.at = new Date('2026-03-02T11:05:01+08:00');
      expect((await sent()).map((s) => s.name)).toEqual(['test-tick']);

      const jobs = await t.database.query<{ id: string; tick: string }>(
        "SELECT id::text AS id, data->>'tick' AS tick FROM pgboss.job WHERE name = 'test-tick' ORDER BY 2",
      );
      expect(jobs.rows.map((j) => j.tick)).toEqual([
        '2026-03-02T02:00:00.000Z',
        '2026-03-02T02:01:00.000Z',
        '2026-03-02T02:03:00.000Z',
        '2026-03-02T03:05:00.000Z',
      ]);
      // Each job ran once, whichever instance took it.
      const deadline = Date.now() + 60_000;
      let runs = await listRuns(t.database.db, 1, 100, 'test-tick');
      while (runs.total < 4 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 250));
        runs = await listRuns(t.database.db, 1, 100, 'test-tick');
      }
      const ran = runs.items.map((r) => r.jobId).sort();
      expect(ran).toEqual(jobs.rows.map((j) => j.id).sort());
    } finally {
      await a.stop();
      await b.stop();
      if (second !== t.database) await second.close();
    }
  }, 120_000);
});

/** A clock set by the test. */
class SetClock extends Clock {
  constructor(public at: Date) {
    super(false);
  }
  override now(): Date {
    return new Date(this.at);
  }
}

function urlOf(app: TestApp): string {
  const options = (app.database.pool as unknown as { options: { connectionString: string } }).options;
  return options.connectionString;
}
