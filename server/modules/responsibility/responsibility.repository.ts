import { type SQL, and, asc, count, desc, eq, ilike, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import { type Executor, rowsOf } from '../../platform/db/client.js';
import { selectPage } from '../../platform/db/paging.js';
import { containsPattern } from '../../platform/db/like.js';
import { updateAtVersion } from '../../platform/db/versioned.js';
import type { TListDispatches, TListResponsibilityItems } from '../../../common/responsibility.schema.js';
import {
  dispatchCodeSeq,
  dispatchEvents,
  dispatchItems,
  dispatches,
  fulfilmentFiles,
  fulfilments,
  responsibilityItems,
} from './responsibility.tables.js';

export type CatalogueRow = typeof responsibilityItems.$inferSelect;
export type DispatchRow = typeof dispatches.$inferSelect;
export type DispatchItemRow = typeof dispatchItems.$inferSelect;

const FALSE = sql`false`;

// ---------- catalogue

const catalogueWhere = (regionId: string, f: Omit<TListResponsibilityItems, 'page' | 'pageSize' | 'sort'>) => {
  const q = f.q?.trim();
  return and(
    eq(responsibilityItems.regionId, regionId),
    isNull(responsibilityItems.deletedAt),
    f.subjectKind ? eq(responsibilityItems.subjectKind, f.subjectKind) : undefined,
    f.frequency ? eq(responsibilityItems.frequency, f.frequency) : undefined,
    f.active ? eq(responsibilityItems.active, f.active === 'true') : undefined,
    q
      ? or(
          ilike(responsibilityItems.content, containsPattern(q)),
          ilike(responsibilityItems.category, containsPattern(q)),
          ilike(responsibilityItems.target, containsPattern(q)),
        )
      : undefined,
  );
};

const CATALOGUE_SORTS: Record<string, SQL[]> = {
  subjectKind: [asc(responsibilityItems.subjectKind), asc(responsibilityItems.sortOrder)],
  category: [asc(responsibilityItems.category), asc(responsibilityItems.sortOrder)],
  '-updatedAt': [desc(responsibilityItems.updatedAt)],
};

export function listCatalogue(db: Executor, regionId: string, f: TListResponsibilityItems) {
  const order = [...(CATALOGUE_SORTS[f.sort ?? 'subjectKind'] ?? []), asc(responsibilityItems.id)];
  return selectPage(db, responsibilityItems, catalogueWhere(regionId, f), order, f);
}

export async function getCatalogueItem(db: Executor, regionId: string, id: string) {
  const [row] = await db
    .select()
    .from(responsibilityItems)
    .where(
      and(
        eq(responsibilityItems.id, id),
        eq(responsibilityItems.regionId, regionId),
        isNull(responsibilityItems.deletedAt),
      ),
    );
  return row;
}

export async function catalogueItems(db: Executor, regionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(responsibilityItems)
    .where(
      and(
        eq(responsibilityItems.regionId, regionId),
        inArray(responsibilityItems.id, ids),
        isNull(responsibilityItems.deletedAt),
      ),
    );
}

export async function insertCatalogue(db: Executor, values: (typeof responsibilityItems.$inferInsert)[]) {
  if (values.length === 0) return [];
  return db.insert(responsibilityItems).values(values).returning();
}

export async function updateCatalogue(
  db: Executor,
  id: string,
  version: number,
  patch: Partial<typeof responsibilityItems.$inferInsert>,
) {
  return updateAtVersion(db, responsibilityItems, id, version, patch);
}

// ---------- dispatches

/** Region-wide roles see the region's lists; others their own (as the leader) and their units'. */
export function dispatchScope(scope: Scope): SQL {
  if (!scope.regionId) return FALSE;
  const visible = scope.allUnits
    ? undefined
    : or(
        scope.unitIds.length ? inArray(dispatches.unitId, scope.unitIds) : FALSE,
        scope.personId ? eq(dispatches.recipientPersonId, scope.personId) : FALSE,
      );
  return and(eq(dispatches.regionId, scope.regionId), isNull(dispatches.deletedAt), visible) as SQL;
}

const DISPATCH_SORTS: Record<string, SQL> = {
  '-createdAt': desc(dispatches.createdAt),
  code: asc(dispatches.code),
  '-code': desc(dispatches.code),
};

export function listDispatches(db: Executor, scope: Scope, f: TListDispatches, mine: SQL | undefined, today: string) {
  const q = f.q?.trim();
  const overdue = sql`${dispatches.state} <> 'closed' AND EXISTS (SELECT 1 FROM ${dispatchItems} WHERE ${dispatchItems.dispatchId} = ${dispatches.id} AND ${dispatchItems.fulfilledOn} IS NULL AND ${dispatchItems.deadline} < ${today})`;
  const where = and(
    dispatchScope(scope),
    mine,
    f.kind ? eq(dispatches.kind, f.kind) : undefined,
    f.year ? eq(dispatches.year, f.year) : undefined,
    f.quarter ? eq(dispatches.quarter, f.quarter) : undefined,
    f.recipientKind ? eq(dispatches.recipientKind, f.recipientKind) : undefined,
    f.recipientPersonId ? eq(dispatches.recipientPersonId, f.recipientPersonId) : undefined,
    f.unitId ? eq(dispatches.unitId, f.unitId) : undefined,
    f.state ? eq(dispatches.state, f.state) : undefined,
    f.sourceType ? eq(dispatches.sourceType, f.sourceType) : undefined,
    f.sourceId ? eq(dispatches.sourceId, f.sourceId) : undefined,
    f.overdue === 'true' ? overdue : f.overdue === 'false' ? sql`NOT (${overdue})` : undefined,
    q ? or(ilike(dispatches.title, containsPattern(q)), eq(dispatches.code, q.toUpperCase())) : undefined,
  );
  return selectPage(db, dispatches, where, [DISPATCH_SORTS[f.sort ?? '-createdAt'], desc(dispatches.code)], f);
}

export async function getDispatch(db: Executor, scope: Scope, id: string) {
  const [row] = await db
    .select()
    .from(dispatches)
    .where(and(dispatchScope(scope), eq(dispatches.id, id)));
  return row;
}

export async function nextCodes(db: Executor, year: number, n: number): Promise<string[]> {
  const rows = rowsOf<{ n: string }>(
    await db.execute(sql`SELECT nextval(${dispatchCodeSeq.seqName}) AS n FROM generate_series(1, ${n})`),
  );
  return rows.map((r) => `PD${year}-${String(r.n).padStart(5, '0')}`);
}

export async function insertDispatch(db: Executor, values: typeof dispatches.$inferInsert) {
  const [row] = await db.insert(dispatches).values(values).returning();
  return row;
}

export async function insertItems(db: Executor, values: (typeof dispatchItems.$inferInsert)[]) {
  if (values.length) await db.insert(dispatchItems).values(values);
}

export async function updateDispatch(db: Executor, id: string, version: number, patch: Partial<DispatchRow>) {
  return updateAtVersion(db, dispatches, id, version, patch, isNull(dispatches.deletedAt));
}

export async function insertEvent(db: Executor, values: typeof dispatchEvents.$inferInsert) {
  await db.insert(dispatchEvents).values(values);
}

export function eventsOf(db: Executor, dispatchId: string) {
  return db
    .select()
    .from(dispatchEvents)
    .where(eq(dispatchEvents.dispatchId, dispatchId))
    .orderBy(asc(dispatchEvents.at));
}

export function itemsOf(db: Executor, dispatchIds: string[]) {
  if (dispatchIds.length === 0) return Promise.resolve([] as DispatchItemRow[]);
  return db
    .select()
    .from(dispatchItems)
    .where(inArray(dispatchItems.dispatchId, dispatchIds))
    .orderBy(asc(dispatchItems.sortOrder), asc(dispatchItems.id));
}

/** Items and fulfilled items per dispatch, for list pages. */
export async function itemCounts(db: Executor, dispatchIds: string[]) {
  if (dispatchIds.length === 0) return new Map<string, { n: number; done: number }>();
  const rows = await db
    .select({
      id: dispatchItems.dispatchId,
      n: count(),
      done: sql<number>`count(${dispatchItems.fulfilledOn})::int`,
    })
    .from(dispatchItems)
    .where(inArray(dispatchItems.dispatchId, dispatchIds))
    .groupBy(dispatchItems.dispatchId);
  return new Map(rows.map((r) => [r.id, { n: Number(r.n), done: Number(r.done) }]));
}

export async function fulfilmentsOf(db: Executor, dispatchIds: string[]) {
  if (dispatchIds.length === 0) return [];
  return db
    .select()
    .from(fulfilments)
    .where(inArray(fulfilments.dispatchId, dispatchIds))
    .orderBy(asc(fulfilments.doneOn), asc(fulfilments.createdAt));
}

export async function filesOf(db: Executor, dispatchIds: string[]) {
  if (dispatchIds.length === 0) return [];
  return db
    .select({
      id: fulfilmentFiles.id,
      fulfilmentId: fulfilmentFiles.fulfilmentId,
      name: fulfilmentFiles.name,
      size: fulfilmentFiles.size,
    })
    .from(fulfilmentFiles)
    .where(inArray(fulfilmentFiles.dispatchId, dispatchIds))
    .orderBy(asc(fulfilmentFiles.createdAt));
}

export async function insertFulfilment(db: Executor, values: typeof fulfilments.$inferInsert) {
  const [row] = await db.insert(fulfilments).values(values).returning();
  return row;
}

/** The first record fulfils the item; its date decides whether it was on time. */
export async function markFulfilled(db: Executor, itemId: string, doneOn: string, late: boolean) {
  await db
    .update(dispatchItems)
    .set({ fulfilledOn: doneOn, late })
    .where(and(eq(dispatchItems.id, itemId), isNull(dispatchItems.fulfilledOn)));
}

export async function getFulfilment(db: Executor, dispatchId: string, id: string) {
  const [row] = await db
    .select()
    .from(fulfilments)
    .where(and(eq(fulfilments.id, id), eq(fulfilments.dispatchId, dispatchId)));
  return row;
}

export async function insertFile(db: Executor, values: typeof fulfilmentFiles.$inferInsert) {
  const [row] = await db
    .insert(fulfilmentFiles)
    .values(values)
    .returning({ id: fulfilmentFiles.id, name: fulfilmentFiles.name, size: fulfilmentFiles.size });
  return row;
}

export async function getFile(db: Executor, dispatchId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(fulfilmentFiles)
    .where(and(eq(fulfilmentFiles.id, fileId), eq(fulfilmentFiles.dispatchId, dispatchId)));
  return row;
}
