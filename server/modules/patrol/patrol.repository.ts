import { type SQL, and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { type PageRequest, selectPage } from '../../platform/db/paging.js';
import { containsPattern } from '../../platform/db/like.js';
import { updateAtVersion } from '../../platform/db/versioned.js';
import {
  patrolCases,
  patrolCirculars,
  patrolEvents,
  patrolFiles,
  patrolFindings,
  patrolGroupReviews,
  patrolInspections,
  patrolTasks,
} from './patrol.tables.js';

export type TaskRow = typeof patrolTasks.$inferSelect;
export type InspectionRow = typeof patrolInspections.$inferSelect;
export type FindingRow = typeof patrolFindings.$inferSelect;
export type CircularRow = typeof patrolCirculars.$inferSelect;
export type TypicalCaseRow = typeof patrolCases.$inferSelect;

/**
 * What the caller may see of the patrol work: the office (manager) sees the region, a patrol group
 * its own group's tasks, inspections and findings, everybody else nothing (independence rule).
 */
export interface PatrolScope {
  regionId: string | null;
  manager: boolean;
  groupIds: string[];
}

const FALSE = sql`false`;
type GroupOwned = typeof patrolTasks | typeof patrolInspections | typeof patrolFindings;

function groupScope(scope: PatrolScope, t: GroupOwned): SQL {
  if (!scope.regionId) return FALSE;
  if (scope.manager) return eq(t.regionId, scope.regionId);
  if (scope.groupIds.length === 0) return FALSE;
  return and(eq(t.regionId, scope.regionId), inArray(t.groupId, scope.groupIds)) as SQL;
}

const page = (p: { page: number; pageSize: number }) => ({ limit: p.pageSize, offset: (p.page - 1) * p.pageSize });

/** Next yearly serial number of a region, e.g. 督交〔2026〕7号 → 7. */
export async function nextSerial(db: Executor, kind: 'task' | 'finding' | 'circular', regionId: string, year: number) {
  const table = { task: patrolTasks, finding: patrolFindings, circular: patrolCirculars }[kind];
  const [{ n }] = await db
    .select({ n: count() })
    .from(table)
    .where(
      and(
        eq(table.regionId, regionId),
        sql`extract(year from ${table.createdAt} at time zone 'Asia/Shanghai') = ${year}`,
      ),
    );
  return Number(n) + 1;
}

// Tasks
const TASK_SORTS: Record<string, SQL[]> = {
  deadline: [asc(patrolTasks.deadline)],
  '-deadline': [desc(patrolTasks.deadline)],
};

export async function listTasks(
  db: Executor,
  scope: PatrolScope,
  f: { groupId?: string; state?: string; q?: string; sort?: string; page: number; pageSize: number },
) {
  const where = and(
    groupScope(scope, patrolTasks),
    f.groupId ? eq(patrolTasks.groupId, f.groupId) : undefined,
    f.state ? eq(patrolTasks.state, f.state) : undefined,
    f.q ? or(ilike(patrolTasks.title, containsPattern(f.q)), ilike(patrolTasks.code, containsPattern(f.q))) : undefined,
  );
  const { limit, offset } = page(f);
  const items = await db
    .select()
    .from(patrolTasks)
    .where(where)
    .orderBy(...(TASK_SORTS[f.sort ?? ''] ?? []), desc(patrolTasks.createdAt), desc(patrolTasks.code))
    .limit(limit)
    .offset(offset);
  const [{ n }] = await db.select({ n: count() }).from(patrolTasks).where(where);
  return { items, total: Number(n) };
}

export async function getTask(db: Executor, scope: PatrolScope, id: string) {
  const [row] = await db
    .select()
    .from(patrolTasks)
    .where(and(groupScope(scope, patrolTasks), eq(patrolTasks.id, id)));
  return row;
}

export async function insertTask(db: Executor, values: typeof patrolTasks.$inferInsert) {
  const [row] = await db.insert(patrolTasks).values(values).returning();
  return row;
}

export async function updateTask(db: Executor, id: string, version: number, patch: Partial<TaskRow>) {
  return updateAtVersion(db, patrolTasks, id, version, patch);
}

// Inspections
export async function listInspections(
  db: Executor,
  scope: PatrolScope,
  f: { groupId?: string; taskId?: string; page: number; pageSize: number },
) {
  const where = and(
    groupScope(scope, patrolInspections),
    f.groupId ? eq(patrolInspections.groupId, f.groupId) : undefined,
    f.taskId ? eq(patrolInspections.taskId, f.taskId) : undefined,
  );
  const { limit, offset } = page(f);
  const items = await db
    .select()
    .from(patrolInspections)
    .where(where)
    .orderBy(desc(patrolInspections.date), desc(patrolInspections.createdAt))
    .limit(limit)
    .offset(offset);
  const [{ n }] = await db.select({ n: count() }).from(patrolInspections).where(where);
  return { items, total: Number(n) };
}

export async function getInspection(db: Executor, scope: PatrolScope, id: string) {
  const [row] = await db
    .select()
    .from(patrolInspections)
    .where(and(groupScope(scope, patrolInspections), eq(patrolInspections.id, id)));
  return row;
}

export async function insertInspection(db: Executor, values: typeof patrolInspections.$inferInsert) {
  const [row] = await db.insert(patrolInspections).values(values).returning();
  return row;
}

export async function insertFile(db: Executor, values: typeof patrolFiles.$inferInsert) {
  const [row] = await db.insert(patrolFiles).values(values).returning({
    id: patrolFiles.id,
    name: patrolFiles.name,
    mime: patrolFiles.mime,
    size: patrolFiles.size,
    createdAt: patrolFiles.createdAt,
  });
  return row;
}

export async function filesOf(db: Executor, inspectionId: string) {
  return db
    .select({
      id: patrolFiles.id,
      name: patrolFiles.name,
      mime: patrolFiles.mime,
      size: patrolFiles.size,
      createdAt: patrolFiles.createdAt,
    })
    .from(patrolFiles)
    .where(eq(patrolFiles.inspectionId, inspectionId))
    .orderBy(asc(patrolFiles.createdAt));
}

export async function getFile(db: Executor, inspectionId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(patrolFiles)
    .where(and(eq(patrolFiles.inspectionId, inspectionId), eq(patrolFiles.id, fileId)));
  return row;
}

// Findings
export async function listFindings(
  db: Executor,
  scope: PatrolScope,
  f: {
    groupId?: string;
    taskId?: string;
    inspectionId?: string;
    unitId?: string;
    state?: string;
    q?: string;
    mergedIntoId?: string;
    sort?: string;
    page: number;
    pageSize: number;
  },
) {
  const where = and(
    groupScope(scope, patrolFindings),
    f.mergedIntoId ? eq(patrolFindings.mergedIntoId, f.mergedIntoId) : undefined,
    f.groupId ? eq(patrolFindings.groupId, f.groupId) : undefined,
    f.taskId ? eq(patrolFindings.taskId, f.taskId) : undefined,
    f.inspectionId ? eq(patrolFindings.inspectionId, f.inspectionId) : undefined,
    f.unitId ? eq(patrolFindings.unitId, f.unitId) : undefined,
    f.state ? eq(patrolFindings.state, f.state) : undefined,
    f.q
      ? or(ilike(patrolFindings.title, containsPattern(f.q)), ilike(patrolFindings.description, containsPattern(f.q)))
      : undefined,
  );
  const { limit, offset } = page(f);
  const items = await db
    .select()
    .from(patrolFindings)
    .where(where)
    // Newest first by default, in the order of indexes patrol_findings_region_idx / _group_idx (NULLS LAST included).
    .orderBy(
      ...(f.sort === 'createdAt'
        ? [sql`${patrolFindings.createdAt} ASC NULLS FIRST`, sql`${patrolFindings.code} ASC NULLS FIRST`]
        : [sql`${patrolFindings.createdAt} DESC NULLS LAST`, sql`${patrolFindings.code} DESC NULLS LAST`]),
    )
    .limit(limit)
    .offset(offset);
  const [{ n }] = await db.select({ n: count() }).from(patrolFindings).where(where);
  return { items, total: Number(n) };
}

export async function getFinding(db: Executor, scope: PatrolScope, id: string) {
  const [row] = await db
    .select()
    .from(patrolFindings)
    .where(and(groupScope(scope, patrolFindings), eq(patrolFindings.id, id)));
  return row;
}

/** The findings of `ids` the scope may see (a batch check). */
export async function visibleFindings(db: Executor, scope: PatrolScope, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(patrolFindings)
    .where(and(groupScope(scope, patrolFindings), inArray(patrolFindings.id, ids)));
}

export async function insertFinding(db: Executor, values: typeof patrolFindings.$inferInsert) {
  const [row] = await db.insert(patrolFindings).values(values).returning();
  return row;
}

export async function updateFinding(db: Executor, id: string, version: number, patch: Partial<FindingRow>) {
  return updateAtVersion(db, patrolFindings, id, version, patch);
}

// Events
export async function insertEvent(db: Executor, values: typeof patrolEvents.$inferInsert) {
  const [row] = await db.insert(patrolEvents).values(values).returning();
  return row;
}

export async function eventsOf(db: Executor, entityId: string) {
  return db.select().from(patrolEvents).where(eq(patrolEvents.entityId, entityId)).orderBy(asc(patrolEvents.at));
}

// Circulars and typical cases: managers see drafts; everybody else what was published to them.
function circularScope(scope: Scope, manager: boolean): SQL {
  if (!scope.regionId) return FALSE;
  const region = eq(patrolCirculars.regionId, scope.regionId);
  if (manager) return region;
  const audience =
    scope.allUnits || scope.groupIds.length
      ? undefined
      : scope.unitIds.length
        ? sql`(cardinality(${patrolCirculars.audienceUnitIds}) = 0 OR ${patrolCirculars.audienceUnitIds} && ARRAY[${sql.join(
            scope.unitIds.map((u) => sql`${u}::uuid`),
            sql`, `,
          )}])`
        : sql`cardinality(${patrolCirculars.audienceUnitIds}) = 0`;
  return and(region, eq(patrolCirculars.state, 'published'), audience) as SQL;
}

export async function listCirculars(db: Executor, scope: Scope, manager: boolean, p: PageRequest) {
  return selectPage(db, patrolCirculars, circularScope(scope, manager), [desc(patrolCirculars.createdAt)], p);
}

export async function getCircular(db: Executor, scope: Scope, manager: boolean, id: string) {
  const [row] = await db
    .select()
    .from(patrolCirculars)
    .where(and(circularScope(scope, manager), eq(patrolCirculars.id, id)));
  return row;
}

export async function insertCircular(db: Executor, values: typeof patrolCirculars.$inferInsert) {
  const [row] = await db.insert(patrolCirculars).values(values).returning();
  return row;
}

export async function updateCircular(db: Executor, id: string, version: number, patch: Partial<CircularRow>) {
  return updateAtVersion(db, patrolCirculars, id, version, patch);
}

function typicalCaseScope(regionId: string | null, manager: boolean): SQL {
  if (!regionId) return FALSE;
  return and(eq(patrolCases.regionId, regionId), manager ? undefined : eq(patrolCases.state, 'published')) as SQL;
}

export async function listTypicalCases(db: Executor, regionId: string | null, manager: boolean, p: PageRequest) {
  return selectPage(db, patrolCases, typicalCaseScope(regionId, manager), [desc(patrolCases.createdAt)], p);
}

export async function getTypicalCase(db: Executor, regionId: string | null, manager: boolean, id: string) {
  const [row] = await db
    .select()
    .from(patrolCases)
    .where(and(typicalCaseScope(regionId, manager), eq(patrolCases.id, id)));
  return row;
}

export async function insertTypicalCase(db: Executor, values: typeof patrolCases.$inferInsert) {
  const [row] = await db.insert(patrolCases).values(values).returning();
  return row;
}

export async function updateTypicalCase(db: Executor, id: string, version: number, patch: Partial<TypicalCaseRow>) {
  return updateAtVersion(db, patrolCases, id, version, patch);
}

// Group reviews
export async function listReviews(db: Executor, scope: PatrolScope, groupId?: string) {
  if (!scope.regionId || (!scope.manager && scope.groupIds.length === 0)) return [];
  return db
    .select()
    .from(patrolGroupReviews)
    .where(
      and(
        eq(patrolGroupReviews.regionId, scope.regionId),
        scope.manager ? undefined : inArray(patrolGroupReviews.groupId, scope.groupIds),
        groupId ? eq(patrolGroupReviews.groupId, groupId) : undefined,
      ),
    )
    .orderBy(desc(patrolGroupReviews.period), desc(patrolGroupReviews.createdAt));
}

export async function insertReview(db: Executor, values: typeof patrolGroupReviews.$inferInsert) {
  const [row] = await db.insert(patrolGroupReviews).values(values).returning();
  return row;
}
