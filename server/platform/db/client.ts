import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite, type QueryOptions, type Results, parse as pgParse, protocol } from '@electric-sql/pglite';
import { is } from 'drizzle-orm';
import { type PgDatabase, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';

// The client carries no table schema (it would make platform import every module): queries name their tables.
// biome-ignore lint/suspicious/noExplicitAny: the query-result HKT differs between the two drivers
export type Db = PgDatabase<any>;
// biome-ignore lint/suspicious/noExplicitAny: as above
export type Tx = PgTransaction<any, Record<string, never>, any>;
/** Anything repositories can run queries on: the pool or an open transaction. */
export type Executor = Db | Tx;

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../db/migrations');

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Raw parameterised SQL, used by pg-boss and scripts. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** PostgreSQL: the pool of `genericPlans` (its connections always run a prepared statement's generic plan). */
  genericPool?: pg.Pool;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  /** Folder for the embedded database; undefined = in memory. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (test template). */
  loadDataDir?: Blob;
  poolSize?: number;
  /** How long a request may wait for a free pooled connection (PostgreSQL); default 30 s. */
  poolWaitMs?: number;
}

const genericHandles = new WeakMap<Executor, Db>();

/**
 * Where a prepared statement runs with its generic plan, planned once per connection. Left to itself PostgreSQL
 * plans a named statement afresh at every execution while it estimates a custom plan cheaper, and for the ledger's
 * page that planning cost twice the execution (issue #19, BENCHMARKS.md). Only for statements whose text holds
 * as constants the values their plan depends on (LIMIT and OFFSET above all: a generic plan assumes a limit
 * parameter reads a tenth of the table). On PGlite, a handle whose statements run their generic plan (`named`
 * below); inside a transaction, the transaction itself.
 */
export const genericPlans = (db: Executor): Executor => genericHandles.get(db) ?? db;

/** A new connection that cannot be opened within this time means the database is unreachable (503). */
const CONNECT_TIMEOUT_MS = 5000;

/**
 * Connects with its own short timeout: the pool's `connectionTimeoutMillis` is the wait for a free connection
 * (a busy pool queues), while a server that does not answer still fails within seconds.
 */
class BoundedClient extends pg.Client {
  constructor(config: pg.ClientConfig = {}) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

/** Opens PGlite or PostgreSQL behind the same Drizzle API; the rest of the code never knows which. */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // A busy pool is not an outage: a request queues for a free connection up to poolWaitMs; a database that
    // cannot be reached fails a request within seconds (503, BoundedClient) instead of queueing it forever.
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: opts.poolWaitMs ?? 30_000,
      Client: BoundedClient,
    });
    const genericPool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: opts.poolWaitMs ?? 30_000,
      Client: BoundedClient,
      options: '-c plan_cache_mode=force_generic_plan',
    });
    for (const p of [pool, genericPool]) {
      // An idle client cut off by the server (restart, failover) must not crash the process; the pool reconnects.
      p.on('error', (err) => console.warn('[db] idle connection lost:', err.message));
      // A checked-out client (inside a transaction) has no listener of the pool: without this one, a server restart
      // emits an unhandled 'error' and kills the process. The query in flight fails (503) and the pool drops it.
      p.on('connect', (client) => client.on('error', (err) => console.warn('[db] connection lost:', err.message)));
    }
    const db = drizzlePg(pool) as unknown as Db;
    genericHandles.set(db, drizzlePg(genericPool) as unknown as Db);
    return {
      db,
      driver: 'postgres',
      pool,
      genericPool,
      query: async (text, params) => {
        const r = await pool.query(text, params as unknown[]);
        return { rows: r.rows };
      },
      migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
      close: async () => {
        await Promise.all([pool.end(), genericPool.end()]);
      },
    };
  }
  // Before anything opens the directory: a second process on it would corrupt it (data-dir-lock.ts).
  const unlock = opts.dataDir ? await lockDataDir(opts.dataDir) : async () => {};
  let pglite: PGlite;
  try {
    pglite = new PGlite({
      dataDir: opts.dataDir ? path.join(opts.dataDir, 'pglite') : undefined,
      loadDataDir: opts.loadDataDir,
    });
    await pglite.waitReady;
  } catch (err) {
    await unlock();
    throw err;
  }
  // Named statements (below) are planned per execution unless they run through `genericPlans`.
  await pglite.exec('SET plan_cache_mode = force_custom_plan');
  const db = drizzlePglite({ client: named(pglite) }) as unknown as Db;
  genericHandles.set(db, drizzlePglite({ client: named(pglite, 'force_generic_plan') }) as unknown as Db);
  return {
    db,
    driver: 'pglite',
    pglite,
    query: async (text, params) => {
      // Parameterless text may hold several statements (pg-boss migrations): use the simple protocol.
      if (!params || params.length === 0) {
        const results = await pglite.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as never[] };
      }
      const r = await pglite.query(text, params as unknown[]);
      return { rows: r.rows as never[] };
    },
    migrate: () => migratePglite(drizzlePglite(pglite), { migrationsFolder }),
    close: async () => {
      await pglite.close();
      await unlock();
    },
  };
}

/** Statements PGlite keeps prepared at most (by text, least recently used closed first). */
const NAMED_STATEMENTS = 200;
let namedSeq = 0;

const joined = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** What `named` uses of PGlite beyond its documented API (the same locks and type tables `query` uses). */
interface PGliteInternals {
  serializers: Record<number, (x: unknown) => string>;
  parsers: Parameters<typeof pgParse.parseResults>[1];
  _checkReady(): Promise<void>;
  _runExclusiveQuery<T>(fn: () => Promise<T>): Promise<T>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * PGlite's `query()` parses, analyses and plans its text at every call (an unnamed statement, six exchanges with
 * the engine), and on the single embedded connection every request waits for that work. This client for Drizzle
 * prepares each text once under a name and then sends Bind/Execute only, under the same locks as `query()` (never
 * inside another caller's transaction; Drizzle's transactions keep PGlite's own path). Statements are planned per
 * execution (`plan_cache_mode = force_custom_plan` for the session: a generic plan made search 2–4× slower), or,
 * for the `genericPlans` handle, with their generic plan, set for that one execution (issue #19: the ledger screen
 * 29.5 → 25.8 ms of CPU, BENCHMARKS.md).
 */
function named(pglite: PGlite, planMode?: 'force_generic_plan'): PGlite {
  const S = protocol.serialize;
  const internals = pglite as unknown as PGliteInternals;
  const statements = new Map<string, { name: string; types: number[] }>();
  const around = planMode
    ? [[S.query(`SET plan_cache_mode = ${planMode}`)], [S.query('SET plan_cache_mode = force_custom_plan')]]
    : [[], []];
  let closing: Uint8Array[] = [];
  async function query<T>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    await internals._checkReady();
    return internals._runExclusiveTransaction(() =>
      internals._runExclusiveQuery(async () => {
        let statement = statements.get(text);
        if (statement) {
          statements.delete(text);
          statements.set(text, statement);
        } else {
          const name = `zl_${++namedSeq}`;
          const close = closing;
          closing = [];
          const { messages } = await pglite.execProtocol(
            joined([...close, S.parse({ name, text }), S.describe({ type: 'S', name }), S.sync()]),
            { syncToFs: false },
          );
          statement = { name, types: pgParse.parseDescribeStatementResults(messages) };
          statements.set(text, statement);
          if (statements.size > NAMED_STATEMENTS) {
            const [oldest, { name: old }] = statements.entries().next().value as [string, { name: string }];
            statements.delete(oldest);
            closing = [S.close({ type: 'S', name: old }), S.sync()];
          }
        }
        const types = statement.types;
        const values = params.map((v, i) =>
          v === null || v === undefined
            ? null
            : (options?.serializers?.[types[i]] ?? internals.serializers[types[i]] ?? String)(v),
        );
        const { messages } = await pglite.execProtocol(
          joined([
            ...around[0],
            S.bind({ statement: statement.name, values: values as string[] }),
            S.describe({ type: 'P' }),
            S.execute({}),
            S.sync(),
            ...around[1],
          ]),
        );
        return pgParse.parseResults(messages, internals.parsers, options)[around[0].length] as Results<T>;
      }),
    );
  }
  // Drizzle calls `query` and `transaction` (PGlite's own, bound: its state is in private fields).
  return { query, transaction: pglite.transaction.bind(pglite), exec: pglite.exec.bind(pglite) } as unknown as PGlite;
}

/** The rows of a raw `db.execute` result (the same shape on PGlite and node-postgres). */
export const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/**
 * Independent reads: at once on the pool (each on its own connection), one after another inside a
 * transaction. A transaction has one connection, on which node-postgres queues overlapping queries
 * only with a deprecation warning (an error from pg 9 on).
 */
export async function readTogether<T extends readonly unknown[]>(
  db: Executor,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  const thunks = reads as readonly (() => Promise<unknown>)[];
  if (!is(db, PgTransaction)) return (await Promise.all(thunks.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of thunks) results.push(await read());
  return results as unknown as T;
}
