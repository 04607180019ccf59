import crypto from 'node:crypto';
import { Column, SQL, fillPlaceholders, is, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Executor, genericPlans } from './client.js';

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

/** A select built once per shape: its text and parameters (placeholders by name) and its fields in column order. */
interface Built<Rows> {
  toSQL(): { sql: string; params: unknown[] };
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<Rows> };
}

/**
 * A read built once per shape and run on the generic-plan handle (decision 023): alone, prepared under its own name,
 * or — given a `Together` — as one part of a statement that reads several modules' previews in one round trip.
 */
export function readByShape<S, Rows>(prefix: string, build: (db: Executor, shape: S) => Built<Rows>) {
  const alone = preparedByShape(prefix, (db, s: S, name) => build(db, s).prepare(name));
  return (db: Executor, shape: S, values: Record<string, unknown>, together?: Together): Promise<Rows> => {
    const key = JSON.stringify(shape);
    return together
      ? (together.read(`${prefix} ${key}`, (g) => build(g, shape), values) as Promise<Rows>)
      : alone(genericPlans(db), shape, key).execute(values);
  };
}

interface Part {
  key: string;
  build: (db: Executor) => Built<unknown>;
  values: Record<string, unknown>;
  done: (rows: Record<string, unknown>[]) => void;
  fail: (err: unknown) => void;
}

/** Column types whose values read the same from json_agg as from the driver (Together passes them through as is). */
const SAME_AS_JSON = new Set([
  'PgText',
  'PgVarchar',
  'PgChar',
  'PgUUID',
  'PgInteger',
  'PgSmallInt',
  'PgSerial',
  'PgSmallSerial',
  'PgBoolean',
  'PgDateString',
  'PgJson',
  'PgJsonb',
  'PgEnumColumn',
]);

/**
 * Refuses, when the statement is built, a part's column that json_agg would answer otherwise than the driver: a
 * timestamp as text instead of a Date, a bigint or numeric as a number instead of text. A silent difference would
 * show only where the value is used; cast the column in the part (`sql<string>\`…::text\``) or read the part alone.
 */
function checkReadsAsJson(key: string, field: string, column: unknown) {
  if (!is(column, Column)) return;
  const type =
    column.columnType === 'PgArray'
      ? (column as unknown as { baseColumn: Column }).baseColumn.columnType
      : column.columnType;
  if (!SAME_AS_JSON.has(type)) {
    throw new Error(`Together: ${key} selects ${field} (${type}), which json_agg answers unlike the driver; cast it`);
  }
}

/**
 * `(SELECT json_agg(ROW(t.*)) FROM (<part>) AS t)` for each part, as one statement prepared under a name per set of
 * parts. Each part's `$n` becomes a placeholder of its own (`p<i>_<n>`), so that parts never share a value by name.
 * A part's rows keep its order (an aggregate over a sorted subquery and nothing else reads them in that order).
 */
const combined = preparedByShape('together', (db, parts: Pick<Part, 'key' | 'build'>[], name) => {
  const params: unknown[][] = [];
  const fields: string[][] = [];
  const columns: Record<string, SQL<unknown>> = {};
  for (const [i, part] of parts.entries()) {
    const q = part.build(db);
    const { sql: text, params: ps } = q.toSQL();
    params.push(ps);
    // Drizzle's own (internal) list of the select's fields, in the order of its columns (not getSelectedFields():
    // its proxy throws on reading a raw SQL field without an alias).
    const selected = (q as unknown as { config: { fields: Record<string, unknown> } }).config.fields;
    for (const [field, column] of Object.entries(selected)) checkReadsAsJson(part.key, field, column);
    fields.push(Object.keys(selected));
    const chunks = text.split(/\$(\d+)/).map((s, j) => (j % 2 ? sql.placeholder(`p${i}_${s}`) : sql.raw(s)));
    columns[`p${i}`] = sql`(SELECT coalesce(json_agg(ROW(t.*)), '[]') FROM (${sql.join(chunks)}) AS t)`;
  }
  return { statement: db.select(columns).from(sql`(SELECT 1) AS one`).prepare(name), params, fields };
});

/**
 * Reads lent to one statement (issue #19: home's previews of five modules made five round trips). Each module builds
 * its own part — scope, filters, order — through `readByShape`; the parts asked for before the event loop turns go
 * to the database together, later ones in a statement of their own. Rows come back as each part's own select
 * returns them, by field name. The parts' columns must read the same as JSON as from the driver (text, uuids, ints,
 * dates, booleans, JSON): a timestamp, bigint or numeric column is refused when the statement is built.
 */
export class Together {
  private waiting: Part[] = [];
  constructor(private readonly db: Executor) {}

  read(key: string, build: Part['build'], values: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    return new Promise((done, fail) => {
      if (this.waiting.length === 0) setImmediate(() => this.flush());
      this.waiting.push({ key, build, values, done, fail });
    });
  }

  private async flush() {
    const parts = this.waiting;
    this.waiting = [];
    try {
      const { statement, params, fields } = combined(genericPlans(this.db), parts, parts.map((p) => p.key).join('\n'));
      const values: Record<string, unknown> = {};
      for (const [i, part] of parts.entries())
        for (const [n, v] of fillPlaceholders(params[i], part.values).entries()) values[`p${i}_${n + 1}`] = v;
      const [row] = (await statement.execute(values)) as Record<string, Record<string, unknown>[]>[];
      for (const [i, part] of parts.entries()) {
        const names = fields[i];
        part.done(
          row[`p${i}`].map((r) => {
            const o: Record<string, unknown> = {};
            for (const [j, f] of names.entries()) o[f] = r[`f${j + 1}`];
            return o;
          }),
        );
      }
    } catch (err) {
      for (const part of parts) part.fail(err);
    }
  }
}
