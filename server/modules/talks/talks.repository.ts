import { type SQL, and, asc, count, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { containsPattern } from '../../platform/db/like.js';
import { updateAtVersion } from '../../platform/db/versioned.js';
import { personDirectory, unitDirectory } from '../org/org.directory.js';
import { talkCodeSeq, talkEvents, talks } from './talks.tables.js';

export type TalkRow = typeof talks.$inferSelect;
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const FALSE = sql`false`;
const uuidArray = (ids: string[]) =>
  sql`ARRAY[${sql.join(
    ids.map((x) => sql`${x}::uuid`),
    sql`, `,
  )}]`;

/** Region-wide roles see every talk of the region; dispatched groups those about units they oversee. */
function inScope(scope: Scope): SQL {
  if (!scope.regionId) return FALSE;
  const visible = scope.allUnits
    ? undefined
    : scope.unitIds.length
      ? sql`${talks.unitIds} && ${uuidArray(scope.unitIds)}`
      : FALSE;
  return and(eq(talks.regionId, scope.regionId), isNull(talks.deletedAt), visible) as SQL;
}

export interface TalkFilter {
  kind?: string;
  state?: string;
  unitId?: string;
  personId?: string;
  problemId?: string;
  warningId?: string;
  caseId?: string;
  from?: string;
  to?: string;
  q?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

export const SORTS: Record<string, SQL> = {
  talkOn: sql`${talks.talkOn} ASC`,
  '-talkOn': sql`${talks.talkOn} DESC`,
  followUpDue: sql`${talks.followUpDue} ASC NULLS LAST`,
  '-createdAt': sql`${talks.createdAt} DESC`,
};

function where(scope: Scope, f: Omit<TalkFilter, 'page' | 'pageSize' | 'sort'>) {
  const q = f.q?.trim();
  const like = q ? containsPattern(q) : '';
  return and(
    inScope(scope),
    f.kind ? eq(talks.kind, f.kind) : undefined,
    f.state ? eq(talks.state, f.state) : undefined,
    f.unitId ? sql`${talks.unitIds} && ${uuidArray([f.unitId])}` : undefined,
    f.personId ? sql`${talks.subjectPersonIds} && ${uuidArray([f.personId])}` : undefined,
    f.problemId ? eq(talks.problemId, f.problemId) : undefined,
    f.warningId ? eq(talks.warningId, f.warningId) : undefined,
    f.caseId ? eq(talks.caseId, f.caseId) : undefined,
    f.from ? gte(talks.talkOn, f.from) : undefined,
    f.to ? lte(talks.talkOn, f.to) : undefined,
    q
      ? sql`((${talks.reason} || ' ' || ${talks.record}) ILIKE ${like} OR ${talks.code} = ${q.toUpperCase()})`
      : undefined,
  );
}

export async function list(db: Executor, scope: Scope, f: TalkFilter) {
  const w = where(scope, f);
  const items = await db
    .select()
    .from(talks)
    .where(w)
    .orderBy(SORTS[f.sort ?? ''] ?? SORTS['-talkOn'], desc(talks.code))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(talks).where(w);
  return { items, total: Number(n) };
}

export async function get(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(talks)
    .where(and(inScope(scope), eq(talks.id, id)));
  return row;
}

export async function nextCode(db: Executor, year: number): Promise<string> {
  const [row] = rowsOf<{ n: string }>(await db.execute(sql`SELECT nextval(${talkCodeSeq.seqName}) AS n`));
  return `TH${year}-${String(row.n).padStart(4, '0')}`;
}

export async function insert(db: Executor, values: typeof talks.$inferInsert) {
  const [row] = await db.insert(talks).values(values).returning();
  return row;
}

export async function update(db: Executor, id: string, version: number, patch: Partial<typeof talks.$inferInsert>) {
  return updateAtVersion(db, talks, id, version, patch, isNull(talks.deletedAt));
}

export async function insertEvent(db: Executor, values: typeof talkEvents.$inferInsert) {
  await db.insert(talkEvents).values(values);
}

export async function eventsOf(db: Executor, talkId: string) {
  return db.select().from(talkEvents).where(eq(talkEvents.talkId, talkId)).orderBy(asc(talkEvents.at));
}

const person = personDirectory('person');
const personUnit = unitDirectory('person_unit');

/** Names and posts of people (talkers and subjects), whatever their unit. */
export async function peopleNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; post: string; unitName: string }>();
  const rows = await db
    .select({ id: person.id, name: person.name, post: person.post, unitName: personUnit.shortName })
    .from(person)
    .innerJoin(personUnit, eq(personUnit.id, person.unitId))
    .where(inArray(person.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, post: r.post, unitName: r.unitName }]));
}

export async function peopleOfRegion(db: Executor, regionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: person.id, unitId: person.unitId })
    .from(person)
    .where(and(eq(person.regionId, regionId), inArray(person.id, ids), isNull(person.deletedAt)));
}
