import { and, arrayContains, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { selectPage } from '../../platform/db/paging.js';
import { webhookDeliveries, webhookSubscriptions } from './notifications.tables.js';

export type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** The scope of a subscription is its owner: every query takes the owner's user id. */
export async function listSubscriptions(db: Executor, ownerUserId: string, f: { page: number; pageSize: number }) {
  const where = eq(webhookSubscriptions.ownerUserId, ownerUserId);
  return selectPage(
    db,
    webhookSubscriptions,
    where,
    [desc(webhookSubscriptions.createdAt), desc(webhookSubscriptions.id)],
    f,
  );
}

export async function findSubscription(db: Executor, ownerUserId: string | null, id: string) {
  const [row] = await db
    .select()
    .from(webhookSubscriptions)
    .where(
      and(eq(webhookSubscriptions.id, id), ownerUserId ? eq(webhookSubscriptions.ownerUserId, ownerUserId) : undefined),
    );
  return row as SubscriptionRow | undefined;
}

export async function insertSubscription(db: Executor, values: typeof webhookSubscriptions.$inferInsert) {
  const [row] = await db.insert(webhookSubscriptions).values(values).returning();
  return row;
}

export async function updateSubscription(
  db: Executor,
  ownerUserId: string,
  id: string,
  version: number,
  patch: Partial<typeof webhookSubscriptions.$inferInsert>,
) {
  const [row] = await db
    .update(webhookSubscriptions)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(webhookSubscriptions.id, id),
        eq(webhookSubscriptions.ownerUserId, ownerUserId),
        eq(webhookSubscriptions.version, version),
      ),
    )
    .returning();
  return row as SubscriptionRow | undefined;
}

export async function deleteSubscription(db: Executor, ownerUserId: string, id: string) {
  const rows = await db
    .delete(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.ownerUserId, ownerUserId)))
    .returning({ id: webhookSubscriptions.id });
  return rows.length > 0;
}

export async function activeSubscriptionsFor(db: Executor, event: string) {
  return db
    .select({ id: webhookSubscriptions.id })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.active, true), arrayContains(webhookSubscriptions.events, [event])));
}

export async function insertDeliveries(db: Executor, rows: (typeof webhookDeliveries.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(webhookDeliveries).values(rows).returning();
}

export async function listDeliveries(
  db: Executor,
  subscriptionId: string,
  f: { page: number; pageSize: number; status?: WebhookDeliveryRow['status'] },
) {
  const where = and(
    eq(webhookDeliveries.subscriptionId, subscriptionId),
    f.status ? eq(webhookDeliveries.status, f.status) : undefined,
  );
  return selectPage(db, webhookDeliveries, where, [desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id)], f);
}

/** Claims due deliveries (lease like the message deliveries), with their subscriptions. */
export async function claimDue(db: Executor, now: Date, leaseUntil: Date, limit: number) {
  const due = db
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
    .orderBy(webhookDeliveries.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(webhookDeliveries)
    .set({ nextAttemptAt: leaseUntil })
    .where(inArray(webhookDeliveries.id, due))
    .returning({ id: webhookDeliveries.id });
  if (claimed.length === 0) return [];
  return db
    .select({ delivery: webhookDeliveries, subscription: webhookSubscriptions })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(
      inArray(
        webhookDeliveries.id,
        claimed.map((c) => c.id),
      ),
    );
}

export async function updateDelivery(db: Executor, id: string, patch: Partial<WebhookDeliveryRow>) {
  await db.update(webhookDeliveries).set(patch).where(eq(webhookDeliveries.id, id));
}
