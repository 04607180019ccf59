import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Clock } from '../clock/clock.js';
import { systemCtx } from '../context.js';
import { openDatabase } from '../db/client.js';
import { freshChain } from '../../test/audit-chain.js';
import { testAppForFile } from '../../test/harness.js';
import { auditSecrets } from './audit.key.js';
import { anchorHead, recordAudit, recordAuditBatch, verifyChain } from './audit.service.js';

const t = testAppForFile();

/** Tampering "directly in the database": bypass the append-only triggers as a superuser would. */
async function tamper(statement: string) {
  await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(sql.raw(statement));
  });
}

describe('audit log', () => {
  it('records every write with who, when, what, before/after and IP', async () => {
    const office = await t.as('office');
    const unit = (await office.get('/api/units?q=ZJJ')).json().items[0];
    const res = await office.patch(`/api/units/${unit.id}`, { version: unit.version, shortName: '住建局' });
    expect(res.statusCode).toBe(200);
    const audit = await t.as('auditadmin');
    const events = (await audit.get(`/api/audit-events?entity=unit&entityId=${unit.id}`)).json();
    expect(events.items[0]).toMatchObject({
      type: 'unit.updated',
      actorUsername: 'office',
      ip: '127.0.0.1',
      // 三员分立: which fields changed, not what they now say (server/modules/system/audit-read.test.ts).
      before: null,
      after: null,
      changed: ['shortName'],
    });
  });

  it('never stores secrets', async () => {
    const sys = await t.as('sysadmin');
    await sys.post('/api/users', { username: 'secretcheck', displayName: '测', password: 'Secret#2026-pass' });
    const rows = await t.database.query<{ after: unknown }>(
      "SELECT after FROM audit_events WHERE type = 'user.created'",
    );
    expect(JSON.stringify(rows.rows)).not.toMatch(/Secret#2026|argon2/);
  });

  it('is append-only for every role, including direct SQL', async () => {
    await expect(t.database.query('UPDATE audit_events SET ip = $1 WHERE seq = 1', ['1.2.3.4'])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.database.query('DELETE FROM audit_events WHERE seq = 1', [])).rejects.toThrow();
    expect((await (await t.as('auditadmin')).request({ method: 'DELETE', url: '/api/audit-events' })).statusCode).toBe(
      404,
    );
  });

  it('verifies the chain from the API', async () => {
    const res = await (await t.as('auditadmin')).post('/api/audit-events/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().checked).toBeGreaterThan(1);
  });

  it('detects a deleted row and a deleted tail', async () => {
    const db = await freshChain(5);
    await db.tamper('DELETE FROM audit_events WHERE seq = 2');
    expect(await verifyChain(db.database.db)).toMatchObject({ ok: false, problem: { seq: 2 } });
    const db2 = await freshChain(5);
    await db2.tamper('DELETE FROM audit_events WHERE seq = 6');
    const tail = await verifyChain(db2.database.db);
    expect(tail).toMatchObject({ ok: false, problem: { seq: 6 } });
    expect(tail.problem?.reason).toMatch(/末尾/);
    await db.close();
    await db2.close();
  }, 90_000);

  it('keeps a linear chain under concurrent writers', async () => {
    const clock = new Clock(false);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.database.db.transaction((tx) =>
          recordAudit(systemCtx(tx, clock), { type: 'job.run', entity: 'test', entityId: String(i) }),
        ),
      ),
    );
    expect((await verifyChain(t.database.db)).ok).toBe(true);
  });

  it('chains a batch across several inserts exactly like single records', async () => {
    const clock = new Clock(false);
    const { rows: before } = await t.database.query<{ seq: string }>('SELECT seq FROM audit_head');
    await t.database.db.transaction(async (tx) => {
      const ctx = systemCtx(tx, clock);
      await recordAudit(ctx, { type: 'job.run', entity: 'batch-test', entityId: 'first' });
      await recordAuditBatch(
        ctx,
        Array.from({ length: 4500 }, (_, i) => ({
          type: 'job.run' as const,
          entity: 'batch-test',
          entityId: String(i),
          after: { i, at: new Date(0), password: 'x' },
        })),
      );
      await recordAuditBatch(ctx, []);
      await recordAudit(ctx, { type: 'job.run', entity: 'batch-test', entityId: 'last' });
    });
    const { rows } = await t.database.query<{ seq: string; entity_id: string; after: unknown }>(
      `SELECT seq, entity_id, after FROM audit_events WHERE entity = 'batch-test' ORDER BY seq`,
    );
    expect(rows).toHaveLength(4502);
    expect(Number(rows[0].seq)).toBe(Number(before[0].seq) + 1);
    expect(rows.map((r) => r.entity_id).slice(0, 3)).toEqual(['first', '0', '1']);
    expect(rows.at(-1)?.entity_id).toBe('last');
    expect(rows[1].after).toEqual({ i: 0, at: '1970-01-01T00:00:00.000Z', password: '[已隐去]' });
    expect(await verifyChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('verifies from the command line (npm run audit:verify)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zelian-audit-'));
    const database = await openDatabase({ dataDir: dir });
    await database.migrate();
    const clock = new Clock(false);
    for (let i = 0; i < 3; i++) {
      await database.db.transaction((tx) =>
        recordAudit(systemCtx(tx, clock), { type: 'job.run', entity: 'cli', after: { i } }),
      );
    }
    const anchorFile = path.join(dir, 'anchor.jsonl');
    await anchorHead(database.db, { key: auditSecrets().key, anchorFile });
    await database.close();
    const run = promisify(execFile);
    const env = {
      ...process.env,
      DATA_DIR: dir,
      DATABASE_URL: '',
      ZELIAN_AUDIT_KEY: auditSecrets().key.toString('hex'),
      ZELIAN_AUDIT_ANCHOR: anchorFile,
    };
    const ok = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env });
    expect(ok.stdout).toMatch(/校验通过：共 4 条/);

    // The last row deleted and the head moved back onto the row before it: caught by the external anchor.
    const cut = await openDatabase({ dataDir: dir });
    await cut.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`DELETE FROM audit_events WHERE seq = 4`);
      await tx.execute(sql`UPDATE audit_head SET seq = 3, hash = (SELECT hash FROM audit_events WHERE seq = 3)`);
    });
    await cut.close();
    const truncated = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env }).catch((e) => e);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toMatch(/外部锚点记录到第 4 条，数据库只到第 3 条/);

    const again = await openDatabase({ dataDir: dir });
    await again.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`UPDATE audit_events SET entity = 'forged' WHERE seq = 3`);
    });
    await again.close();
    const broken = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env }).catch((e) => e);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/第 3 条/);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  // Last: it breaks this file's chain on purpose (on PGlite or on PostgreSQL, whichever the run uses).
  it('detects a row edited directly in the database and reports its position', async () => {
    await tamper("UPDATE audit_events SET actor_username = 'someone-else' WHERE seq = 3");
    const res = await (await t.as('auditadmin')).post('/api/audit-events/verify');
    expect(res.json()).toMatchObject({ ok: false, checked: 2, problem: { seq: 3 } });
    expect(res.json().problem.reason).toMatch(/篡改/);
  });
});
