import fs from 'node:fs';
import path from 'node:path';
import { Clock } from '../platform/clock/clock.js';
import { adminQuery, withDatabase } from '../platform/db/admin.js';
import { openDatabase } from '../platform/db/client.js';
import { initialiseDatabase } from '../seed/seed.js';

/**
 * The golden test database (STYLE.md "Tests"): migrated and seeded once per run, then
 * copied for each test file — a PGlite data-dir dump, or a PostgreSQL template database.
 */
export const GOLDEN_DIR = path.resolve('.test-data');
export const GOLDEN_DUMP = path.join(GOLDEN_DIR, 'golden.tar.gz');
export const GOLDEN_INFO = path.join(GOLDEN_DIR, 'golden.json');

export async function buildGolden(): Promise<void> {
  fs.mkdirSync(GOLDEN_DIR, { recursive: true });
  const url = process.env.DATABASE_URL;
  const clock = new Clock(true);
  if (url) {
    const template = `zelian_golden_${process.pid}`;
    await adminQuery(url, `DROP DATABASE IF EXISTS ${template}`);
    await adminQuery(url, `CREATE DATABASE ${template}`);
    const database = await openDatabase({ databaseUrl: withDatabase(url, template), poolSize: 2 });
    await database.migrate();
    await initialiseDatabase(database, clock, { demo: true });
    await database.close();
    fs.writeFileSync(GOLDEN_INFO, JSON.stringify({ template }));
    return;
  }
  const database = await openDatabase({});
  await database.migrate();
  await initialiseDatabase(database, clock, { demo: true });
  const dump = await database.pglite?.dumpDataDir('gzip');
  await database.close();
  fs.writeFileSync(GOLDEN_DUMP, Buffer.from(await (dump as Blob).arrayBuffer()));
  fs.writeFileSync(GOLDEN_INFO, JSON.stringify({ template: null }));
}

export async function dropGolden(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !fs.existsSync(GOLDEN_INFO)) return;
  const { template } = JSON.parse(fs.readFileSync(GOLDEN_INFO, 'utf8')) as { template: string | null };
  if (template) await adminQuery(url, `DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
}
