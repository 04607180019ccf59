import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { GOLDEN_DUMP } from '../../test/golden.js';
import { openTestDatabase } from '../../test/harness.js';
import { auditSecrets } from '../audit/audit.key.js';
import { adminQuery, withDatabase } from './admin.js';
import { type Database, openDatabase } from './client.js';

/** Issue #23: npm run backup → npm run restore into an empty place → npm run audit:verify → same row counts. */
const run = promisify(execFile);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'zelian-backup-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const tool = (script: string, args: string[], env: Record<string, string>) =>
  run('npx', ['tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: '', ZELIAN_AUDIT_KEY: auditSecrets().key.toString('hex'), ...env },
    maxBuffer: 16 * 1024 * 1024,
  });

/** The source: the demo database (with its uploaded files), in a data directory or a PostgreSQL database. */
async function source(): Promise<Record<string, string>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const test = await openTestDatabase();
    await upload(test.database);
    await test.database.close();
    cleanups.push(async () =>
      adminQuery(url, `DROP DATABASE IF EXISTS ${new URL(test.url as string).pathname.slice(1)} WITH (FORCE)`),
    );
    return { DATABASE_URL: test.url as string };
  }
  const dir = path.join(tmp, 'src');
  const database = await openDatabase({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(GOLDEN_DUMP)]) });
  await upload(database);
  await database.close();
  return { DATA_DIR: dir };
}

/** An uploaded evidence file (files are rows of the database). */
async function upload(database: Database) {
  await database.query(
    `INSERT INTO problem_files (problem_id, name, mime, size, sha256, content)
     SELECT id, '整改证明.pdf', 'application/pdf', 4096, 'x', decode(repeat('25504446', 1024), 'hex') FROM problems LIMIT 1`,
  );
}

/** An empty target: a new data directory, or a new empty PostgreSQL database. */
async function target(): Promise<Record<string, string>> {
  const url = process.env.DATABASE_URL;
  if (!url) return { DATA_DIR: path.join(tmp, 'dst') };
  const name = `zelian_restore_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  cleanups.push(() => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  return { DATABASE_URL: withDatabase(url, name) };
}

async function counts(env: Record<string, string>) {
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.DATA_DIR });
  try {
    const { rows } = await database.query<{ audit: number; files: number; bytes: string; problems: number }>(
      `SELECT (SELECT sum(octet_length(content))::text FROM problem_files) AS bytes, (SELECT count(*)::int FROM audit_events) AS audit, (SELECT count(*)::int FROM problem_files) + (SELECT count(*)::int FROM case_files)
                + (SELECT count(*)::int FROM patrol_files) AS files,
              (SELECT count(*)::int FROM problems) AS problems`,
    );
    return rows[0];
  } finally {
    await database.close();
  }
}

describe('backup and restore', () => {
  it('restores a backup into an empty place with the same rows and a verifiable audit chain', async () => {
    const from = { ...(await source()), ZELIAN_AUDIT_ANCHOR: path.join(tmp, 'src-anchor.jsonl') };
    const before = await counts(from);
    expect(before.audit).toBeGreaterThan(100);
    expect(before.files).toBeGreaterThan(0);
    const out = path.join(tmp, 'backup');
    const backup = await tool('backup', ['--out', out], from);
    expect(backup.stdout).toMatch(/备份完成/);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.counts['public.audit_events']).toBe(before.audit);
    expect(fs.readdirSync(out).sort()).toEqual(
      [
        'audit-anchor.jsonl',
        'manifest.json',
        process.env.DATABASE_URL ? 'database.pgdump' : 'pglite-datadir.tar.gz',
      ].sort(),
    );
    expect(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).not.toContain(auditSecrets().key.toString('hex'));

    const to = { ...(await target()), ZELIAN_AUDIT_ANCHOR: path.join(tmp, 'dst-anchor.jsonl') };
    const restored = await tool('restore', ['--from', out], to);
    expect(restored.stdout).toMatch(/恢复完成/);
    const verified = await tool('audit-verify', [], to);
    expect(verified.stdout).toMatch(new RegExp(`校验通过：共 ${before.audit} 条`));
    expect(await counts(to)).toEqual(before);

    // Never over existing data; and without the audit key the restore stops.
    const again = await tool('restore', ['--from', out], to).catch((e) => e);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/不为空/);
    const noKey = await tool('restore', ['--from', out], {
      ...to,
      ZELIAN_AUDIT_KEY: '',
      ZELIAN_AUDIT_KEY_FILE: path.join(tmp, 'none.key'),
    }).catch((e) => e);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/审计密钥文件不存在/);
  }, 240_000);
});
