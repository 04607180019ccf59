import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { selectPage } from '../../platform/db/paging.js';
import { campaignSends, campaigns, notificationDeliveries, notifications } from './notifications.tables.js';

export type CampaignRow = typeof campaigns.$inferSelect;

/** The scope of campaigns is the caller's region. */
export async function list(
  db: Executor,
  regionId: string,
  f: { page: number; pageSize: number; state?: CampaignRow['state'] },
) {
  const where = and(eq(campaigns.regionId, regionId), f.state ? eq(campaigns.state, f.state) : undefined);
  return selectPage(db, campaigns, where, [desc(campaigns.createdAt), desc(campaigns.id)], f);
}

export async function find(db: Executor, regionId: string, id: string) {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, id), eq(campaigns.regionId, regionId)));
  return row as CampaignRow | undefined;
}

export async function insert(db: Executor, values: typeof campaigns.$inferInsert) {
  const [row] = await db.insert(campaigns).values(values).returning();
  return row;
}

export async function update(db: Executor, id: string, version: number, patch: Partial<CampaignRow>) {
  const [row] = await db
    .update(campaigns)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(campaigns.id, id), eq(campaigns.version, version)))
    .returning();
  return row as CampaignRow | undefined;
}

/** Every active campaign of every region (the scheduler). */
export async function active(db: Executor) {
  return db.select().from(campaigns).where(eq(campaigns.state, 'active'));
}

/**
 * Claims one occasion of a campaign: the unique index lets exactly one transaction insert it, so
 * two schedulers never send twice. Returns the send row, or undefined when it was sent already.
 */
export async function claimSend(db: Executor, campaignId: string, occasion: string, sentOn: string) {
  const [row] = await db
    .insert(campaignSends)
    .values({ campaignId, occasion, sentOn })
    .onConflictDoNothing()
    .returning();
  return row;
}

export async function setRecipients(db: Executor, sendId: string, recipients: number) {
  await db.update(campaignSends).set({ recipients }).where(eq(campaignSends.id, sendId));
}

/** Sends of a campaign with their outbound deliveries counted by status. */
export async function report(db: Executor, campaignId: string) {
  const sends = await db
    .select()
    .from(campaignSends)
    .where(eq(campaignSends.campaignId, campaignId))
    .orderBy(desc(campaignSends.sentOn));
  if (sends.length === 0) return [];
  const counts = await db
    .select({ sendId: notifications.entityId, status: notificationDeliveries.status, n: count() })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(
      and(
        eq(notifications.entityType, 'campaign_send'),
        inArray(
          notifications.entityId,
          sends.map((s) => s.id),
        ),
      ),
    )
    .groupBy(notifications.entityId, notificationDeliveries.status);
  return sends.map((s) => {
    const deliveries = { pending: 0, sent: 0, failed: 0 };
    for (const c of counts) if (c.sendId === s.id) deliveries[c.status] = Number(c.n);
    return { occasion: s.occasion, sentOn: s.sentOn, recipients: s.recipients, deliveries };
  });
}
