import { and, asc, count, desc, eq, gt, gte, lte, min } from 'drizzle-orm';
import { insertRecordset } from '../db/bulk.js';
import type { Executor } from '../db/client.js';
import { auditEvents, auditHead } from '../db/platform.tables.js';

export type AuditRow = typeof auditEvents.$inferSelect;

/** Lock the chain head and reserve the next sequence number (serialises concurrent appends). */
export async function reserveNext(db: Executor): Promise<{ seq: number; prevHash: string; keyed: boolean }> {
  const [row] = await db.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  return { seq: Number(row.seq) + 1, prevHash: row.hash, keyed: row.keyedFrom !== null };
}

/** Records the `audit.keyed` row from which the chain is HMAC-SM3 (once; the head trigger refuses a change). */
export async function markKeyed(db: Executor, seq: number): Promise<void> {
  await db.update(auditHead).set({ keyedFrom: seq }).where(eq(auditHead.id, 1));
}

/** Moves the chain's start past archived rows and removes them (the triggers allow exactly that). */
export async function archiveThrough(db: Executor, seq: number, hash: string): Promise<void> {
  await db.update(auditHead).set({ baseSeq: seq, baseHash: hash }).where(eq(auditHead.id, 1));
  await db.delete(auditEvents).where(lte(auditEvents.seq, seq));
}

/** The first row at or after `at` past `afterSeq` (where an archive before `at` has to stop). */
export async function firstAtOrAfter(db: Executor, afterSeq: number, at: Date): Promise<number | undefined> {
  const [row] = await db
    .select({ n: min(auditEvents.seq) })
    .from(auditEvents)
    .where(and(gt(auditEvents.seq, afterSeq), gte(auditEvents.at, at)));
  return row?.n === null || row?.n === undefined ? undefined : Number(row.n);
}

export async function rowAt(db: Executor, seq: number): Promise<AuditRow | undefined> {
  const [row] = await db.select().from(auditEvents).where(eq(auditEvents.seq, seq));
  return row;
}

export async function append(db: Executor, row: AuditRow): Promise<void> {
  await db.insert(auditEvents).values(row);
  await db.update(auditHead).set({ seq: row.seq, hash: row.hash }).where(eq(auditHead.id, 1));
}

/** Appends rows already chained by the caller (bulk path); the head is moved separately. */
export async function insertMany(db: Executor, rows: AuditRow[]): Promise<void> {
  await insertRecordset(db, auditEvents, rows);
}

export async function moveHead(db: Executor, seq: number, hash: string): Promise<void> {
  await db.update(auditHead).set({ seq, hash }).where(eq(auditHead.id, 1));
}

export interface ChainHead {
  seq: number;
  hash: string;
  keyedFrom: number | null;
  baseSeq: number;
  baseHash: string;
}

export async function head(db: Executor, lock = false): Promise<ChainHead> {
  const query = db.select().from(auditHead).where(eq(auditHead.id, 1));
  const [row] = lock ? await query.for('update') : await query;
  return {
    seq: Number(row.seq),
    hash: row.hash,
    keyedFrom: row.keyedFrom === null ? null : Number(row.keyedFrom),
    baseSeq: Number(row.baseSeq),
    baseHash: row.baseHash,
  };
}

export async function batchAfter(db: Executor, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditEvents).where(gt(auditEvents.seq, afterSeq)).orderBy(asc(auditEvents.seq)).limit(limit);
}

export interface AuditFilter {
  type?: string;
  actor?: string;
  entity?: string;
  entityId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export async function list(db: Executor, f: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
  const where = and(
    f.type ? eq(auditEvents.type, f.type) : undefined,
    f.actor ? eq(auditEvents.actorUsername, f.actor) : undefined,
    f.entity ? eq(auditEvents.entity, f.entity) : undefined,
    f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
    f.from ? gte(auditEvents.at, f.from) : undefined,
    f.to ? lte(auditEvents.at, f.to) : undefined,
  );
  const items = await db
    .select()
    .from(auditEvents)
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(auditEvents).where(where);
  return { items, total: Number(n) };
}
