import { and, asc, count, desc, eq, exists, ilike, inArray, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import { type Executor, readTogether } from '../../platform/db/client.js';
import type { PageRequest } from '../../platform/db/paging.js';
import { inScope } from './problems.repository.js';
import { commonProblemGroups, problems } from './problems.tables.js';

export async function insertCommonGroup(db: Executor, values: typeof commonProblemGroups.$inferInsert) {
  const [row] = await db.insert(commonProblemGroups).values(values).returning();
  return row;
}

export interface CommonGroupFilter extends PageRequest {
  /** Part of the title. */
  q?: string;
}

/**
 * One page of the 共性问题 the scope may see, newest first: every group of the region for those who
 * see every unit, otherwise only the groups that hold one of the caller's own problems. The count
 * is of the problems the caller can see.
 */
export async function pageCommonGroups(db: Executor, scope: Scope, withDrafts: boolean, f: CommonGroupFilter) {
  if (!scope.regionId) return { items: [], total: 0 };
  const member = and(eq(problems.commonGroupId, commonProblemGroups.id), inScope(scope, withDrafts));
  const where = and(
    eq(commonProblemGroups.regionId, scope.regionId),
    f.q ? ilike(commonProblemGroups.title, `%${f.q}%`) : undefined,
    scope.allUnits ? undefined : exists(db.select({ one: sql`1` }).from(problems).where(member)),
  );
  const [items, [{ n }]] = await readTogether(db, [
    () =>
      db
        .select({ group: commonProblemGroups, n: count(problems.id) })
        .from(commonProblemGroups)
        .leftJoin(problems, member)
        .where(where)
        .groupBy(commonProblemGroups.id)
        .orderBy(desc(commonProblemGroups.createdAt), asc(commonProblemGroups.id))
        .limit(f.pageSize)
        .offset((f.page - 1) * f.pageSize),
    () => db.select({ n: count() }).from(commonProblemGroups).where(where),
  ]);
  return { items, total: Number(n) };
}

export async function getCommonGroup(db: Executor, regionId: string, id: string) {
  const [row] = await db
    .select()
    .from(commonProblemGroups)
    .where(and(eq(commonProblemGroups.regionId, regionId), eq(commonProblemGroups.id, id)));
  return row;
}

export async function setCommonGroup(db: Executor, ids: string[], groupId: string) {
  if (ids.length) await db.update(problems).set({ commonGroupId: groupId }).where(inArray(problems.id, ids));
}
