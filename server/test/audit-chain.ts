import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { hashRow } from '../platform/audit/audit.chain.js';
import { type AuditSecrets, auditSecrets } from '../platform/audit/audit.key.js';
import type { AuditRow } from '../platform/audit/audit.repository.js';
import { recordAudit } from '../platform/audit/audit.service.js';
import { Clock } from '../platform/clock/clock.js';
import { systemCtx } from '../platform/context.js';
import { openDatabase } from '../platform/db/client.js';

/**
 * An isolated audit chain in its own embedded database, with an external anchor file of its own, and the means of
 * an attacker who can write the database directly (the append-only and head triggers bypassed, as a superuser
 * could) but holds neither the audit key nor the anchor.
 */
export async function freshChain(n: number) {
  const database = await openDatabase({});
  await database.migrate();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zelian-chain-'));
  const secrets: AuditSecrets = { key: auditSecrets().key, anchorFile: path.join(dir, 'anchor.jsonl') };
  const clock = new Clock(true);
  const tamper = (statement: string) =>
    database.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql.raw(statement));
    });
  const append = async (count: number) => {
    for (let i = 0; i < count; i++) {
      await database.db.transaction((tx) =>
        recordAudit(systemCtx(tx, clock), { type: 'job.run', entity: 'test', after: { n: i } }),
      );
    }
  };
  await append(n);
  const rows = async () => {
    const r = await database.query<{ seq: string }>('SELECT seq FROM audit_events ORDER BY seq');
    return r.rows.map((row) => Number(row.seq));
  };
  return {
    database,
    secrets,
    clock,
    dir,
    append,
    tamper,
    rows,
    /**
     * Changes the row `seq` and recomputes it and every later row with the project's own `hashRow`, under `key`
     * (null: the plain SM3 of the unkeyed chain), then points the head at the new last hash.
     */
    async rewrite(seq: number, change: Partial<AuditRow>, key: Buffer | null) {
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL session_replication_role = replica`);
        const { rows: all } = (await tx.execute(
          sql`SELECT seq, at, actor_user_id AS "actorUserId", actor_username AS "actorUsername", ip, type, entity,
                entity_id AS "entityId", before, after, prev_hash AS "prevHash", hash
              FROM audit_events WHERE seq >= ${seq - 1} ORDER BY seq`,
        )) as unknown as { rows: AuditRow[] };
        let prevHash = all[0].seq === seq ? all[0].prevHash : all[0].hash;
        for (const raw of all.filter((r) => Number(r.seq) >= seq)) {
          const row = { ...raw, seq: Number(raw.seq), at: new Date(raw.at), prevHash };
          if (row.seq === seq) Object.assign(row, change);
          prevHash = hashRow(row, key);
          await tx.execute(sql`UPDATE audit_events SET entity = ${row.entity}, after = ${JSON.stringify(row.after)}::jsonb,
            prev_hash = ${row.prevHash}, hash = ${prevHash} WHERE seq = ${row.seq}`);
        }
        await tx.execute(sql`UPDATE audit_head SET hash = ${prevHash} WHERE id = 1`);
      });
    },
    close: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
