import { type SQL, and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/** A table of editable records: an id, the optimistic-lock `version` and the time of the last change. */
type Versioned = PgTable & { id: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };

/**
 * The optimistic-lock update: writes `patch` and the next version if row `id` still has `version` (and matches
 * `also`); the updated row, or null when someone else changed it first.
 */
export async function updateAtVersion<T extends Versioned>(
  db: Executor,
  table: T,
  id: string,
  version: number,
  patch: Partial<T['$inferInsert']>,
  also?: SQL,
): Promise<T['$inferSelect'] | null> {
  const [row] = await db
    .update(table as PgTable)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(table.id, id), eq(table.version, version), also))
    .returning();
  return (row as T['$inferSelect'] | undefined) ?? null;
}
