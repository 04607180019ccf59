import { type SQL, and, asc, count, desc, eq, getTableColumns, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { containsPattern } from '../../platform/db/like.js';
import { personDirectory, unitDirectory } from '../org/org.directory.js';
import { toleranceCodeSeq, toleranceEvents, toleranceFilings } from './tolerance.tables.js';

const { minutesFile: _file, searchBigrams: _bigrams, ...columns } = getTableColumns(toleranceFilings);
export type FilingRow = Omit<typeof toleranceFilings.$inferSelect, 'minutesFile' | 'searchBigrams'>;
const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;
const FALSE = sql`false`;

/**
 * Filings the scope may see: region-wide roles every unit's, others (units, dispatched groups) their
 * units'. Drafts stay with the filing unit until submitted.
 */
function inScope(scope: Scope, filer: boolean): SQL {
  if (!scope.regionId) return FALSE;
  const visible = scope.allUnits
    ? undefined
    : scope.unitIds.length
      ? inArray(toleranceFilings.unitId, scope.unitIds)
      : FALSE;
  return and(
    eq(toleranceFilings.regionId, scope.regionId),
    isNull(toleranceFilings.deletedAt),
    visible,
    filer ? undefined : ne(toleranceFilings.state, 'draft'),
  ) as SQL;
}

export interface FilingFilter {
  state?: string;
  unitId?: string;
  exploratory?: boolean;
  q?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

/** Chinese keyword search over matter and decision: the bigram index narrows, ILIKE confirms. */
function textMatch(q: string): SQL {
  const like = containsPattern(q);
  const text = sql`(${toleranceFilings.matter} || ' ' || ${toleranceFilings.decision}) ILIKE ${like}`;
  const indexed =
    q.replace(/\s/g, '').length >= 2
      ? sql`${toleranceFilings.searchBigrams} @> zelian_bigrams(${q}) AND ${text}`
      : text;
  return sql`((${indexed}) OR ${toleranceFilings.code} = ${q.toUpperCase()})`;
}

const SORTS: Record<string, SQL> = {
  decidedOn: sql`${toleranceFilings.decidedOn} ASC`,
  '-decidedOn': sql`${toleranceFilings.decidedOn} DESC`,
  reviewOn: sql`${toleranceFilings.reviewOn} ASC`,
  '-reviewOn': sql`${toleranceFilings.reviewOn} DESC`,
  '-createdAt': sql`${toleranceFilings.createdAt} DESC`,
};

const unit = unitDirectory('unit');
const person = personDirectory('person');

const select = (db: Executor) =>
  db
    .select({ ...columns, unitName: unit.shortName, hasMinutesFile: sql<boolean>`minutes_file IS NOT NULL` })
    .from(toleranceFilings)
    .innerJoin(unit, eq(unit.id, toleranceFilings.unitId));
export type FilingWithNames = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

export async function list(db: Executor, scope: Scope, filer: boolean, f: FilingFilter) {
  const q = f.q?.trim();
  const where = and(
    inScope(scope, filer),
    f.state ? eq(toleranceFilings.state, f.state) : undefined,
    f.unitId ? eq(toleranceFilings.unitId, f.unitId) : undefined,
    f.exploratory === undefined ? undefined : eq(toleranceFilings.exploratory, f.exploratory),
    q ? textMatch(q) : undefined,
  );
  const items = await select(db)
    .where(where)
    .orderBy(SORTS[f.sort ?? ''] ?? SORTS['-createdAt'], desc(toleranceFilings.code))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(toleranceFilings).where(where);
  return { items, total: Number(n) };
}

export async function get(db: Executor, scope: Scope, filer: boolean, id: string) {
  const [row] = await select(db).where(and(inScope(scope, filer), eq(toleranceFilings.id, id)));
  return row;
}

export async function peopleNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { name: string; post: string }>();
  const rows = await db
    .select({ id: person.id, name: person.name, post: person.post })
    .from(person)
    .where(inArray(person.id, ids));
  return new Map(rows.map((r) => [r.id, { name: r.name, post: r.post }]));
}

export async function nextCode(db: Executor, year: number): Promise<string> {
  const [row] = rowsOf<{ n: string }>(await db.execute(sql`SELECT nextval(${toleranceCodeSeq.seqName}) AS n`));
  return `RC${year}-${String(row.n).padStart(4, '0')}`;
}

export async function insert(db: Executor, values: typeof toleranceFilings.$inferInsert) {
  const [row] = await db.insert(toleranceFilings).values(values).returning({ id: toleranceFilings.id });
  return row;
}

export async function update(
  db: Executor,
  id: string,
  version: number,
  patch: Partial<typeof toleranceFilings.$inferInsert>,
) {
  const [row] = await db
    .update(toleranceFilings)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(toleranceFilings.id, id), eq(toleranceFilings.version, version)))
    .returning(columns);
  return row;
}

export async function minutesFileOf(db: Executor, id: string) {
  const [row] = await db
    .select({
      name: toleranceFilings.minutesFileName,
      mime: toleranceFilings.minutesFileMime,
      content: toleranceFilings.minutesFile,
    })
    .from(toleranceFilings)
    .where(eq(toleranceFilings.id, id));
  return row?.content ? row : undefined;
}

export async function insertEvent(db: Executor, values: typeof toleranceEvents.$inferInsert) {
  await db.insert(toleranceEvents).values(values);
}

export async function eventsOf(db: Executor, filingId: string) {
  return db
    .select()
    .from(toleranceEvents)
    .where(eq(toleranceEvents.filingId, filingId))
    .orderBy(asc(toleranceEvents.at));
}

export interface MatchRow {
  id: string;
  code: string;
  unit_id: string;
  unit_name: string;
  matter: string;
  decision: string;
  basis: string;
  exploratory: boolean;
  dissent: string;
  decided_on: string;
  state: string;
  same_person: boolean;
  same_unit: boolean;
  similarity: number;
}

/**
 * Approved filings of one region matching a case: same unit or a named responsible person, decided
 * within [from, to]; with the share of `text`'s bigrams found in matter and decision.
 * Deliberately not limited to the caller's units — only to the region.
 */
export async function matching(
  db: Executor,
  regionId: string,
  q: { unitIds: string[]; personIds: string[]; from: string; to: string; text?: string },
) {
  const uuids = (ids: string[]) =>
    ids.length
      ? sql`ARRAY[${sql.join(
          ids.map((x) => sql`${x}::uuid`),
          sql`, `,
        )}]`
      : sql`ARRAY[]::uuid[]`;
  const text = q.text?.trim() ?? '';
  // Share of the case text's bigrams found in the filing's matter and decision (a short case summary
  // against a long filing: Jaccard would drown in the filing's length).
  const sim = text
    ? sql`round((cardinality(ARRAY(SELECT unnest(f.search_bigrams) INTERSECT SELECT unnest(zelian_bigrams(${text}))))::numeric
        / GREATEST(cardinality(zelian_bigrams(${text})), 1)), 3)::float8`
    : sql`0::float8`;
  return rowsOf<MatchRow>(
    await db.execute(sql`
      SELECT f.id, f.code, f.unit_id, COALESCE(NULLIF(u.short_name, ''), u.name) AS unit_name, f.matter, f.decision,
        f.basis, f.exploratory, f.dissent, f.decided_on::text AS decided_on, f.state,
        (f.person_ids && ${uuids(q.personIds)}) AS same_person,
        (f.unit_id = ANY(${uuids(q.unitIds)})) AS same_unit,
        ${sim} AS similarity
      FROM tolerance_filings f JOIN ${unitDirectory('u')} ON u.id = f.unit_id
      WHERE f.region_id = ${regionId} AND f.deleted_at IS NULL AND f.state = 'approved'
        AND f.decided_on BETWEEN ${q.from}::date AND ${q.to}::date
        AND (f.unit_id = ANY(${uuids(q.unitIds)}) OR f.person_ids && ${uuids(q.personIds)})
      LIMIT 200`),
  );
}

/** Unit and region of people (to validate responsible persons against the filing's region). */
export async function regionsOfPeople(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: person.id, regionId: person.regionId, unitId: person.unitId })
    .from(person)
    .where(and(inArray(person.id, ids), isNull(person.deletedAt)));
}
