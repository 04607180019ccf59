import crypto from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { Ctx } from '../context.js';
import type { Executor } from '../db/client.js';
import * as repo from './audit.repository.js';
import type { AuditInput } from './audit.types.js';

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

type Hashable = Omit<repo.AuditRow, 'hash'>;

export function hashRow(row: Hashable): string {
  const payload = stringify({
    seq: row.seq,
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorUsername: row.actorUsername,
    ip: row.ip,
    type: row.type,
    entity: row.entity,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
  });
  return crypto
    .createHash('sm3')
    .update(row.prevHash)
    .update(payload ?? '')
    .digest('hex');
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
 * Records one audit event in the caller's transaction, chained to the previous one with SM3.
 * Must be called inside the transaction that makes the change.
 */
export async function recordAudit(ctx: Ctx, input: AuditInput): Promise<void> {
  const { seq, prevHash } = await repo.reserveNext(ctx.db);
  const row = rowOf(ctx, input, seq, ctx.clock.now(), prevHash);
  await repo.append(ctx.db, { ...row, hash: hashRow(row) });
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
  const head = await repo.reserveNext(ctx.db);
  const at = ctx.clock.now();
  let seq = head.seq;
  let prevHash = head.prevHash;
  let moved = false;
  return {
    chain(inputs) {
      return inputs.map((input) => {
        const row = rowOf(ctx, input, seq++, at, prevHash);
        prevHash = hashRow(row);
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

export interface ChainReport {
  ok: boolean;
  checked: number;
  headSeq: number;
  problem?: { seq: number; reason: string };
}

/** Walks the whole chain in batches and reports the first broken position. */
export async function verifyChain(db: Executor, batchSize = 2000): Promise<ChainReport> {
  const head = await repo.head(db);
  let prevHash = '0'.repeat(64);
  let expected = 1;
  let checked = 0;
  for (;;) {
    const rows = await repo.batchAfter(db, expected - 1, batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.seq !== expected) {
        return fail(expected, `第 ${expected} 条审计记录缺失（已被删除）`);
      }
      if (row.prevHash !== prevHash || hashRow(row) !== row.hash) {
        return fail(row.seq, `第 ${row.seq} 条审计记录内容与哈希链不符（已被篡改）`);
      }
      prevHash = row.hash;
      expected += 1;
      checked += 1;
    }
  }
  if (checked !== head.seq || prevHash !== head.hash) {
    return fail(checked + 1, `审计链末尾缺失记录：应有 ${head.seq} 条，实有 ${checked} 条`);
  }
  return { ok: true, checked, headSeq: head.seq };

  function fail(seq: number, reason: string): ChainReport {
    return { ok: false, checked, headSeq: head.seq, problem: { seq, reason } };
  }
}

export const listAuditEvents = repo.list;
