import crypto from 'node:crypto';
import { SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/**
 * Statements built once per shape and database handle, prepared under a name (issue #19). A shape is whatever
 * decides the SQL text — which filters are present, the sort, the kind of scope — never a value: values travel as
 * placeholders. The same shape is the same text, so one name (`prefix` and a hash of the shape's key) serves every
 * handle and connection. `key` may be given when the caller already has it (it is the shape's JSON by default).
 */
export function preparedByShape<S, T>(prefix: string, build: (db: Executor, shape: S, name: string) => T) {
  const names = new Map<string, string>();
  const built = new WeakMap<Executor, Map<string, T>>();
  return (db: Executor, shape: S, key = JSON.stringify(shape)): T => {
    let name = names.get(key);
    if (!name) {
      name = `${prefix}_${crypto.createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
      names.set(key, name);
    }
    let perDb = built.get(db);
    if (!perDb) {
      perDb = new Map();
      built.set(db, perDb);
    }
    let statement = perDb.get(key);
    if (!statement) {
      statement = build(db, shape, name);
      perDb.set(key, statement);
    }
    return statement;
  };
}

/**
 * `table.id IN (<the page's ids in order>)`: a prepared page finds its rows' ids through the index first, then joins
 * names for those rows only. A window given as numbers is written into the text (Drizzle makes a number given to
 * .limit() a parameter; a written-in window lets the statement run its generic plan, decision 023); as SQL it is
 * used as it is (placeholders, for deep pages).
 */
export function onPage(
  db: Executor,
  table: PgTable & { id: AnyPgColumn },
  where: SQL,
  order: SQL[],
  window: { limit: number; offset?: number } | SQL,
): SQL {
  const ids = db
    .select({ id: table.id })
    .from(table as PgTable)
    .where(where)
    .orderBy(...order);
  const written =
    window instanceof SQL
      ? window
      : sql.raw(`LIMIT ${Math.trunc(window.limit)} OFFSET ${Math.trunc(window.offset ?? 0)}`);
  return sql`${table.id} IN (${ids} ${written})`;
}

/** The count of `where` as a scalar subquery that a first page carries on every row (PostgreSQL runs it once). */
export const totalOn = (table: PgTable, where: SQL) => sql<number>`(SELECT count(*)::int FROM ${table} WHERE ${where})`;

/** A first page's rows without the total they carry, and the total: a first page has rows whenever it is not 0. */
export function splitTotal<R extends { total: number }>(rows: R[]): { items: Omit<R, 'total'>[]; total: number } {
  return { items: rows.map(({ total: _, ...r }) => r), total: rows[0]?.total ?? 0 };
}
