import crypto from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Clock } from '../clock/clock.js';
import { type Ctx, systemCtx } from '../context.js';
import type { Database } from '../db/client.js';
import { notFound } from '../errors.js';
import * as repo from './jobs.repository.js';

/** A background job: a name, an optional cron schedule (Asia/Shanghai) and an idempotent handler. */
export interface JobDefinition {
  name: string;
  label: string;
  cron?: string;
  run(ctx: Ctx): Promise<unknown>;
}

export interface JobRunnerOptions {
  cronMonitorIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
}

/**
 * Runs job definitions on pg-boss over the application's own database, so a cron job fires
 * once across any number of app instances, on PGlite and PostgreSQL alike.
 */
export class JobRunner {
  private boss: PgBoss | null = null;
  readonly instanceId = crypto.randomUUID();

  constructor(
    private readonly database: Database,
    private readonly clock: Clock,
    readonly definitions: JobDefinition[],
  ) {}

  get(name: string): JobDefinition {
    const def = this.definitions.find((d) => d.name === name);
    if (!def) throw notFound('没有这个后台任务');
    return def;
  }

  async start(opts: JobRunnerOptions = {}): Promise<void> {
    const boss = new PgBoss({
      db: { executeSql: (text, values) => this.database.query(text, values) },
      schema: 'pgboss',
      cronMonitorIntervalSeconds: opts.cronMonitorIntervalSeconds ?? 30,
      cronWorkerIntervalSeconds: opts.cronMonitorIntervalSeconds ? 1 : 5,
    });
    boss.on('error', (err) => console.error('[jobs]', err));
    await boss.start();
    for (const def of this.definitions) {
      await boss.createQueue(def.name);
      await boss.work(def.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async ([job]) => {
        await this.execute(def, 'schedule', job.id);
      });
      if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'Asia/Shanghai' });
    }
    this.boss = boss;
  }

  async stop(): Promise<void> {
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5000 });
    this.boss = null;
  }

  /** Runs a job now in this process (POST /api/jobs/<name>/run), recording the run. */
  runNow(name: string) {
    return this.execute(this.get(name), 'manual', null);
  }

  private async execute(def: JobDefinition, trigger: string, jobId: string | null) {
    const db = this.database.db;
    const run = await repo.insertRun(db, {
      name: def.name,
      trigger,
      jobId,
      instance: this.instanceId,
      startedAt: this.clock.now(),
    });
    try {
      const result = await def.run(systemCtx(db, this.clock));
      return await repo.finishRun(db, run.id, this.clock.now(), true, result ?? null);
    } catch (err) {
      return await repo.finishRun(db, run.id, this.clock.now(), false, { error: String(err) });
    }
  }
}

export const listJobRuns = repo.listRuns;
/** How many times a job has run (a module's figures count its scans). */
export { countRuns } from './jobs.repository.js';
