import {
  type Placeholder,
  type SQL,
  and,
  asc,
  count,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  ne,
  or,
  sql,
} from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import { insertRecordset, insertRecordsetReturning } from '../../platform/db/bulk.js';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import { updateAtVersion } from '../../platform/db/versioned.js';
import { largeCount } from '../../platform/db/large-count.js';
import { containsPattern } from '../../platform/db/like.js';
import { personDirectory, unitDirectory } from '../org/org.directory.js';
import { problemCodeSeq, problemEvents, problemFiles, problemMeasures, problems } from './problems.tables.js';

export type ProblemRow = typeof problems.$inferSelect;
export type MeasureRow = typeof problemMeasures.$inferSelect;
export type EventRow = typeof problemEvents.$inferSelect;

const FALSE = sql`false`;
/** Every column but the search bigrams and the open measures' deadlines (read by an index and the warning scan). */
const { searchBigrams: _bigrams, openMeasureDeadlines: _due, ...problemColumns } = getTableColumns(problems);
export { problemColumns };

/** Problems the scope may see; units never see drafts. */
export function inScope(scope: Scope, withDrafts: boolean): SQL {
  if (!scope.regionId) return FALSE;
  const visible = scope.allUnits
    ? undefined
    : or(
        scope.unitIds.length ? inArray(problems.unitId, scope.unitIds) : FALSE,
        scope.personId ? eq(problems.leaderPersonId, scope.personId) : FALSE,
      );
  return and(
    eq(problems.regionId, scope.regionId),
    isNull(problems.deletedAt),
    visible,
    withDrafts ? undefined : ne(problems.state, 'draft'),
  ) as SQL;
}

/**
 * True when the deadline has passed on `today` and the problem is still open. Written `(state = 'closed') IS FALSE`
 * (state is never null) so that the overdue list reads `problems_attention_idx` in deadline order: PostgreSQL turns
 * `NOT IN` or `NOT (…)` into `<>` and then sorts every overdue problem of the region instead (8 → 0.5 ms a page).
 */
export const overdueSql = (today: string | Placeholder) =>
  sql<boolean>`(${problems.deadline} < ${today} AND (${problems.state} = 'closed') IS FALSE AND ${problems.state} <> 'draft')`;

export interface ProblemFilter {
  unitId?: string;
  state?: string;
  color?: string;
  source?: string;
  category?: string;
  severity?: string;
  leaderPersonId?: string;
  commonGroupId?: string;
  q?: string;
  deadlineBefore?: string;
  deadlineAfter?: string;
  overdue?: boolean;
  listed?: boolean;
  pending?: boolean;
  sort?: string;
  page: number;
  pageSize: number;
}

const unit = unitDirectory('unit');
const leader = personDirectory('leader');
const responsible = personDirectory('responsible');
const owner = personDirectory('owner');

function where(scope: Scope, withDrafts: boolean, f: Omit<ProblemFilter, 'page' | 'pageSize' | 'sort'>, today: string) {
  const q = f.q?.trim();
  return and(
    inScope(scope, withDrafts),
    f.unitId ? eq(problems.unitId, f.unitId) : undefined,
    f.state ? eq(problems.state, f.state) : undefined,
    f.color === 'none' ? isNull(problems.color) : f.color ? eq(problems.color, f.color) : undefined,
    f.source ? eq(problems.source, f.source) : undefined,
    f.category ? eq(problems.category, f.category) : undefined,
    f.severity ? eq(problems.severity, f.severity) : undefined,
    f.leaderPersonId ? eq(problems.leaderPersonId, f.leaderPersonId) : undefined,
    f.commonGroupId ? eq(problems.commonGroupId, f.commonGroupId) : undefined,
    f.deadlineBefore ? lte(problems.deadline, f.deadlineBefore) : undefined,
    f.deadlineAfter ? gte(problems.deadline, f.deadlineAfter) : undefined,
    f.overdue === undefined ? undefined : f.overdue ? overdueSql(today) : sql`NOT ${overdueSql(today)}`,
    f.listed === undefined ? undefined : eq(problems.listed, f.listed),
    f.pending === undefined
      ? undefined
      : f.pending
        ? isNotNull(problems.pendingEscalation)
        : isNull(problems.pendingEscalation),
    q && scope.regionId ? textMatch(scope.regionId, q) : undefined,
  );
}

/**
 * Chinese keyword search: the bigram index narrows (two-character words such as 廉政 included),
 * ILIKE confirms the exact substring; a problem code matches exactly.
 */
function textMatch(regionId: string, q: string): SQL {
  const like = containsPattern(q);
  const text = sql`(${problems.title} || ' ' || ${problems.description}) ILIKE ${like}`;
  const indexed =
    q.replace(/\s/g, '').length >= 2
      ? sql`${problems.searchBigrams} @> zelian_region_bigrams(${regionId}, ${q}) AND ${text}`
      : text;
  return sql`((${indexed}) OR ${problems.code} = ${q.toUpperCase()})`;
}

export const SORTS: Record<string, SQL> = {
  // What needs attention first: open before closed, then by deadline (overdue ones have the earliest).
  attention: sql`(${problems.state} = 'closed') ASC, ${problems.deadline} ASC NULLS LAST`,
  deadline: sql`${problems.deadline} ASC NULLS LAST`,
  '-deadline': sql`${problems.deadline} DESC NULLS LAST`,
  createdAt: sql`${problems.createdAt} ASC`,
  '-createdAt': sql`${problems.createdAt} DESC NULLS LAST`,
  code: sql`${problems.code} ASC`,
  '-code': sql`${problems.code} DESC`,
};

/** Problems with the names the ledger shows; `today` decides `overdue` (a value, or a prepared statement's placeholder). */
export function select<E extends Record<string, SQL>>(db: Executor, today: string | Placeholder, extra?: E) {
  return db
    .select({
      problem: problemColumns,
      unitName: unit.shortName,
      leaderName: leader.name,
      responsibleName: responsible.name,
      overdue: overdueSql(today),
      ...(extra as E),
    })
    .from(problems)
    .innerJoin(unit, eq(unit.id, problems.unitId))
    .leftJoin(leader, eq(leader.id, problems.leaderPersonId))
    .leftJoin(responsible, eq(responsible.id, problems.responsiblePersonId));
}
export type ProblemWithNames = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

export async function list(db: Executor, scope: Scope, withDrafts: boolean, f: ProblemFilter, today: string) {
  const { page, pageSize, sort, ...filter } = f;
  const w = where(scope, withDrafts, filter, today);
  // Newest first by default, in the order of index problems_created_idx (NULLS LAST included).
  const order = [SORTS[sort ?? ''] ?? SORTS['-createdAt'], sql`${problems.code} DESC NULLS LAST`];
  // The page's ids first (from the index alone), then names for those rows only: joining before the limit
  // looked up unit and people for every skipped row of a deep page.
  const pageIds = db
    .select({ id: problems.id })
    .from(problems)
    .where(w)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const items = await select(db, today)
    .where(inArray(problems.id, pageIds))
    .orderBy(...order);
  const total = await largeCount(JSON.stringify(['problems', scope, withDrafts, filter, today]), async () => {
    const [{ n }] = await db.select({ n: count() }).from(problems).where(w);
    return Number(n);
  });
  return { items, total };
}

export async function get(db: Executor, scope: Scope, withDrafts: boolean, id: string, today: string) {
  const [row] = await select(db, today).where(and(inScope(scope, withDrafts), eq(problems.id, id)));
  return row;
}

/** Counts by state for the 挂图作战 board and the ledger header. */
export async function countByState(db: Executor, scope: Scope, withDrafts: boolean, f: ProblemFilter, today: string) {
  const overdue = overdueSql(today);
  return (
    db
      .select({ state: problems.state, color: problems.color, overdue, n: count() })
      .from(problems)
      .where(where(scope, withDrafts, f, today))
      // By position: the overdue expression carries a parameter, so it cannot be repeated in GROUP BY.
      .groupBy(sql`1, 2, 3`)
  );
}

/** Columns the dashboard counts problems by; `color` null is the list's `color=none`. */
export const COUNT_COLUMNS = { state: problems.state, color: problems.color, source: problems.source } as const;

/** The problems a list with `f` shows, counted by one column (the same WHERE as `list`, so the two agree). */
export async function countBy(
  db: Executor,
  scope: Scope,
  withDrafts: boolean,
  f: Omit<ProblemFilter, 'page' | 'pageSize' | 'sort'>,
  today: string,
  column: keyof typeof COUNT_COLUMNS,
) {
  const col = COUNT_COLUMNS[column];
  const rows = await db
    .select({ key: col, n: count() })
    .from(problems)
    .where(where(scope, withDrafts, f, today))
    .groupBy(col);
  return rows.map((r) => ({ key: r.key ?? 'none', n: Number(r.n) }));
}

const codeOf = (year: number, n: string | number) => `WT${year}-${String(n).padStart(5, '0')}`;

export async function nextCode(db: Executor, year: number): Promise<string> {
  const result = await db.execute<{ n: string }>(sql`SELECT nextval(${problemCodeSeq.seqName}) AS n`);
  return codeOf(year, rowsOf<{ n: string }>(result)[0].n);
}

/** `count` codes from the same sequence in one statement, ascending. */
export async function nextCodes(db: Executor, year: number, count: number): Promise<string[]> {
  const result = await db.execute(
    sql`SELECT nextval(${problemCodeSeq.seqName}) AS n FROM generate_series(1, ${count}::int)`,
  );
  return rowsOf<{ n: string }>(result)
    .map((r) => Number(r.n))
    .sort((a, b) => a - b)
    .map((n) => codeOf(year, n));
}

export async function insert(db: Executor, values: typeof problems.$inferInsert): Promise<ProblemRow> {
  const [row] = await db.insert(problems).values(values).returning();
  return row;
}

/** Inserts many problems in one statement and returns them as stored. */
export async function insertMany(db: Executor, values: (typeof problems.$inferInsert)[]): Promise<ProblemRow[]> {
  return insertRecordsetReturning(db, problems, values);
}

export async function update(db: Executor, id: string, version: number, patch: Partial<ProblemRow>) {
  return updateAtVersion(db, problems, id, version, patch);
}

export async function measuresOf(
  db: Executor,
  problemIds: string[],
): Promise<(MeasureRow & { ownerName: string | null })[]> {
  if (problemIds.length === 0) return [];
  return db
    .select({ ...getTableColumns(problemMeasures), ownerName: owner.name })
    .from(problemMeasures)
    .leftJoin(owner, eq(owner.id, problemMeasures.ownerPersonId))
    .where(inArray(problemMeasures.problemId, problemIds))
    .orderBy(asc(problemMeasures.problemId), asc(problemMeasures.seq));
}

export async function replaceMeasures(
  db: Executor,
  problemId: string,
  values: (typeof problemMeasures.$inferInsert)[],
) {
  await db.delete(problemMeasures).where(eq(problemMeasures.problemId, problemId));
  if (values.length) await db.insert(problemMeasures).values(values);
}

export async function insertMeasures(db: Executor, values: (typeof problemMeasures.$inferInsert)[]) {
  if (values.length) await db.insert(problemMeasures).values(values);
}

/** Many measures in one statement (bulk import). */
export async function insertMeasuresMany(db: Executor, values: (typeof problemMeasures.$inferInsert)[]) {
  await insertRecordset(db, problemMeasures, values);
}

export async function updateMeasure(db: Executor, id: string, patch: Partial<MeasureRow>) {
  await db.update(problemMeasures).set(patch).where(eq(problemMeasures.id, id));
}

export async function insertEvent(db: Executor, values: typeof problemEvents.$inferInsert): Promise<EventRow> {
  const [row] = await db.insert(problemEvents).values(values).returning();
  return row;
}

export async function insertEvents(db: Executor, values: (typeof problemEvents.$inferInsert)[]) {
  if (values.length) await db.insert(problemEvents).values(values);
}

export async function eventsOf(db: Executor, problemId: string): Promise<EventRow[]> {
  return db.select().from(problemEvents).where(eq(problemEvents.problemId, problemId)).orderBy(asc(problemEvents.at));
}

export async function insertFile(db: Executor, values: typeof problemFiles.$inferInsert) {
  const [row] = await db
    .insert(problemFiles)
    .values(values)
    .returning({ id: problemFiles.id, name: problemFiles.name, size: problemFiles.size, mime: problemFiles.mime });
  return row;
}

/** A problem's files as its file list shows them (not the content), oldest first. */
export async function filesOf(db: Executor, problemId: string) {
  const { id, name, size, mime, eventId, measureId, createdAt } = problemFiles;
  return db
    .select({ id, name, size, mime, eventId, measureId, createdAt })
    .from(problemFiles)
    .where(eq(problemFiles.problemId, problemId))
    .orderBy(asc(problemFiles.createdAt));
}

export async function getFile(db: Executor, problemId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(problemFiles)
    .where(and(eq(problemFiles.problemId, problemId), eq(problemFiles.id, fileId)));
  return row;
}

/** Open problems due by `until` (or overdue) that a person answers for: unit principal, liaison or measure owner. */
export async function dueForPerson(db: Executor, personId: string, until: string) {
  return db
    .selectDistinct({ id: problems.id, code: problems.code, title: problems.title, deadline: problems.deadline })
    .from(problems)
    .innerJoin(unit, eq(unit.id, problems.unitId))
    .leftJoin(problemMeasures, eq(problemMeasures.problemId, problems.id))
    .where(
      and(
        isNull(problems.deletedAt),
        inArray(problems.state, ['dispatched', 'rectifying']),
        lte(problems.deadline, until),
        or(
          eq(unit.principalPersonId, personId),
          eq(unit.liaisonPersonId, personId),
          eq(problemMeasures.ownerPersonId, personId),
        ),
      ),
    )
    .orderBy(asc(problems.deadline))
    .limit(50);
}

/** Items waiting for the office of a region: closure reviews and escalation proposals. */
export async function waitingForOffice(db: Executor, regionId: string) {
  return db
    .select({
      id: problems.id,
      code: problems.code,
      title: problems.title,
      closeStage: problems.closeStage,
      pending: problems.pendingEscalation,
    })
    .from(problems)
    .where(
      and(
        eq(problems.regionId, regionId),
        isNull(problems.deletedAt),
        or(eq(problems.closeStage, 'office'), sql`${problems.pendingEscalation} IS NOT NULL`),
      ),
    )
    .limit(50);
}

/** Open cross-functional problems (≥ 2 units) whose lead unit has not been agreed: joint-meeting disputes. */
export async function disputes(db: Executor, scope: Scope, today: string) {
  return select(db, today)
    .where(
      and(
        inScope(scope, false),
        inArray(problems.state, ['dispatched', 'rectifying', 'close_requested']),
        eq(problems.leadUnitConfirmed, false),
        sql`cardinality(${problems.coUnitIds}) >= 1`,
      ),
    )
    .orderBy(asc(problems.code))
    .limit(100);
}

/** State of each problem of `ids` (no scope: callers pass ids they produced, for statistics). */
export async function statesOf(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: problems.id, state: problems.state, code: problems.code })
    .from(problems)
    .where(and(inArray(problems.id, ids), isNull(problems.deletedAt)));
}
