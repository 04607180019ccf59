import { CHANGES_TOPIC, isLiveEntity } from '../../../common/live.js';
import type { Ctx } from '../context.js';
import type { Executor } from '../db/client.js';
import { publishLive } from '../notify/live.js';
import { appendCheckpoint, lastCheckpoint } from './audit.anchor.js';
import { type Hashable, hashRow } from './audit.chain.js';
import { type AuditSecrets, auditSecrets } from './audit.key.js';
import * as repo from './audit.repository.js';
import type { AuditInput } from './audit.types.js';

export { hashRow } from './audit.chain.js';
export { verifyChain, type ChainReport } from './audit.verify.js';

const SECRET_FIELDS = new Set(['passwordHash', 'password', 'totpSecret', 'csrfToken', 'token']);

const SECRET_KEY = new RegExp(`"(${[...SECRET_FIELDS].join('|')})":`);

/** Plain JSON (dates as ISO strings) with secrets removed: what is stored is what is hashed. */
function toStoredJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  // Without a secret key in the text the replacer would change nothing: skip it (a third faster).
  const plain = JSON.stringify(value);
  if (!SECRET_KEY.test(plain)) return JSON.parse(plain);
  return JSON.parse(JSON.stringify(value, (k, v) => (SECRET_FIELDS.has(k) ? '[已隐去]' : v)));
}

function rowOf(ctx: Ctx, input: AuditInput, seq: number, at: Date, prevHash: string): Hashable {
  return {
    seq,
    at,
    actorUserId: ctx.actor?.userId ?? null,
    actorUsername: ctx.actor?.username ?? (ctx.actor === null ? 'system' : null),
    ip: ctx.ip,
    type: input.type,
    entity: input.entity,
    entityId: input.entityId ?? null,
    before: toStoredJson(input.before),
    after: toStoredJson(input.after),
    prevHash,
  };
}

/**
 * The head reserved for the caller's next row. The first write of a chain that is not keyed yet (a new database,
 * or one written before migration 0016) first appends the `audit.keyed` row: the re-anchor event that records the
 * last plain-SM3 hash; it and every row after it are HMAC-SM3 under the audit key.
 */
async function reserveKeyed(ctx: Ctx, key: Buffer): Promise<{ seq: number; prevHash: string }> {
  const next = await repo.reserveNext(ctx.db);
  if (next.keyed) return next;
  const input: AuditInput = {
    type: 'audit.keyed',
    entity: 'audit',
    after: { lastUnkeyedSeq: next.seq - 1, lastUnkeyedHash: next.prevHash, algorithm: 'HMAC-SM3' },
  };
  const row = rowOf({ ...ctx, actor: null, ip: null }, input, next.seq, ctx.clock.now(), next.prevHash);
  const hash = hashRow(row, key);
  await repo.append(ctx.db, { ...row, hash });
  await repo.markKeyed(ctx.db, row.seq);
  return { seq: row.seq + 1, prevHash: hash };
}

/**
 * Records one audit event in the caller's transaction, chained to the previous one with HMAC-SM3.
 * Must be called inside the transaction that makes the change.
 */
export async function recordAudit(ctx: Ctx, input: AuditInput): Promise<void> {
  const { key } = auditSecrets();
  const { seq, prevHash } = await reserveKeyed(ctx, key);
  const row = rowOf(ctx, input, seq, ctx.clock.now(), prevHash);
  await repo.append(ctx.db, { ...row, hash: hashRow(row, key) });
  await announceChanges(ctx.db, [input.entity]);
}

/**
 * Tells open screens that records of these kinds changed, once the transaction commits (NOTIFY is
 * transactional, and PostgreSQL folds identical notifications of one transaction into one).
 */
async function announceChanges(db: Executor, entities: string[]): Promise<void> {
  const live = [...new Set(entities)].filter(isLiveEntity);
  if (live.length)
    await publishLive(
      db,
      live.map((entity) => ({ topic: CHANGES_TOPIC, payload: { entity } })),
    );
}

/** Rows per INSERT of a batch (one JSON parameter of a few MiB). */
const AUDIT_ROWS_PER_INSERT = 2000;

/**
 * Many audit records appended with one reservation of the chain head (bulk imports). The head
 * stays locked by the caller's transaction from `openAuditBatch` to `close`, which moves it once.
 * `chain` is synchronous work in JS (the SM3 hashes), so a caller may run it while the database
 * executes another statement; `append` writes multi-row inserts. Same records, same chain as
 * `recordAudit` called for each input in order; all share one timestamp.
 */
export interface AuditBatch {
  chain(inputs: AuditInput[]): repo.AuditRow[];
  append(rows: repo.AuditRow[]): Promise<void>;
  close(): Promise<void>;
}

export async function openAuditBatch(ctx: Ctx): Promise<AuditBatch> {
  const { key } = auditSecrets();
  const head = await reserveKeyed(ctx, key);
  const at = ctx.clock.now();
  let seq = head.seq;
  let prevHash = head.prevHash;
  let moved = false;
  const entities = new Set<string>();
  return {
    chain(inputs) {
      return inputs.map((input) => {
        entities.add(input.entity);
        const row = rowOf(ctx, input, seq++, at, prevHash);
        prevHash = hashRow(row, key);
        moved = true;
        return { ...row, hash: prevHash };
      });
    },
    async append(rows) {
      for (let i = 0; i < rows.length; i += AUDIT_ROWS_PER_INSERT) {
        await repo.insertMany(ctx.db, rows.slice(i, i + AUDIT_ROWS_PER_INSERT));
      }
    },
    async close() {
      if (moved) await repo.moveHead(ctx.db, seq - 1, prevHash);
      await announceChanges(ctx.db, [...entities]);
    },
  };
}

/** Records many audit events at once: one head reservation, multi-row inserts (see `AuditBatch`). */
export async function recordAuditBatch(ctx: Ctx, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const batch = await openAuditBatch(ctx);
  await batch.append(batch.chain(inputs));
  await batch.close();
}

/**
 * Writes a signed checkpoint of the current head to the external anchor when it moved since the last one
 * (the `audit-anchor` job, start-up and shutdown, after the nightly verification). Nothing without an anchor.
 */
export async function anchorHead(db: Executor, secrets: AuditSecrets = auditSecrets()): Promise<{ seq?: number }> {
  if (!secrets.anchorFile) return {};
  const head = await repo.head(db);
  const last = lastCheckpoint(secrets.anchorFile);
  if (last?.kind !== 'head' || last.seq !== head.seq || last.hash !== head.hash) {
    appendCheckpoint(secrets.anchorFile, secrets.key, 'head', head.seq, head.hash);
  }
  return { seq: head.seq };
}

/**
 * At start-up: keys a chain that is not keyed yet, and refuses a key that is not the chain's (a lost or replaced
 * key file would otherwise sign new rows that can never verify).
 */
export async function prepareChain(ctx: Ctx): Promise<void> {
  const { key } = auditSecrets();
  await reserveKeyed(ctx, key);
  const head = await repo.head(ctx.db);
  const last = await repo.rowAt(ctx.db, head.seq);
  if (last && hashRow(last, key) !== last.hash) {
    throw new Error('审计密钥与审计链不符（密钥文件丢失或被替换？）/ the audit key does not match the audit chain');
  }
}

export const listAuditEvents = repo.list;
