import crypto from 'node:crypto';
import cronParser from 'cron-parser';
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
  /** How often each instance looks for a due cron tick; 0: never by itself (a test calls tick()). */
  cronMonitorIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
}

const CRON_TZ = 'Asia/Shanghai';
/** A tick is still sent this long after its time (an instance busy or starting late); never older ones. */
const TICK_WINDOW_MS = 5 * 60_000;

/** The job id of one tick of one cron job: the same on every instance, so the tick becomes one job. */
function tickJobId(name: string, tick: Date): string {
  const h = crypto.createHash('sha256').update(`${name}@${tick.toISOString()}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Runs job definitions on pg-boss over the application's own database, on PGlite and PostgreSQL alike.
 * Cron ticks are computed from the platform clock (the one a trainer may move), not by pg-boss' own
 * scheduler: each instance sends the latest due tick under an id derived from (job, tick time), and the
 * job table's primary key lets only the first of them in — one job per tick, however many instances, and
 * a tick is known by its scheduled time, not by when an instance got round to it.
 */
export class JobRunner {
  private boss: PgBoss | null = null;
  private timer: NodeJS.Timeout | null = null;
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
      schedule: false,
    });
    boss.on('error', (err) => console.error('[jobs]', err));
    await boss.start();
    for (const def of this.definitions) {
      await boss.createQueue(def.name);
      await boss.work(def.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async ([job]) => {
        await this.execute(def, 'schedule', job.id);
      });
      // Schedules left by an earlier version, which let pg-boss' own timekeeper make the ticks.
      if (def.cron) await boss.unschedule(def.name);
    }
    this.boss = boss;
    const every = opts.cronMonitorIntervalSeconds ?? 30;
    if (every > 0) {
      this.timer = setInterval(() => {
        this.tick().catch((err) => console.error('[jobs] cron', err));
      }, every * 1000);
      this.timer.unref();
      await this.tick();
    }
  }

  /**
   * Sends the tick each cron job is due for at the clock's now (its latest scheduled time, if within
   * TICK_WINDOW_MS); a tick another instance already sent is not sent again. Returns the ticks sent here.
   */
  async tick(): Promise<{ name: string; tick: string; jobId: string }[]> {
    const boss = this.boss;
    if (!boss) return [];
    const now = this.clock.now();
    const sent: { name: string; tick: string; jobId: string }[] = [];
    for (const def of this.definitions) {
      if (!def.cron) continue;
      const due = cronParser.parseExpression(def.cron, { tz: CRON_TZ, currentDate: new Date(now.getTime() + 1) });
      const tick = due.prev().toDate();
      if (now.getTime() - tick.getTime() > TICK_WINDOW_MS) continue;
      const id = await boss.send(def.name, { tick: tick.toISOString() }, { id: tickJobId(def.name, tick) });
      if (id) sent.push({ name: def.name, tick: tick.toISOString(), jobId: id });
    }
    return sent;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
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
