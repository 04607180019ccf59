import { type SQL, and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/** A table of editable records: an id, the optimistic-lock `version` and, mostly, the time of the last change. */
type Versioned = PgTable & { id: AnyPgColumn; version: AnyPgColumn; updatedAt?: AnyPgColumn };

/**
 * The optimistic-lock update: writes `patch` and the next version if row `id` still has `version` (and matches
 * `also`), stamping `updatedAt` with `now` where the table has it (a service passes `ctx.now`, the request's clock);
 * the updated row, or null when someone else changed it first.
 */
export async function updateAtVersion<T extends Versioned>(
  db: Executor,
  table: T,
  id: string,
  version: number,
  patch: Partial<T['$inferInsert']>,
  also?: SQL,
  now: Date = new Date(),
): Promise<T['$inferSelect'] | null> {
  const [row] = await db
    .update(table as PgTable)
    .set({ ...patch, version: version + 1, ...(table.updatedAt ? { updatedAt: now } : {}) })
    .where(and(eq(table.id, id), eq(table.version, version), also))
    .returning();
  return (row as T['$inferSelect'] | undefined) ?? null;
}
