import { type SQL, and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { rowsOf } from '../../platform/db/client.js';
import { selectPage } from '../../platform/db/paging.js';
import { containsPattern } from '../../platform/db/like.js';
import { updateAtVersion } from '../../platform/db/versioned.js';
import { accountabilityProposalEvents, accountabilityProposals, proposalCodeSeq } from './cases.proposals.tables.js';

const t = accountabilityProposals;
export type ProposalRow = typeof t.$inferSelect;

/**
 * Who reads which proposals: the intake (case office, commission leaders) all of the region; a source's
 * office those whose source permission it holds (its own proposals' outcome); nobody another region's.
 */
export interface ProposalViewer {
  regionId: string;
  intake: boolean;
  sourcePermissions: string[];
}

function visible(v: ProposalViewer): SQL {
  const region = eq(t.regionId, v.regionId);
  if (v.intake) return region;
  if (v.sourcePermissions.length === 0) return sql`false`;
  return and(region, inArray(t.sourcePermission, v.sourcePermissions)) as SQL;
}

export interface ProposalFilter {
  state?: string;
  sourceType?: string;
  sourceId?: string;
  q?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

const SORTS: Record<string, SQL> = {
  '-createdAt': sql`${t.createdAt} DESC`,
  createdAt: sql`${t.createdAt} ASC`,
  code: sql`${t.code} ASC`,
  '-code': sql`${t.code} DESC`,
};

export function list(db: Executor, v: ProposalViewer, f: ProposalFilter) {
  const q = f.q?.trim();
  const like = q ? containsPattern(q) : '';
  const where = and(
    visible(v),
    f.state ? eq(t.state, f.state) : undefined,
    f.sourceType ? eq(t.sourceType, f.sourceType) : undefined,
    f.sourceId ? eq(t.sourceId, f.sourceId) : undefined,
    q ? or(ilike(t.sourceTitle, like), ilike(t.reason, like), eq(t.code, q.toUpperCase())) : undefined,
  );
  return selectPage(db, t, where, [SORTS[f.sort ?? ''] ?? SORTS['-createdAt'], desc(t.code)], f);
}

export async function get(db: Executor, v: ProposalViewer, id: string) {
  const [row] = await db
    .select()
    .from(t)
    .where(and(visible(v), eq(t.id, id)));
  return row;
}

/** The open (pending or accepted) proposal of a source object, whoever asks: submission is idempotent. */
export async function openOfSource(db: Executor, sourceType: string, sourceId: string) {
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.sourceType, sourceType), eq(t.sourceId, sourceId), sql`${t.state} <> 'declined'`));
  return row;
}

/** The latest proposal of a source object, whatever its state. */
export async function latestOfSource(db: Executor, sourceType: string, sourceId: string) {
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.sourceType, sourceType), eq(t.sourceId, sourceId)))
    .orderBy(desc(t.createdAt))
    .limit(1);
  return row;
}

export async function nextCode(db: Executor, year: number): Promise<string> {
  const [row] = rowsOf<{ n: string }>(await db.execute(sql`SELECT nextval(${proposalCodeSeq.seqName}) AS n`));
  return `WZJY${year}-${String(row.n).padStart(4, '0')}`;
}

/** Inserts unless the source already has an open proposal (then `undefined`): two runs never make two. */
export async function insert(db: Executor, values: typeof t.$inferInsert) {
  const [row] = await db
    .insert(t)
    .values(values)
    .onConflictDoNothing({ target: [t.sourceType, t.sourceId], where: sql`state <> 'declined'` })
    .returning();
  return row as ProposalRow | undefined;
}

export async function update(db: Executor, id: string, version: number, patch: Partial<typeof t.$inferInsert>) {
  return updateAtVersion(db, t, id, version, patch);
}

export async function insertEvent(db: Executor, values: typeof accountabilityProposalEvents.$inferInsert) {
  await db.insert(accountabilityProposalEvents).values(values);
}

export function eventsOf(db: Executor, proposalId: string) {
  return db
    .select()
    .from(accountabilityProposalEvents)
    .where(eq(accountabilityProposalEvents.proposalId, proposalId))
    .orderBy(asc(accountabilityProposalEvents.at));
}

/** The proposal a case was opened from (the case's link back). */
export async function ofCase(db: Executor, regionId: string, caseId: string) {
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.regionId, regionId), eq(t.caseId, caseId)));
  return row;
}
