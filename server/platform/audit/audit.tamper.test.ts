import crypto from 'node:crypto';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { freshChain } from '../../test/audit-chain.js';
import { systemCtx } from '../context.js';
import { hashRow } from './audit.chain.js';
import { setAuditSecrets, auditSecrets } from './audit.key.js';
import { anchorHead, prepareChain, recordAudit, verifyChain } from './audit.service.js';

/** Issue #21: attacks by someone who can write the database but holds neither the audit key nor the anchor. */
const open: { close(): Promise<void> }[] = [];
async function chain(n: number) {
  const c = await freshChain(n);
  open.push(c);
  return c;
}
afterEach(async () => {
  for (const c of open.splice(0)) await c.close();
});

describe('keyed, anchored audit chain', { timeout: 90_000 }, () => {
  it('detects a deleted tail when the head is moved back with it', async () => {
    const c = await chain(6);
    await anchorHead(c.database.db, c.secrets);
    expect(await verifyChain(c.database.db, c.secrets)).toMatchObject({ ok: true, checked: 7, anchoredSeq: 7 });
    await c.tamper('DELETE FROM audit_events WHERE seq > 5');
    await c.tamper('UPDATE audit_head SET seq = 5, hash = (SELECT hash FROM audit_events WHERE seq = 5)');
    const report = await verifyChain(c.database.db, c.secrets);
    expect(report).toMatchObject({ ok: false, checked: 5, problem: { seq: 6 } });
    expect(report.problem?.reason).toMatch(/外部锚点记录到第 7 条/);
  });

  it("detects a rewritten row whose later hashes were recomputed with the project's own function", async () => {
    const c = await chain(6);
    // Without the key: the plain SM3 chain of before, or any other key, does not verify from the rewritten row on.
    await c.rewrite(3, { entity: 'forged' }, null);
    expect(await verifyChain(c.database.db, c.secrets)).toMatchObject({ ok: false, problem: { seq: 3 } });
    await c.rewrite(3, { entity: 'forged' }, crypto.randomBytes(32));
    const report = await verifyChain(c.database.db, c.secrets);
    expect(report).toMatchObject({ ok: false, checked: 2, problem: { seq: 3 } });
    expect(report.problem?.reason).toMatch(/篡改/);
  });

  it('detects, through the anchor, a rewrite before the last checkpoint even by a holder of the key', async () => {
    const c = await chain(6);
    await anchorHead(c.database.db, c.secrets);
    await c.append(2);
    await c.rewrite(3, { entity: 'forged' }, c.secrets.key);
    const report = await verifyChain(c.database.db, c.secrets);
    expect(report).toMatchObject({ ok: false, problem: { seq: 7 } });
    expect(report.problem?.reason).toMatch(/外部锚点不符/);
  });

  it('detects an edited anchor file', async () => {
    const c = await chain(2);
    await anchorHead(c.database.db, c.secrets);
    const file = c.secrets.anchorFile as string;
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"seq":3', '"seq":2'));
    expect((await verifyChain(c.database.db, c.secrets)).problem?.reason).toMatch(/锚点文件第 1 行签名无效/);
  });

  it('lets the head move only forward, onto a row of the log', async () => {
    const c = await chain(3);
    const q = (text: string) => c.database.query(text, []);
    await expect(
      q('UPDATE audit_head SET seq = 2, hash = (SELECT hash FROM audit_events WHERE seq = 2)'),
    ).rejects.toThrow(/only be moved forward/);
    await expect(q(`UPDATE audit_head SET seq = 5, hash = '${'f'.repeat(64)}'`)).rejects.toThrow(/new audit row/);
    await expect(q('UPDATE audit_head SET keyed_from = 2')).rejects.toThrow(/keyed_from is set once/);
    await expect(q('UPDATE audit_head SET base_seq = 2')).rejects.toThrow(/base can only be moved forward/);
    await expect(q('DELETE FROM audit_head')).rejects.toThrow(/only be moved forward/);
    await expect(q('DELETE FROM audit_events WHERE seq = 4')).rejects.toThrow(/append-only/);
    expect(await verifyChain(c.database.db, c.secrets)).toMatchObject({ ok: true, checked: 4 });
  });

  it('keys a chain written before keying with a re-anchor event that records the last unkeyed hash', async () => {
    const c = await chain(0);
    // A chain as the code before migration 0016 wrote it: plain SM3, no keyed_from.
    let prevHash = '0'.repeat(64);
    for (let seq = 1; seq <= 3; seq++) {
      const row = {
        seq,
        at: new Date(),
        actorUserId: null,
        actorUsername: 'system',
        ip: null,
        type: 'job.run',
        entity: 'legacy',
        entityId: null,
        before: null,
        after: { seq },
        prevHash,
      };
      prevHash = hashRow(row, null);
      await c.database.query(
        `INSERT INTO audit_events (seq, at, actor_username, type, entity, after, prev_hash, hash)
         VALUES ($1, $2, 'system', 'job.run', 'legacy', $3, $4, $5)`,
        [seq, row.at, JSON.stringify(row.after), row.prevHash, prevHash],
      );
      await c.database.query('UPDATE audit_head SET seq = $1, hash = $2', [seq, prevHash]);
    }
    await c.database.db.transaction((tx) => prepareChain(systemCtx(tx, c.clock)));
    const { rows } = await c.database.query<{ seq: number; after: unknown }>(
      `SELECT seq::int AS seq, after FROM audit_events WHERE type = 'audit.keyed'`,
    );
    expect(rows).toEqual([{ seq: 4, after: { lastUnkeyedSeq: 3, lastUnkeyedHash: prevHash, algorithm: 'HMAC-SM3' } }]);
    await c.append(2);
    await anchorHead(c.database.db, c.secrets);
    expect(await verifyChain(c.database.db, c.secrets)).toMatchObject({ ok: true, checked: 6 });
    // The unkeyed rows are held by the keyed re-anchor row: recomputing them breaks the chain there.
    await c.rewrite(2, { entity: 'forged' }, null);
    expect(await verifyChain(c.database.db, c.secrets)).toMatchObject({ ok: false, problem: { seq: 4 } });
  });

  it('refuses to start with a key that is not the chain’s', async () => {
    const c = await chain(2);
    const own = auditSecrets();
    setAuditSecrets({ key: crypto.randomBytes(32) });
    try {
      await expect(c.database.db.transaction((tx) => prepareChain(systemCtx(tx, c.clock)))).rejects.toThrow(
        /审计密钥与审计链不符/,
      );
      await expect(
        c.database.db.transaction((tx) => recordAudit(systemCtx(tx, c.clock), { type: 'job.run', entity: 'x' })),
      ).resolves.toBeUndefined();
    } finally {
      setAuditSecrets(own);
    }
    expect((await verifyChain(c.database.db, c.secrets)).problem?.seq).toBe(4);
  });
});
