import { type SQL, and, count, desc, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { type Together, onPage, readByShape, splitTotal, totalOn } from '../../platform/db/prepared.js';
import { selectPage } from '../../platform/db/paging.js';
import { notificationDeliveries, notifications } from './notifications.tables.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NotificationInsert = typeof notifications.$inferInsert;
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;

/**
 * The scope of this module is the recipient: every query on messages takes the caller's user id
 * and never returns another user's rows.
 */
export interface Recipient {
  userId: string;
}

// ---------- messages

export async function insertNotifications(db: Executor, rows: NotificationInsert[], skipDuplicates = false) {
  if (rows.length === 0) return [];
  const q = db.insert(notifications).values(rows);
  return skipDuplicates ? q.onConflictDoNothing().returning() : q.returning();
}

export interface ListFilter {
  page: number;
  pageSize: number;
  unread?: boolean;
}

export async function list(db: Executor, scope: Recipient, f: ListFilter) {
  const where = and(eq(notifications.userId, scope.userId), f.unread ? isNull(notifications.readAt) : undefined);
  const order = [sql`${notifications.readAt} IS NULL DESC`, desc(notifications.createdAt), desc(notifications.id)];
  return selectPage(db, notifications, where, order, f);
}

/**
 * The first page of `list` — id, title and link of each message — and its total, from one statement per filter
 * shape prepared under a name (home's preview, issue #19: `list` builds a page and a count in Drizzle per request).
 * The total rides on the rows (a scalar subquery, run once): only a first page, which has rows whenever the total
 * is not 0. notifications.test.ts checks it answers what `list` answers.
 */
export async function previewPrepared(
  db: Executor,
  scope: Recipient,
  f: Omit<ListFilter, 'page'>,
  together?: Together,
) {
  const shape = { unread: !!f.unread, limit: Math.trunc(f.pageSize) };
  const rows = await previewOf(db, shape, { userId: scope.userId }, together);
  return splitTotal(rows);
}

const previewOf = readByShape('notifications_preview', (db, s: { unread: boolean; limit: number }) => {
  const where = and(
    eq(notifications.userId, sql.placeholder('userId')),
    s.unread ? isNull(notifications.readAt) : undefined,
  ) as SQL;
  const order = [sql`${notifications.readAt} IS NULL DESC`, desc(notifications.createdAt), desc(notifications.id)];
  return db
    .select({
      id: notifications.id,
      title: notifications.title,
      link: notifications.link,
      total: totalOn(notifications, where),
    })
    .from(notifications)
    .where(onPage(db, notifications, where, order, { limit: s.limit }))
    .orderBy(...order);
});

export async function unreadCount(db: Executor, scope: Recipient): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, scope.userId), isNull(notifications.readAt)));
  return Number(n);
}

export async function find(db: Executor, scope: Recipient, id: string): Promise<NotificationRow | undefined> {
  const [row] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, scope.userId)));
  return row;
}

/** Marks one message read (keeps the first read time). */
export async function markRead(db: Executor, scope: Recipient, id: string, at: Date) {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at})` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, scope.userId)))
    .returning();
  return row;
}

export async function markAllRead(db: Executor, scope: Recipient, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, scope.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

// ---------- deliveries

export async function insertDeliveries(db: Executor, rows: (typeof notificationDeliveries.$inferInsert)[]) {
  if (rows.length === 0) return;
  await db.insert(notificationDeliveries).values(rows);
}

export interface DueDelivery {
  delivery: DeliveryRow;
  notification: NotificationRow;
}

/**
 * Claims up to `limit` due deliveries by pushing their next attempt past `leaseUntil`, so a
 * concurrent run (another instance, or a manual run) skips them; returns them with their message.
 */
export async function claimDue(db: Executor, now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]> {
  const due = db
    .select({ id: notificationDeliveries.id })
    .from(notificationDeliveries)
    .where(and(eq(notificationDeliveries.status, 'pending'), lte(notificationDeliveries.nextAttemptAt, now)))
    .orderBy(notificationDeliveries.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(notificationDeliveries)
    .set({ nextAttemptAt: leaseUntil })
    .where(inArray(notificationDeliveries.id, due))
    .returning({ id: notificationDeliveries.id });
  if (claimed.length === 0) return [];
  return db
    .select({ delivery: notificationDeliveries, notification: notifications })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(
      inArray(
        notificationDeliveries.id,
        claimed.map((c) => c.id),
      ),
    );
}

export async function updateDelivery(db: Executor, id: string, patch: Partial<DeliveryRow>) {
  await db.update(notificationDeliveries).set(patch).where(eq(notificationDeliveries.id, id));
}

export async function deliveriesOf(db: Executor, notificationIds: string[]): Promise<DeliveryRow[]> {
  if (notificationIds.length === 0) return [];
  return db
    .select()
    .from(notificationDeliveries)
    .where(inArray(notificationDeliveries.notificationId, notificationIds));
}

/** Users among `userIds` who already have the digest of `day`. */
export async function digestSentTo(db: Executor, userIds: string[], day: string): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(
      and(eq(notifications.kind, 'digest'), eq(notifications.entityId, day), inArray(notifications.userId, userIds)),
    );
  return rows.map((r) => r.userId);
}

/** A user's messages since `since`, newest first (the digest's quiet messages). */
export async function recentOf(db: Executor, userId: string, since: Date) {
  return db
    .select({
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), gt(notifications.createdAt, since)))
    .orderBy(desc(notifications.createdAt))
    .limit(500);
}
