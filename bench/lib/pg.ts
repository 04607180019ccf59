/** Throw-away PostgreSQL databases of the benchmarks: always named `bench_*`, created and dropped here. */
import pg from 'pg';

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

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
