/**
 * Throw-away PostgreSQL databases of the benchmarks and reliability tests: always named `bench_*`. Each run creates
 * its own uniquely named database and drops only that one, so two runs on one server never destroy each other's
 * (they used to share `bench_run_county` and drop it WITH (FORCE) under each other).
 */
import crypto from 'node:crypto';
import { adminQuery, withDatabase } from '../../server/platform/db/admin.js';

export interface BenchDatabase {
  name: string;
  url: string;
  /** Drops this run's database (never another's). */
  drop: () => Promise<void>;
}

function checked(name: string): string {
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`benchmark databases are named bench_[a-z0-9_]+, not ${name}`);
  return name;
}

/** A new database `<prefix>_<random>` on the server of `url`. */
export async function createBenchDatabase(url: string, prefix = 'bench'): Promise<BenchDatabase> {
  return createNamedBenchDatabase(url, `${prefix}_${crypto.randomBytes(4).toString('hex')}`);
}

/**
 * A database of exactly this name, for a dataset kept for later runs (`--reuse`). CREATE fails when it exists:
 * an existing database is somebody's, and is not replaced.
 */
export async function createNamedBenchDatabase(url: string, name: string): Promise<BenchDatabase> {
  await adminQuery(url, `CREATE DATABASE ${checked(name)}`);
  return {
    name,
    url: withDatabase(url, name),
    drop: () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * V8 flags the app runs with in production (package.json's `start` script): benchmarks start the server with the
 * same. A 64 MB young generation halves the scavenges of a busy server (≈ 9 % less Node CPU per ledger request,
 * bench/ab.ts, issue #19).
 */
export const SERVER_V8_FLAGS = ['--max-semi-space-size=64'];
