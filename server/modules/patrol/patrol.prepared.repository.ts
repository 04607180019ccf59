/**
 * The findings list's first page as home's preview reads it (issue #19): the rows `listFindings` answers (ids,
 * codes, titles) with their units' names, and its total, from one statement built once per filter shape and
 * prepared under a name. The preview used to make three round trips (page, count, unit names), each built in
 * Drizzle per request; the WHERE here repeats `groupScope` and the filters with placeholders, and
 * patrol.prepared.test.ts checks both answer the same.
 */
import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { type Together, onPage, readByShape, splitTotal, totalOn } from '../../platform/db/prepared.js';
import { unitDirectory } from '../org/org.directory.js';
import type { PatrolScope } from './patrol.repository.js';
import { patrolFindings } from './patrol.tables.js';

const P = sql.placeholder;
const FALSE = sql`false`;
const EQUALS = {
  mergedIntoId: patrolFindings.mergedIntoId,
  groupId: patrolFindings.groupId,
  taskId: patrolFindings.taskId,
  inspectionId: patrolFindings.inspectionId,
  unitId: patrolFindings.unitId,
  state: patrolFindings.state,
} as const;
type Filtered = keyof typeof EQUALS;

interface Shape {
  /** 'region': a manager's; 'groups': the caller's groups; 'none': no group, nothing. */
  scope: 'region' | 'groups' | 'none';
  equals: Filtered[];
  oldestFirst: boolean;
  /** LIMIT written into the text, so that the statement runs its generic plan (decision 023). */
  limit: number;
}

function whereOf(s: Shape): SQL {
  if (s.scope === 'none') return FALSE;
  return and(
    eq(patrolFindings.regionId, P('regionId')),
    s.scope === 'groups' ? sql`${patrolFindings.groupId} = ANY(${P('groupIds')}::uuid[])` : undefined,
    ...s.equals.map((k) => eq(EQUALS[k], P(k))),
  ) as SQL;
}

const unit = unitDirectory('unit');

/** The page in the list's order, each unit's name as `unitNames` gives it, the total on every row (run once). */
const previewOf = readByShape('findings_preview', (db, s: Shape) => {
  const where = whereOf(s);
  const order = s.oldestFirst
    ? [sql`${patrolFindings.createdAt} ASC NULLS FIRST`, sql`${patrolFindings.code} ASC NULLS FIRST`]
    : [sql`${patrolFindings.createdAt} DESC NULLS LAST`, sql`${patrolFindings.code} DESC NULLS LAST`];
  return db
    .select({
      id: patrolFindings.id,
      code: patrolFindings.code,
      title: patrolFindings.title,
      unitName: sql<string>`coalesce(nullif(${unit.shortName}, ''), ${unit.name}, '')`,
      total: totalOn(patrolFindings, where),
    })
    .from(patrolFindings)
    .leftJoin(unit, eq(unit.id, patrolFindings.unitId))
    .where(onPage(db, patrolFindings, where, order, { limit: s.limit }))
    .orderBy(...order);
});

/**
 * The first page of `listFindings` (no search) with each finding's unit name, and its total. Only a first page: the
 * total rides on the rows, and a page past the end would have none.
 */
export async function previewFindingsPrepared(
  db: Executor,
  scope: PatrolScope,
  f: Partial<Record<Filtered, string>> & { sort?: string; pageSize: number },
  together?: Together,
) {
  if (!scope.regionId) return { items: [], total: 0 };
  const shape: Shape = {
    scope: scope.manager ? 'region' : scope.groupIds.length > 0 ? 'groups' : 'none',
    equals: (Object.keys(EQUALS) as Filtered[]).filter((k) => f[k]),
    oldestFirst: f.sort === 'createdAt',
    limit: f.pageSize,
  };
  if (shape.scope === 'none') return { items: [], total: 0 };
  const rows = await previewOf(db, shape, { ...f, regionId: scope.regionId, groupIds: scope.groupIds }, together);
  return splitTotal(rows);
}
