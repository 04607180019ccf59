import { type SQL, and, asc, count, desc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { COMPLAINT_OPEN_STATES } from '../../../common/complaints.js';
import type { Executor } from '../../platform/db/client.js';
import { regions } from '../../platform/db/platform.tables.js';
import { complaintEvents, complaintFiles, complaints } from './complaints.tables.js';

export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplaintInsert = typeof complaints.$inferInsert;
export type ComplaintFileInsert = typeof complaintFiles.$inferInsert;
export type ComplaintEventInsert = typeof complaintEvents.$inferInsert;

/**
 * Who reads complaints (decision "complaints confidentiality"): commission leaders every complaint of the
 * region; other complaint staff those they own (首问负责 / handed over to them) and the unowned ones waiting
 * in 待分流 to be received. A complaint about the commission's principal, or sent to the level above, is
 * read by nobody here.
 */
export interface ComplaintReader {
  regionId: string | null;
  userId: string;
  leader: boolean;
}

function visible(r: ComplaintReader): SQL {
  if (!r.regionId) return sql`false`;
  return and(
    eq(complaints.regionId, r.regionId),
    eq(complaints.aboutPrincipal, false),
    ne(complaints.state, 'escalated'),
    r.leader
      ? undefined
      : or(eq(complaints.ownerUserId, r.userId), and(isNull(complaints.ownerUserId), eq(complaints.state, 'received'))),
  ) as SQL;
}

export interface ComplaintFilter {
  state?: string;
  channel?: string;
  kind?: string;
  unitId?: string;
  /** The complaint a problem of the ledger was dispatched from (the problem page's link back). */
  problemId?: string;
  completedFrom?: string;
  completedTo?: string;
  mine?: boolean;
  overdueBefore?: string;
  from?: string;
  to?: string;
}

const OPEN: string[] = [...COMPLAINT_OPEN_STATES];

function where(r: ComplaintReader, f: ComplaintFilter) {
  return and(
    visible(r),
    f.state ? eq(complaints.state, f.state) : undefined,
    f.channel ? eq(complaints.channel, f.channel) : undefined,
    f.kind ? eq(complaints.kind, f.kind) : undefined,
    f.unitId ? eq(complaints.subjectUnitId, f.unitId) : undefined,
    f.problemId ? eq(complaints.problemId, f.problemId) : undefined,
    f.completedFrom ? gte(complaints.completedOn, f.completedFrom) : undefined,
    f.completedTo ? lte(complaints.completedOn, f.completedTo) : undefined,
    f.mine ? eq(complaints.ownerUserId, r.userId) : undefined,
    f.overdueBefore
      ? and(inArray(complaints.state, OPEN), sql`${complaints.completionDue} < ${f.overdueBefore}`)
      : undefined,
    f.from ? gte(complaints.receivedOn, f.from) : undefined,
    f.to ? lte(complaints.receivedOn, f.to) : undefined,
  );
}

const ORDER = [desc(complaints.receivedOn), desc(complaints.createdAt)];

export async function list(db: Executor, r: ComplaintReader, f: ComplaintFilter, page: number, pageSize: number) {
  const w = where(r, f);
  const items = await db
    .select()
    .from(complaints)
    .where(w)
    .orderBy(...ORDER)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [{ n }] = await db.select({ n: count() }).from(complaints).where(w);
  return { items, total: Number(n) };
}

/** The rows `list` shows with `f` (repeated reports included, as the list has them), counted by channel. */
export async function countListedByChannel(db: Executor, r: ComplaintReader, f: ComplaintFilter) {
  const rows = await db
    .select({ key: complaints.channel, n: count() })
    .from(complaints)
    .where(where(r, f))
    .groupBy(complaints.channel);
  return rows.map((x) => ({ key: x.key, n: Number(x.n) }));
}

/** Every visible row matching the filters (search over decrypted text happens on these; capped). */
export async function candidates(db: Executor, r: ComplaintReader, f: ComplaintFilter, cap: number) {
  return db
    .select()
    .from(complaints)
    .where(where(r, f))
    .orderBy(...ORDER)
    .limit(cap);
}

export async function get(db: Executor, r: ComplaintReader, id: string) {
  const [row] = await db
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, id), visible(r)));
  return row;
}

/** The public lookup by receipt code: no scope, the password check is the caller's. */
export async function byCode(db: Executor, code: string) {
  const [row] = await db.select().from(complaints).where(eq(complaints.code, code));
  return row;
}

export async function insert(db: Executor, row: ComplaintInsert) {
  const [r] = await db.insert(complaints).values(row).returning();
  return r;
}

export async function update(db: Executor, id: string, version: number, patch: Partial<ComplaintRow>) {
  const [r] = await db
    .update(complaints)
    .set({ ...patch, version: sql`${complaints.version} + 1`, updatedAt: new Date() })
    .where(and(eq(complaints.id, id), eq(complaints.version, version)))
    .returning();
  return r ?? null;
}

export async function insertFile(db: Executor, row: ComplaintFileInsert) {
  const [r] = await db.insert(complaintFiles).values(row).returning({ id: complaintFiles.id });
  return r;
}

export async function filesOf(db: Executor, complaintId: string) {
  return db
    .select({ id: complaintFiles.id, name: complaintFiles.name, mime: complaintFiles.mime, size: complaintFiles.size })
    .from(complaintFiles)
    .where(eq(complaintFiles.complaintId, complaintId))
    .orderBy(asc(complaintFiles.createdAt));
}

export async function file(db: Executor, complaintId: string, fileId: string) {
  const [r] = await db
    .select()
    .from(complaintFiles)
    .where(and(eq(complaintFiles.complaintId, complaintId), eq(complaintFiles.id, fileId)));
  return r;
}

export async function insertEvent(db: Executor, e: ComplaintEventInsert) {
  await db.insert(complaintEvents).values(e);
}

export async function eventsOf(db: Executor, complaintId: string) {
  return db
    .select()
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(asc(complaintEvents.at), asc(complaintEvents.recordedAt));
}

export async function repeatsOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: complaints.id, code: complaints.code, receivedOn: complaints.receivedOn, of: complaints.repeatOfId })
    .from(complaints)
    .where(inArray(complaints.repeatOfId, ids))
    .orderBy(asc(complaints.receivedOn));
}

/** States in which some clock of a complaint may still be running (the notices and the lower level's reply too). */
const CLOCKED = [...OPEN, 'transferred'];

/** Every complaint with a clock that may still run, for the daily watch (a county has hundreds, not millions). */
export async function withRunningClocks(db: Executor) {
  return db
    .select()
    .from(complaints)
    .where(and(inArray(complaints.state, CLOCKED), eq(complaints.aboutPrincipal, false)));
}

/** The watch's record of what it has raised; not a change of the record, so the version stays. */
export async function setClockAlerts(db: Executor, id: string, alerts: Record<string, 'warn' | 'overdue'>) {
  await db.update(complaints).set({ clockAlerts: alerts }).where(eq(complaints.id, id));
}

/**
 * The digest's candidates: the owner's complaints with a running clock and — for a commission leader — every
 * complaint of the region the watch found overdue (it escalated them to the leaders).
 */
export async function digestCandidates(db: Executor, r: { userId: string; leaderOf: string | null }) {
  const mine = eq(complaints.ownerUserId, r.userId);
  const overdue = r.leaderOf
    ? and(
        eq(complaints.regionId, r.leaderOf),
        sql`EXISTS (SELECT 1 FROM jsonb_each_text(${complaints.clockAlerts}) a WHERE a.value = 'overdue')`,
      )
    : undefined;
  return db
    .select()
    .from(complaints)
    .where(and(inArray(complaints.state, CLOCKED), eq(complaints.aboutPrincipal, false), or(mine, overdue)))
    .orderBy(asc(complaints.completionDue));
}

export async function sameRegion(db: Executor, regionId: string, id: string) {
  const [row] = await db
    .select()
    .from(complaints)
    .where(and(eq(complaints.id, id), eq(complaints.regionId, regionId)));
  return row;
}

/** The region a public report goes to: the deployment's first region (one commission per deployment). */
export async function publicRegion(db: Executor): Promise<string | undefined> {
  const [row] = await db.select({ id: regions.id }).from(regions).orderBy(asc(regions.createdAt)).limit(1);
  return row?.id;
}

/** Counts by a column of the visible complaints received in [from, to] (repeats counted once, in the first). */
export async function countBy(db: Executor, r: ComplaintReader, from: string, to: string, by: SQL) {
  const rows = await db
    .select({ key: sql<string>`coalesce(${by}::text, '')`, n: count() })
    .from(complaints)
    .where(
      and(visible(r), gte(complaints.receivedOn, from), lte(complaints.receivedOn, to), ne(complaints.state, 'repeat')),
    )
    .groupBy(sql`1`)
    .orderBy(desc(count()));
  return rows.map((x) => ({ key: x.key, n: Number(x.n) }));
}

/** The on-time and outcome figures, set-based over the visible complaints received in [from, to]. */
export async function figureRows(db: Executor, r: ComplaintReader, from: string, to: string) {
  return db
    .select({
      anonymous: complaints.anonymous,
      state: complaints.state,
      receivedOn: complaints.receivedOn,
      acceptedOn: complaints.acceptedOn,
      acceptanceToldOn: complaints.acceptanceToldOn,
      completedOn: complaints.completedOn,
      feedbackOn: complaints.feedbackOn,
      finding: complaints.finding,
    })
    .from(complaints)
    .where(
      and(visible(r), gte(complaints.receivedOn, from), lte(complaints.receivedOn, to), ne(complaints.state, 'repeat')),
    );
}

export const COLUMNS = {
  channel: sql`${complaints.channel}`,
  kind: sql`${complaints.kind}`,
  unit: sql`${complaints.subjectUnitName}`,
  month: sql`to_char(${complaints.receivedOn}, 'YYYY-MM')`,
  way: sql`${complaints.way}`,
};
