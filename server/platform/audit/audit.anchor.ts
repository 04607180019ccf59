import fs from 'node:fs';
import path from 'node:path';
import { hmacSm3 } from './audit.key.js';

/**
 * The external anchor of the audit chain: an append-only file of checkpoints outside the database, each signed
 * with HMAC-SM3 under the audit key. `head` records the chain head (periodically, at shutdown, after the nightly
 * verification), `base` the last row moved to an archive file, `restore` a head set by `npm run restore` (the
 * checkpoints before it that lie beyond it belong to the chain that was replaced). Whoever can write the database
 * but not this file cannot make the chain shorter than its last checkpoint, nor change a row before it.
 */
export type CheckpointKind = 'head' | 'base' | 'restore';

export interface Checkpoint {
  kind: CheckpointKind;
  seq: number;
  hash: string;
  at: string;
  mac: string;
}

const macOf = (key: Buffer, c: Omit<Checkpoint, 'mac'>) =>
  hmacSm3(key, `zelian-audit-anchor|${c.kind}|${c.seq}|${c.hash}|${c.at}`);

/** Appends a signed checkpoint and flushes it to disk. */
export function appendCheckpoint(file: string, key: Buffer, kind: CheckpointKind, seq: number, hash: string) {
  const c = { kind, seq, hash, at: new Date().toISOString() };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify({ ...c, mac: macOf(key, c) })}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface AnchorReading {
  /** The checkpoints that describe the current chain (from the last `restore` on, plus earlier ones it covers). */
  checkpoints: Checkpoint[];
  /** A line whose signature is wrong or that cannot be read: the file was edited. */
  problem?: string;
}

/** Reads and checks the anchor file; a missing file has no checkpoints. */
export function readCheckpoints(file: string, key: Buffer): AnchorReading {
  if (!fs.existsSync(file)) return { checkpoints: [] };
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  let checkpoints: Checkpoint[] = [];
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let c: Checkpoint;
    try {
      c = JSON.parse(line) as Checkpoint;
    } catch {
      return { checkpoints, problem: `外部锚点文件第 ${i + 1} 行无法读取（已被改动）` };
    }
    if (c.mac !== macOf(key, { kind: c.kind, seq: c.seq, hash: c.hash, at: c.at })) {
      return { checkpoints, problem: `外部锚点文件第 ${i + 1} 行签名无效（已被改动，或审计密钥不符）` };
    }
    if (c.kind === 'restore') checkpoints = checkpoints.filter((earlier) => earlier.seq <= c.seq);
    checkpoints.push(c);
  }
  return { checkpoints };
}

/** The last checkpoint written (unchecked: only to skip writing the same head twice). */
export function lastCheckpoint(file: string): Checkpoint | undefined {
  if (!fs.existsSync(file)) return undefined;
  const line = fs.readFileSync(file, 'utf8').trimEnd().split('\n').at(-1);
  try {
    return line ? (JSON.parse(line) as Checkpoint) : undefined;
  } catch {
    return undefined;
  }
}
