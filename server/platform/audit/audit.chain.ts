import crypto from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { AuditRow } from './audit.repository.js';

/** The hash before the first row. */
export const GENESIS_HASH = '0'.repeat(64);

export type Hashable = Omit<AuditRow, 'hash'>;

/**
 * The hash of a row: HMAC-SM3 under the audit key over the previous hash and the row's content, or plain SM3
 * (`key` null) for rows written before the chain was keyed (before its `audit.keyed` row, migration 0016).
 */
export function hashRow(row: Hashable, key: Buffer | null): string {
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
  const hash = key ? crypto.createHmac('sm3', key) : crypto.createHash('sm3');
  return hash
    .update(row.prevHash)
    .update(payload ?? '')
    .digest('hex');
}

export interface ChainProblem {
  seq: number;
  reason: string;
}

/**
 * Checks rows one after another from a starting point (the genesis, or the last archived row): sequence without
 * gaps, each row linked to the one before, each hash right — plain SM3 before the first `audit.keyed` row,
 * HMAC-SM3 from it on — and equal to the external anchor's checkpoint where there is one.
 */
export class ChainWalker {
  checked = 0;
  prevHash: string;
  expected: number;
  keyed: boolean;

  constructor(
    private readonly key: Buffer,
    start: { seq: number; hash: string; keyed: boolean },
    private readonly anchored: ReadonlyMap<number, string> = new Map(),
  ) {
    this.prevHash = start.hash;
    this.expected = start.seq + 1;
    this.keyed = start.keyed;
  }

  step(row: AuditRow): ChainProblem | undefined {
    if (row.seq !== this.expected) {
      return { seq: this.expected, reason: `第 ${this.expected} 条审计记录缺失（已被删除）` };
    }
    if (row.type === 'audit.keyed') this.keyed = true;
    if (row.prevHash !== this.prevHash || hashRow(row, this.keyed ? this.key : null) !== row.hash) {
      return { seq: row.seq, reason: `第 ${row.seq} 条审计记录内容与哈希链不符（已被篡改）` };
    }
    const anchor = this.anchored.get(row.seq);
    if (anchor !== undefined && anchor !== row.hash) {
      return { seq: row.seq, reason: `第 ${row.seq} 条审计记录与外部锚点不符（此前的记录被改写）` };
    }
    this.prevHash = row.hash;
    this.expected += 1;
    this.checked += 1;
    return undefined;
  }
}
