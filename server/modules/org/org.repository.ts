import { type SQL, and, asc, count, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import type { PageRequest } from '../../platform/db/paging.js';
import { regions } from '../../platform/db/platform.tables.js';
import { updateAtVersion } from '../../platform/db/versioned.js';
import { groupMembers, groupUnits, groups, people, personPosts, unitMembers, units } from './org.tables.js';

export type UnitRow = typeof units.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type GroupRow = typeof groups.$inferSelect;

const FALSE = sql`false`;

/** Rows of `units` the scope may see. */
function unitsInScope(scope: Scope): SQL {
  if (!scope.regionId) return FALSE;
  const region = eq(units.regionId, scope.regionId);
  if (scope.allUnits) return region;
  return scope.unitIds.length ? (and(region, inArray(units.id, scope.unitIds)) as SQL) : FALSE;
}

function peopleInScope(scope: Scope): SQL {
  if (!scope.regionId) return FALSE;
  const region = eq(people.regionId, scope.regionId);
  if (scope.allUnits) return region;
  return scope.unitIds.length ? (and(region, inArray(people.unitId, scope.unitIds)) as SQL) : FALSE;
}

function groupsInScope(scope: Scope): SQL {
  if (!scope.regionId) return FALSE;
  const region = eq(groups.regionId, scope.regionId);
  if (scope.allUnits) return region;
  return scope.groupIds.length ? (and(region, inArray(groups.id, scope.groupIds)) as SQL) : FALSE;
}

// ---------- regions

export async function defaultRegionId(db: Executor): Promise<string | null> {
  const [row] = await db.select({ id: regions.id }).from(regions).where(isNull(regions.parentId)).limit(1);
  return row?.id ?? null;
}

export async function insertRegion(db: Executor, values: typeof regions.$inferInsert) {
  const [row] = await db.insert(regions).values(values).returning();
  return row;
}

export async function countRegions(db: Executor): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(regions);
  return Number(n);
}

// ---------- scope helpers (used by the scope resolver)

export async function unitsWithDescendants(db: Executor, rootIds: string[]): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await db.execute<{ id: string }>(sql`
    WITH RECURSIVE tree AS (
      SELECT id FROM units WHERE id IN (${sql.join(
        rootIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}) AND deleted_at IS NULL
      UNION SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id WHERE u.deleted_at IS NULL
    ) SELECT id FROM tree`);
  return (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

export async function unitsInChargeOf(db: Executor, personIds: string[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(inArray(units.leaderInChargePersonId, personIds), isNull(units.deletedAt)));
  return rows.map((r) => r.id);
}

export async function unitsOfGroups(db: Executor, groupIds: string[]): Promise<string[]> {
  if (groupIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: groupUnits.unitId })
    .from(groupUnits)
    .where(inArray(groupUnits.groupId, groupIds));
  return rows.map((r) => r.id);
}

// ---------- units

const principal = alias(people, 'principal');
const liaison = alias(people, 'liaison');
const leader = alias(people, 'leader');

export interface UnitListFilter {
  q?: string;
  type?: string;
  parentId?: string;
  page: number;
  pageSize: number;
}

function unitSelect(db: Executor) {
  return db
    .select({
      unit: units,
      principalName: principal.name,
      liaisonName: liaison.name,
      leaderInChargeName: leader.name,
    })
    .from(units)
    .leftJoin(principal, eq(principal.id, units.principalPersonId))
    .leftJoin(liaison, eq(liaison.id, units.liaisonPersonId))
    .leftJoin(leader, eq(leader.id, units.leaderInChargePersonId));
}

export type UnitWithNames = Awaited<ReturnType<typeof listUnits>>['items'][number];

export async function listUnits(db: Executor, scope: Scope, f: UnitListFilter) {
  const where = and(
    unitsInScope(scope),
    isNull(units.deletedAt),
    f.q
      ? or(ilike(units.name, `%${f.q}%`), ilike(units.shortName, `%${f.q}%`), ilike(units.code, `%${f.q}%`))
      : undefined,
    f.type ? eq(units.type, f.type as UnitRow['type']) : undefined,
    f.parentId ? eq(units.parentId, f.parentId) : undefined,
  );
  const items = await unitSelect(db)
    .where(where)
    .orderBy(asc(units.sortOrder), asc(units.code))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(units).where(where);
  return { items, total: Number(n) };
}

export async function getUnit(db: Executor, scope: Scope, id: string) {
  const [row] = await unitSelect(db).where(and(unitsInScope(scope), isNull(units.deletedAt), eq(units.id, id)));
  return row;
}

/** Batch access check: which of `ids` are units the scope may see. */
export async function visibleUnitIds(db: Executor, scope: Scope, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(and(unitsInScope(scope), isNull(units.deletedAt), inArray(units.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function unitsByCode(db: Executor, regionId: string, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .select()
    .from(units)
    .where(and(eq(units.regionId, regionId), inArray(units.code, codes), isNull(units.deletedAt)));
}

export async function unitsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(units).where(inArray(units.id, ids));
}

export async function peopleByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name, unitId: people.unitId })
    .from(people)
    .where(inArray(people.id, ids));
}

export async function peopleMatching(db: Executor, regionId: string, unitIds: string[], ranks: string[]) {
  return db
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        eq(people.regionId, regionId),
        isNull(people.deletedAt),
        unitIds.length ? inArray(people.unitId, unitIds) : undefined,
        ranks.length ? inArray(people.rank, ranks) : undefined,
      ),
    );
}

export async function contactsOf(db: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return db
    .select({ id: people.id, phone: people.phone, email: people.email })
    .from(people)
    .where(inArray(people.id, personIds));
}

export async function allUnitsOfRegion(db: Executor, regionId: string) {
  return db
    .select()
    .from(units)
    .where(and(eq(units.regionId, regionId), isNull(units.deletedAt)))
    .orderBy(asc(units.sortOrder), asc(units.code));
}

export async function insertUnits(db: Executor, values: (typeof units.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(units).values(values).returning();
}

export async function updateUnit(db: Executor, id: string, version: number, patch: Partial<UnitRow>) {
  return updateAtVersion(db, units, id, version, patch, isNull(units.deletedAt));
}

export async function countChildren(db: Executor, unitId: string) {
  const [{ units: u }] = await db
    .select({ units: count() })
    .from(units)
    .where(and(eq(units.parentId, unitId), isNull(units.deletedAt)));
  const [{ people: p }] = await db
    .select({ people: count() })
    .from(people)
    .where(and(eq(people.unitId, unitId), isNull(people.deletedAt)));
  return { units: Number(u), people: Number(p) };
}

export async function membersOf(db: Executor, unitIds: string[]) {
  if (unitIds.length === 0) return [];
  return db.select().from(unitMembers).where(inArray(unitMembers.unitId, unitIds));
}

export async function replaceMembers(db: Executor, unitId: string, personIds: string[]) {
  await db.delete(unitMembers).where(eq(unitMembers.unitId, unitId));
  if (personIds.length) await db.insert(unitMembers).values(personIds.map((personId) => ({ unitId, personId })));
}

// ---------- people

export interface PeopleFilter {
  unitId?: string;
  q?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

const PEOPLE_SORT = {
  name: people.name,
  post: people.post,
  rank: people.rank,
  unitName: units.name,
} as const;

function peopleSelect(db: Executor) {
  return db.select({ person: people, unitName: units.name }).from(people).innerJoin(units, eq(units.id, people.unitId));
}

export async function listPeople(db: Executor, scope: Scope, f: PeopleFilter) {
  const where = and(
    peopleInScope(scope),
    isNull(people.deletedAt),
    f.unitId ? eq(people.unitId, f.unitId) : undefined,
    f.q ? or(ilike(people.name, `%${f.q}%`), ilike(people.post, `%${f.q}%`)) : undefined,
  );
  const desc_ = f.sort?.startsWith('-');
  const key = (f.sort?.replace(/^-/, '') ?? 'unitName') as keyof typeof PEOPLE_SORT;
  const col = PEOPLE_SORT[key] ?? units.name;
  const items = await peopleSelect(db)
    .where(where)
    .orderBy(desc_ ? desc(col) : asc(col), desc(people.isLeader), asc(people.name))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const [{ n }] = await db.select({ n: count() }).from(people).where(where);
  return { items, total: Number(n) };
}

export async function getPerson(db: Executor, scope: Scope, id: string) {
  const [row] = await peopleSelect(db).where(and(peopleInScope(scope), isNull(people.deletedAt), eq(people.id, id)));
  return row;
}

export async function visiblePersonIds(db: Executor, scope: Scope, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(peopleInScope(scope), isNull(people.deletedAt), inArray(people.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function peopleOfRegion(db: Executor, regionId: string) {
  return peopleSelect(db)
    .where(and(eq(people.regionId, regionId), isNull(people.deletedAt)))
    .orderBy(asc(units.sortOrder), asc(units.code), desc(people.isLeader), asc(people.name));
}

export async function insertPeople(db: Executor, values: (typeof people.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(people).values(values).returning();
}

export async function updatePerson(db: Executor, id: string, version: number, patch: Partial<PersonRow>) {
  return updateAtVersion(db, people, id, version, patch, isNull(people.deletedAt));
}

export async function postsOf(db: Executor, personId: string) {
  return db
    .select({ post: personPosts, unitName: units.name })
    .from(personPosts)
    .innerJoin(units, eq(units.id, personPosts.unitId))
    .where(eq(personPosts.personId, personId))
    .orderBy(desc(personPosts.from));
}

export async function insertPosts(db: Executor, values: (typeof personPosts.$inferInsert)[]) {
  if (values.length) await db.insert(personPosts).values(values);
}

export async function closeOpenPost(db: Executor, personId: string, to: string) {
  await db
    .update(personPosts)
    .set({ to })
    .where(and(eq(personPosts.personId, personId), isNull(personPosts.to)));
}

// ---------- groups

export interface GroupFilter {
  kind?: GroupRow['kind'];
  /** Part of the name. */
  q?: string;
}

const groupsWhere = (scope: Scope, f: GroupFilter) =>
  and(
    groupsInScope(scope),
    isNull(groups.deletedAt),
    f.kind ? eq(groups.kind, f.kind) : undefined,
    f.q ? ilike(groups.name, `%${f.q}%`) : undefined,
  );

/** The groups in scope, in their display order; one page of them when `p` is given. */
export async function listGroups(db: Executor, scope: Scope, f: GroupFilter, p?: PageRequest) {
  const query = db
    .select({ group: groups, leaderName: people.name })
    .from(groups)
    .leftJoin(people, eq(people.id, groups.leaderPersonId))
    .where(groupsWhere(scope, f))
    .orderBy(asc(groups.kind), asc(groups.sortOrder), asc(groups.name), asc(groups.id));
  return p ? query.limit(p.pageSize).offset((p.page - 1) * p.pageSize) : query;
}

export async function countGroups(db: Executor, scope: Scope, f: GroupFilter) {
  const [{ n }] = await db.select({ n: count() }).from(groups).where(groupsWhere(scope, f));
  return Number(n);
}

export async function getGroup(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select({ group: groups, leaderName: people.name })
    .from(groups)
    .leftJoin(people, eq(people.id, groups.leaderPersonId))
    .where(and(groupsInScope(scope), isNull(groups.deletedAt), eq(groups.id, id)));
  return row;
}

export async function groupLinks(db: Executor, groupIds: string[]) {
  if (groupIds.length === 0) return { members: [], units: [] };
  const m = await db.select().from(groupMembers).where(inArray(groupMembers.groupId, groupIds));
  const u = await db.select().from(groupUnits).where(inArray(groupUnits.groupId, groupIds));
  return { members: m, units: u };
}

export async function insertGroup(db: Executor, values: typeof groups.$inferInsert) {
  const [row] = await db.insert(groups).values(values).returning();
  return row;
}

export async function updateGroup(db: Executor, id: string, version: number, patch: Partial<GroupRow>) {
  return updateAtVersion(db, groups, id, version, patch, isNull(groups.deletedAt));
}

export async function replaceGroupLinks(db: Executor, groupId: string, memberIds: string[], unitIds: string[]) {
  await db.delete(groupMembers).where(eq(groupMembers.groupId, groupId));
  await db.delete(groupUnits).where(eq(groupUnits.groupId, groupId));
  if (memberIds.length) await db.insert(groupMembers).values(memberIds.map((personId) => ({ groupId, personId })));
  if (unitIds.length) await db.insert(groupUnits).values(unitIds.map((unitId) => ({ groupId, unitId })));
}
