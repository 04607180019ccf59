import { count, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { jobRuns } from '../db/platform.tables.js';

export type JobRunRow = typeof jobRuns.$inferSelect;

export async function insertRun(db: Executor, values: typeof jobRuns.$inferInsert): Promise<JobRunRow> {
  const [row] = await db.insert(jobRuns).values(values).returning();
  return row;
}

export async function finishRun(db: Executor, id: string, finishedAt: Date, ok: boolean, result: unknown) {
  const [row] = await db
    .update(jobRuns)
    .set({ finishedAt, ok, result: result as object })
    .where(eq(jobRuns.id, id))
    .returning();
  return row;
}

export async function listRuns(db: Executor, page: number, pageSize: number, name?: string) {
  const where = name ? eq(jobRuns.name, name) : undefined;
  const items = await db
    .select()
    .from(jobRuns)
    .where(where)
    .orderBy(desc(jobRuns.startedAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ n }] = await db.select({ n: count() }).from(jobRuns).where(where);
  return { items, total: Number(n) };
}

export async function countRuns(db: Executor, name: string): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(jobRuns).where(eq(jobRuns.name, name));
  return Number(n);
}
