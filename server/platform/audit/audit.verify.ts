import type { Executor } from '../db/client.js';
import { readCheckpoints } from './audit.anchor.js';
import { ChainWalker } from './audit.chain.js';
import { type AuditSecrets, auditSecrets } from './audit.key.js';
import * as repo from './audit.repository.js';

export interface ChainReport {
  ok: boolean;
  checked: number;
  headSeq: number;
  /** The last archived row: the chain in the database starts after it. */
  baseSeq?: number;
  /** The highest head the external anchor recorded. */
  anchoredSeq?: number;
  problem?: { seq: number; reason: string };
}

/**
 * Walks the whole chain in batches and reports the first broken position: a missing or edited row, a hash that
 * is not the keyed one, a row that differs from the external anchor, a head behind the anchor (a deleted tail),
 * archived rows removed without their anchor.
 */
export async function verifyChain(
  db: Executor,
  secrets: AuditSecrets = auditSecrets(),
  batchSize = 2000,
): Promise<ChainReport> {
  const head = await repo.head(db);
  const anchor = secrets.anchorFile ? readCheckpoints(secrets.anchorFile, secrets.key) : { checkpoints: [] };
  const heads = anchor.checkpoints.filter((c) => c.kind !== 'base');
  const anchoredSeq = heads.length > 0 ? Math.max(...heads.map((c) => c.seq)) : undefined;
  const report = { checked: 0, headSeq: head.seq, baseSeq: head.baseSeq, anchoredSeq };
  const fail = (seq: number, reason: string): ChainReport => ({ ...report, ok: false, problem: { seq, reason } });
  if (anchor.problem) return fail(0, anchor.problem);
  const based = anchor.checkpoints.some((c) => c.kind === 'base' && c.seq === head.baseSeq && c.hash === head.baseHash);
  if (head.baseSeq > 0 && secrets.anchorFile && !based) {
    return fail(head.baseSeq, `审计链起点（第 ${head.baseSeq} 条及以前已归档）没有外部锚点记录（起始记录被删除？）`);
  }
  const anchored = new Map(anchor.checkpoints.filter((c) => c.seq > head.baseSeq).map((c) => [c.seq, c.hash]));
  // Archiving starts at or after the audit.keyed row (audit.archive.ts): what follows an archive is keyed.
  const walker = new ChainWalker(
    secrets.key,
    { seq: head.baseSeq, hash: head.baseHash, keyed: head.baseSeq > 0 },
    anchored,
  );
  for (;;) {
    const rows = await repo.batchAfter(db, walker.expected - 1, batchSize);
    if (rows.length === 0) break;
    for (const row of rows) {
      const problem = walker.step(row);
      if (problem) return { ...fail(problem.seq, problem.reason), checked: walker.checked };
    }
  }
  report.checked = walker.checked;
  const last = head.baseSeq + walker.checked;
  if (last !== head.seq || walker.prevHash !== head.hash) {
    return fail(last + 1, `审计链末尾缺失记录：应有 ${head.seq} 条，实有 ${last} 条`);
  }
  if (anchoredSeq !== undefined && head.seq < anchoredSeq) {
    return fail(
      head.seq + 1,
      `审计链末尾缺失记录：外部锚点记录到第 ${anchoredSeq} 条，数据库只到第 ${head.seq} 条（末尾被删除、链头被回拨）`,
    );
  }
  if (anchoredSeq !== undefined && !walker.keyed) {
    return fail(head.seq, '审计链没有以审计密钥签名的记录，而外部锚点存在（链被整体改写）');
  }
  return { ...report, ok: true };
}
