import { count, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/** Which page of a list (SPEC 3a): pages count from 1. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** One page of a table's rows under `where`, in `order`, and how many rows match in all. */
export async function selectPage<T extends PgTable>(
  db: Executor,
  table: T,
  where: SQL | undefined,
  order: SQL[],
  p: PageRequest,
): Promise<{ items: T['$inferSelect'][]; total: number }> {
  const items = await db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(...order)
    .limit(p.pageSize)
    .offset((p.page - 1) * p.pageSize);
  const [{ n }] = await db
    .select({ n: count() })
    .from(table as PgTable)
    .where(where);
  return { items: items as T['$inferSelect'][], total: Number(n) };
}
