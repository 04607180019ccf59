import { type SQL, getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type Executor, rowsOf } from './client.js';

function insertSql<T extends PgTable>(table: T, rows: Partial<T['$inferInsert']>[]): SQL {
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]);
  const defs: SQL[] = [];
  const picks: SQL[] = [];
  const targets: SQL[] = [];
  keys.forEach((key, i) => {
    const column = columns[key];
    if (!column) throw new Error(`insertRecordset: no column ${key}`);
    const alias = sql.identifier(`c${i}`);
    targets.push(sql`${sql.identifier(column.name)}`);
    defs.push(sql`${alias} ${sql.raw(column.getSQLType())}`);
    picks.push(column.getSQLType() === 'jsonb' ? sql`NULLIF(${alias}, 'null'::jsonb)` : sql`${alias}`);
  });
  const json = JSON.stringify(rows.map((row) => Object.fromEntries(keys.map((k, i) => [`c${i}`, row[k as never]]))));
  return sql`INSERT INTO ${table} (${sql.join(targets, sql`, `)})
    SELECT ${sql.join(picks, sql`, `)} FROM jsonb_to_recordset(${json}::jsonb) AS r(${sql.join(defs, sql`, `)})`;
}

/**
 * Inserts many rows in one statement: `INSERT … SELECT … FROM jsonb_to_recordset($1)`, the rows
 * travelling as a single JSON parameter. Unlike a multi-row VALUES list it has no bind-parameter
 * limit (65,535) and no per-value SQL to build: Drizzle spends ~60 µs a row assembling a
 * 5,000-row VALUES insert, more than PostgreSQL takes to store it.
 *
 * Every row must have the same keys (the table's property names); the columns not given take
 * their defaults. Values go through JSON: dates as ISO strings, jsonb values as nested JSON
 * (a JSON null stored as SQL NULL, as Drizzle's own insert does).
 */
export async function insertRecordset<T extends PgTable>(
  db: Executor,
  table: T,
  rows: Partial<T['$inferInsert']>[],
): Promise<void> {
  if (rows.length > 0) await db.execute(insertSql(table, rows));
}

/**
 * `insertRecordset` that returns the stored rows (defaults and generated columns included) in
 * Drizzle's shape: each row comes back as JSON and goes through the columns' own mapping
 * (timestamps become Dates). For tables of plain columns (no bytea).
 */
export async function insertRecordsetReturning<T extends PgTable>(
  db: Executor,
  table: T,
  rows: Partial<T['$inferInsert']>[],
): Promise<T['$inferSelect'][]> {
  if (rows.length === 0) return [];
  const result = await db.execute(sql`${insertSql(table, rows)} RETURNING to_json(${table}.*)::text AS row`);
  const columns = Object.entries(getTableColumns(table));
  return rowsOf<{ row: string }>(result).map(({ row }) => {
    const stored = JSON.parse(row) as Record<string, unknown>;
    return Object.fromEntries(
      columns.map(([key, column]) => {
        const value = stored[column.name];
        return [key, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
      }),
    ) as T['$inferSelect'];
  });
}
