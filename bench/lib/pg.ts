/** Throw-away PostgreSQL databases of the benchmarks: always named `bench_*`, created and dropped here. */
import { adminQuery, withDatabase } from '../../server/platform/db/admin.js';

function checked(name: string): string {
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`benchmark databases are named bench_[a-z0-9_]+, not ${name}`);
  return name;
}

/** Creates (replacing) the database `name` on the server of `url` and returns its URL. */
export async function createBenchDatabase(url: string, name: string): Promise<string> {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${checked(name)} WITH (FORCE)`);
  await adminQuery(url, `CREATE DATABASE ${checked(name)}`);
  return withDatabase(url, name);
}

export async function dropBenchDatabase(url: string, name: string): Promise<void> {
  await adminQuery(url, `DROP DATABASE IF EXISTS ${checked(name)} WITH (FORCE)`);
}
