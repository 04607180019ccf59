import { type SQL, and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Scope } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { type PageRequest, selectPage } from '../../platform/db/paging.js';
import { updateAtVersion } from '../../platform/db/versioned.js';
import { meetingItems, meetings } from './meetings.tables.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type ItemRow = typeof meetingItems.$inferSelect;

/** Managers see every meeting of the region; members see the meetings their unit sits in. */
function inScope(scope: Scope, manager: boolean): SQL {
  if (!scope.regionId) return sql`false`;
  const region = eq(meetings.regionId, scope.regionId);
  if (manager) return region;
  if (scope.unitIds.length === 0) return sql`false`;
  return and(
    region,
    sql`${meetings.memberUnitIds} && ARRAY[${sql.join(
      scope.unitIds.map((u) => sql`${u}::uuid`),
      sql`, `,
    )}]`,
  ) as SQL;
}

const SORTS: Record<string, SQL> = {
  '-scheduledAt': sql`${meetings.scheduledAt} DESC`,
  scheduledAt: sql`${meetings.scheduledAt} ASC`,
};

export async function list(db: Executor, scope: Scope, manager: boolean, f: PageRequest & { sort?: string }) {
  const order = [SORTS[f.sort ?? ''] ?? SORTS['-scheduledAt'], desc(meetings.id)];
  return selectPage(db, meetings, inScope(scope, manager), order, f);
}

export async function get(db: Executor, scope: Scope, manager: boolean, id: string) {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(inScope(scope, manager), eq(meetings.id, id)));
  return row;
}

export async function insert(db: Executor, values: typeof meetings.$inferInsert) {
  const [row] = await db.insert(meetings).values(values).returning();
  return row;
}

export async function update(db: Executor, id: string, version: number, patch: Partial<MeetingRow>) {
  return updateAtVersion(db, meetings, id, version, patch);
}

export async function itemsOf(db: Executor, meetingId: string) {
  return db.select().from(meetingItems).where(eq(meetingItems.meetingId, meetingId)).orderBy(asc(meetingItems.seq));
}

export async function insertItems(db: Executor, values: (typeof meetingItems.$inferInsert)[]) {
  if (values.length) await db.insert(meetingItems).values(values);
}

export async function updateItem(db: Executor, id: string, patch: Partial<ItemRow>) {
  await db.update(meetingItems).set(patch).where(eq(meetingItems.id, id));
}
