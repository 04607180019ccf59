import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { appendCheckpoint, readCheckpoints } from '../audit/audit.anchor.js';
import type { AuditSecrets } from '../audit/audit.key.js';
import { type ChainReport, verifyChain } from '../audit/audit.verify.js';
import type { Config } from '../config.js';
import { ruleViolation } from '../errors.js';
import { lockDataDir } from './data-dir-lock.js';
import { type Database, openDatabase } from './client.js';

/**
 * `npm run backup` / `npm run restore`: a consistent snapshot of the database — uploaded files are rows of it
 * (problem_files, case_files, patrol_files, tolerance minutes: bytea), so they are in the snapshot — with a manifest (row counts of every table, the audit
 * head, SM3 of each file) and a copy of the audit anchor. Never the audit key: a key stored beside the copy would
 * let whoever holds the copy rewrite the chain and sign it again; keep the key elsewhere (README).
 * PGlite: `dumpDataDir` of the stopped server's data directory, restored with `loadDataDir` into an empty one.
 * PostgreSQL: `pg_dump --format=custom` of one exported snapshot (the manifest reads the same snapshot), restored
 * with `pg_restore` into an empty database.
 */
const FORMAT = 'zelian-backup/1';
const DB_FILE = { pglite: 'pglite-datadir.tar.gz', postgres: 'database.pgdump' } as const;
const ANCHOR_FILE = 'audit-anchor.jsonl';
const run = promisify(execFile);

export interface BackupManifest {
  format: typeof FORMAT;
  createdAt: string;
  driver: 'pglite' | 'postgres';
  files: Record<string, string>;
  counts: Record<string, number>;
  audit: { headSeq: number; headHash: string };
  note: string;
}

type Query = (text: string) => Promise<{ rows: Record<string, unknown>[] }>;

/** Exact row counts of every table of the application (all schemas but PostgreSQL's own). */
async function countTables(query: Query): Promise<Record<string, number>> {
  const { rows } = await query(
    `SELECT schemaname, tablename FROM pg_tables
     WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { schemaname, tablename } of rows) {
    const name = `"${schemaname}"."${tablename}"`;
    counts[`${schemaname}.${tablename}`] = Number((await query(`SELECT count(*) AS n FROM ${name}`)).rows[0].n);
  }
  return counts;
}

async function auditHeadOf(query: Query) {
  const { rows } = await query('SELECT seq, hash FROM audit_head WHERE id = 1');
  return { headSeq: Number(rows[0].seq), headHash: String(rows[0].hash) };
}

const sm3Of = (file: string) => crypto.createHash('sm3').update(fs.readFileSync(file)).digest('hex');

function freshDir(dir: string, what: string) {
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw ruleViolation('NOT_EMPTY', `${what}不为空：${dir}`);
  }
  fs.mkdirSync(dir, { recursive: true });
}

/** Writes a backup of the configured database into `outDir` (new or empty). */
export async function backup(config: Config, secrets: AuditSecrets, outDir: string): Promise<BackupManifest> {
  freshDir(outDir, '备份目录');
  const driver = config.databaseUrl ? 'postgres' : 'pglite';
  const dbFile = path.join(outDir, DB_FILE[driver]);
  let counts: Record<string, number>;
  let audit: BackupManifest['audit'];
  if (config.databaseUrl) {
    // One snapshot for the manifest and pg_dump: the counts and the audit head are those of the dump.
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const snapshot = (await client.query('SELECT pg_export_snapshot() AS s')).rows[0].s as string;
      const query: Query = (text) => client.query(text);
      counts = await countTables(query);
      audit = await auditHeadOf(query);
      await run('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--file=${dbFile}`, config.databaseUrl]);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
  } else {
    if (!fs.existsSync(path.join(config.dataDir, 'pglite'))) {
      throw ruleViolation('NO_DATA', `数据目录中没有数据库：${config.dataDir}`);
    }
    const database = await openDatabase({ dataDir: config.dataDir });
    try {
      counts = await countTables((text) => database.query(text));
      audit = await auditHeadOf((text) => database.query(text));
      const dump = await (database.pglite as PGlite).dumpDataDir('gzip');
      fs.writeFileSync(dbFile, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await database.close();
    }
  }
  const files: Record<string, string> = { [DB_FILE[driver]]: sm3Of(dbFile) };
  if (secrets.anchorFile) {
    appendCheckpoint(secrets.anchorFile, secrets.key, 'head', audit.headSeq, audit.headHash);
    fs.copyFileSync(secrets.anchorFile, path.join(outDir, ANCHOR_FILE));
    files[ANCHOR_FILE] = sm3Of(path.join(outDir, ANCHOR_FILE));
  }
  const manifest: BackupManifest = {
    format: FORMAT,
    createdAt: new Date().toISOString(),
    driver,
    files,
    counts,
    audit,
    note: '不含审计密钥：恢复时需另行提供同一密钥（ZELIAN_AUDIT_KEY 或 ZELIAN_AUDIT_KEY_FILE）。The audit key is not in the backup.',
  };
  fs.writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export interface RestoreReport {
  counts: Record<string, number>;
  /** Tables whose row count differs from the manifest's. */
  differences: string[];
  chain: ChainReport;
}

/**
 * Restores a backup into the configured, empty data directory or database, then checks it: the row counts of the
 * manifest, and the audit chain under the audit key against the backup's anchor. The restored head is written to
 * the configured anchor as a `restore` checkpoint.
 */
export async function restore(config: Config, secrets: AuditSecrets, fromDir: string): Promise<RestoreReport> {
  const manifest = JSON.parse(fs.readFileSync(path.join(fromDir, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== FORMAT) throw ruleViolation('BACKUP_FORMAT', `不是责链备份：${fromDir}`);
  for (const [name, sm3] of Object.entries(manifest.files)) {
    if (sm3Of(path.join(fromDir, name)) !== sm3) throw ruleViolation('BACKUP_DAMAGED', `备份文件已损坏：${name}`);
  }
  const dbFile = path.join(fromDir, DB_FILE[manifest.driver]);
  if ((manifest.driver === 'postgres') !== Boolean(config.databaseUrl)) {
    throw ruleViolation(
      'BACKUP_DRIVER',
      manifest.driver === 'postgres'
        ? '这是 PostgreSQL 备份，请设置 DATABASE_URL'
        : '这是 PGlite 备份，请不要设置 DATABASE_URL',
    );
  }
  let database: Database;
  if (config.databaseUrl) {
    database = await openDatabase({ databaseUrl: config.databaseUrl, poolSize: 2 });
    const { rows } = await database.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    if (rows[0].n > 0) {
      await database.close();
      throw ruleViolation('NOT_EMPTY', '目标数据库不为空，只能恢复到空数据库');
    }
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      `--dbname=${config.databaseUrl}`,
      dbFile,
    ]);
  } else {
    const target = path.join(config.dataDir, 'pglite');
    const unlock = await lockDataDir(config.dataDir);
    try {
      freshDir(target, '目标数据目录');
      const pglite = new PGlite({ dataDir: target, loadDataDir: new Blob([fs.readFileSync(dbFile)]) });
      await pglite.waitReady;
      await pglite.close();
    } finally {
      await unlock();
    }
    database = await openDatabase({ dataDir: config.dataDir });
  }
  try {
    const counts = await countTables((text) => database.query(text));
    const names = new Set([...Object.keys(counts), ...Object.keys(manifest.counts)]);
    const differences = [...names].filter((name) => counts[name] !== manifest.counts[name]);
    const head = await auditHeadOf((text) => database.query(text));
    if (secrets.anchorFile) {
      const backupAnchor = path.join(fromDir, ANCHOR_FILE);
      const known = readCheckpoints(secrets.anchorFile, secrets.key).checkpoints.length > 0;
      if (!known && fs.existsSync(backupAnchor)) fs.copyFileSync(backupAnchor, secrets.anchorFile);
      appendCheckpoint(secrets.anchorFile, secrets.key, 'restore', head.headSeq, head.headHash);
    }
    return { counts, differences, chain: await verifyChain(database.db, secrets) };
  } finally {
    await database.close();
  }
}
