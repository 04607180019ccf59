/** The demo county of the in-process benchmarks: a seeded database and the real app on it. */
import { buildApp } from '../../server/app.js';
import { allJobs } from '../../server/jobs.js';
import { Clock } from '../../server/platform/clock/clock.js';
import { ROLE_PERMISSIONS } from '../../common/roles.js';
import type { Ctx } from '../../server/platform/context.js';
import { type Database, type Executor, openDatabase } from '../../server/platform/db/client.js';
import { JobRunner } from '../../server/platform/jobs/jobs.service.js';
import { initialiseDatabase } from '../../server/seed/seed.js';
import { createBenchDatabase } from './pg.js';

export interface DemoDatabase {
  database: Database;
  clock: Clock;
  /** Closes the database and drops it when it was a throw-away PostgreSQL one. */
  close(): Promise<void>;
}

/**
 * Migrated and seeded with the demo county: PGlite in memory, or — given `throwAwayName` and DATABASE_URL —
 * a throw-away database of that name on that PostgreSQL server.
 */
export async function openDemoDatabase(throwAwayName?: string): Promise<DemoDatabase> {
  const base = throwAwayName ? process.env.DATABASE_URL : undefined;
  const created = base && throwAwayName ? await createBenchDatabase(base, throwAwayName) : undefined;
  const database = await openDatabase({ databaseUrl: created?.url });
  await database.migrate();
  const clock = new Clock(false);
  await initialiseDatabase(database, clock, { demo: true });
  return {
    database,
    clock,
    close: async () => {
      await database.close();
      await created?.drop();
    },
  };
}

/** The real app with every job, as the benchmarks drive it through HTTP inject. */
export function buildBenchApp({ database, clock }: DemoDatabase) {
  return buildApp({ database, clock, jobs: new JobRunner(database, clock, allJobs), serveWeb: false });
}

/** A supervision office of `regionId` working on `db` (a transaction or the database), as a request would. */
export function officeCtx({ database, clock }: DemoDatabase, regionId: string, db: Executor = database.db): Ctx {
  return {
    db,
    ip: null,
    clock,
    now: clock.now(),
    actor: {
      userId: crypto.randomUUID(),
      username: 'bench',
      displayName: '基准测试',
      personId: null,
      sessionId: '',
      csrfToken: '',
      roles: [{ role: 'supervision_office', unitId: null, groupId: null, regionId }],
      permissions: new Set(ROLE_PERMISSIONS.supervision_office),
      scope: { regionId, allUnits: true, unitIds: [], groupIds: [], personId: null },
    },
  };
}
