import fs from 'node:fs';
import dayjs from 'dayjs';
import type { Clock } from '../clock/clock.js';
import { systemCtx } from '../context.js';
import type { Db } from '../db/client.js';
import { badRequest, ruleViolation } from '../errors.js';
import { appendCheckpoint, readCheckpoints } from './audit.anchor.js';
import { ChainWalker, type ChainProblem } from './audit.chain.js';
import { type AuditSecrets, hmacSm3 } from './audit.key.js';
import * as repo from './audit.repository.js';
import { recordAudit } from './audit.service.js';
import { verifyChain } from './audit.verify.js';

/** Audit events stay in the database at least this long (网络安全法 第二十一条: logs kept no less than six months). */
export const RETENTION_MONTHS = 6;
const FORMAT = 'zelian-audit-archive/1';

const shanghaiDate = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(at);

/** The latest `before` date an archive may use on `now` (Asia/Shanghai calendar dates). */
export function latestArchiveDate(now: Date): string {
  return dayjs(shanghaiDate(now)).subtract(RETENTION_MONTHS, 'month').format('YYYY-MM-DD');
}

const segmentMac = (key: Buffer, s: { from: number; through: number; prevHash: string; lastHash: string }) =>
  hmacSm3(key, `zelian-audit-archive|${s.from}|${s.through}|${s.prevHash}|${s.lastHash}`);

export interface ArchiveResult {
  file: string;
  from: number;
  through: number;
  lastHash: string;
}

/**
 * Moves the audit events before `before` (a date, 00:00 Asia/Shanghai) out of the database into a verifiable
 * archive file: the chain segment, its link to the row before it, and an HMAC-SM3 seal over the segment. The
 * chain is verified first; the file is written and flushed before anything leaves the database; the archive is
 * itself an audit event; the new start of the chain is written to the external anchor. Refuses dates younger than
 * six months, and a segment that would end before the `audit.keyed` row.
 */
export async function archiveAudit(
  db: Db,
  clock: Clock,
  secrets: AuditSecrets,
  opts: { before: string; file?: string },
): Promise<ArchiveResult> {
  const { anchorFile } = secrets;
  if (!anchorFile) throw badRequest('AUDIT_NO_ANCHOR', '归档需要外部锚点文件（ZELIAN_AUDIT_ANCHOR）');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.before) || !dayjs(opts.before).isValid()) {
    throw badRequest('AUDIT_ARCHIVE_DATE', '--before 须为日期，格式 YYYY-MM-DD', 'before');
  }
  const latest = latestArchiveDate(clock.now());
  if (opts.before > latest) {
    throw ruleViolation(
      'AUDIT_RETENTION',
      `审计记录至少保存 ${RETENTION_MONTHS} 个月（网络安全法第二十一条），不能归档 ${latest} 之后的记录`,
      'before',
    );
  }
  const report = await verifyChain(db, secrets);
  if (!report.ok) throw ruleViolation('AUDIT_CHAIN_BROKEN', `审计链校验未通过，不能归档：${report.problem?.reason}`);
  return db.transaction(async (tx) => {
    const head = await repo.head(tx, true);
    const stop = await repo.firstAtOrAfter(tx, head.baseSeq, new Date(`${opts.before}T00:00:00+08:00`));
    const through = (stop ?? head.seq + 1) - 1;
    if (through <= head.baseSeq) throw ruleViolation('AUDIT_ARCHIVE_EMPTY', `没有 ${opts.before} 之前未归档的审计记录`);
    if (head.keyedFrom === null || through < head.keyedFrom) {
      throw ruleViolation(
        'AUDIT_ARCHIVE_UNKEYED',
        `第 ${head.keyedFrom ?? head.seq + 1} 条（审计链启用密钥）之前的记录须与该条一并归档，请选择更晚的日期`,
      );
    }
    const segment = { from: head.baseSeq + 1, through, prevHash: head.baseHash, lastHash: head.baseHash };
    const file = opts.file ?? `audit-archive-${segment.from}-${through}.jsonl`;
    const fd = fs.openSync(file, 'wx', 0o600);
    try {
      const header = { format: FORMAT, before: opts.before, createdAt: clock.now().toISOString(), ...segment };
      fs.writeSync(fd, `${JSON.stringify({ ...header, lastHash: undefined })}\n`);
      for (let after = head.baseSeq; after < through; ) {
        const rows = (await repo.batchAfter(tx, after, 2000)).filter((r) => r.seq <= through);
        fs.writeSync(fd, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
        after = rows[rows.length - 1].seq;
        segment.lastHash = rows[rows.length - 1].hash;
      }
      fs.writeSync(fd, `${JSON.stringify({ seal: { ...segment, mac: segmentMac(secrets.key, segment) } })}\n`);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    await recordAudit(systemCtx(tx, clock), {
      type: 'audit.archived',
      entity: 'audit',
      after: { ...segment, before: opts.before, file },
    });
    await repo.archiveThrough(tx, through, segment.lastHash);
    appendCheckpoint(anchorFile, secrets.key, 'base', through, segment.lastHash);
    return { file, from: segment.from, through, lastHash: segment.lastHash };
  });
}

export interface ArchiveReport {
  ok: boolean;
  from?: number;
  through?: number;
  rows: number;
  /** The external anchor records this segment as archived (when an anchor file was given). */
  anchored?: boolean;
  problem?: ChainProblem;
}

/** Checks an archive file: every row chained and hashed, the seal signed with the audit key, the anchor's record. */
export function verifyArchive(file: string, secrets: AuditSecrets): ArchiveReport {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const bad = (reason: string): ArchiveReport => ({ ok: false, rows: 0, problem: { seq: 0, reason } });
  const header = JSON.parse(lines[0] ?? '{}');
  const { seal } = JSON.parse(lines[lines.length - 1] ?? '{}');
  if (header.format !== FORMAT || !seal) return bad('不是审计归档文件，或文件不完整');
  if (seal.mac !== segmentMac(secrets.key, seal)) return bad('归档文件的签名无效（文件被改动，或审计密钥不符）');
  const walker = new ChainWalker(secrets.key, { seq: seal.from - 1, hash: seal.prevHash, keyed: seal.from > 1 });
  for (const line of lines.slice(1, -1)) {
    const row = JSON.parse(line);
    const problem = walker.step({ ...row, at: new Date(row.at) });
    if (problem) return { ok: false, from: seal.from, through: seal.through, rows: walker.checked, problem };
  }
  const report = { from: seal.from, through: seal.through, rows: walker.checked };
  if (walker.expected - 1 !== seal.through || walker.prevHash !== seal.lastHash) {
    return { ...report, ok: false, problem: { seq: walker.expected, reason: '归档文件中的记录与签名所载范围不符' } };
  }
  const anchored = secrets.anchorFile
    ? readCheckpoints(secrets.anchorFile, secrets.key).checkpoints.some(
        (c) => c.kind === 'base' && c.seq === seal.through && c.hash === seal.lastHash,
      )
    : undefined;
  return { ...report, ok: true, anchored };
}
