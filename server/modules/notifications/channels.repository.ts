import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { TChannel, TListDeliveries } from '../../../common/notifications.channels.js';
import type { Executor } from '../../platform/db/client.js';
import { channelConfigs, channelOptOuts, notificationDeliveries, notifications } from './notifications.tables.js';

export type ChannelConfigRow = typeof channelConfigs.$inferSelect;

export async function listConfigs(db: Executor): Promise<ChannelConfigRow[]> {
  return db.select().from(channelConfigs);
}

export async function findConfig(db: Executor, channel: TChannel): Promise<ChannelConfigRow | undefined> {
  const [row] = await db.select().from(channelConfigs).where(eq(channelConfigs.channel, channel));
  return row;
}

/** Inserts or updates a channel's configuration if `version` is current; returns the row or undefined. */
export async function saveConfig(
  db: Executor,
  channel: TChannel,
  version: number,
  values: Omit<typeof channelConfigs.$inferInsert, 'channel' | 'version'>,
): Promise<ChannelConfigRow | undefined> {
  const existing = await findConfig(db, channel);
  if (!existing) {
    if (version > 1) return undefined;
    const [row] = await db
      .insert(channelConfigs)
      .values({ ...values, channel })
      .returning();
    return row;
  }
  const [row] = await db
    .update(channelConfigs)
    .set({ ...values, version: existing.version + 1, updatedAt: new Date() })
    .where(and(eq(channelConfigs.channel, channel), eq(channelConfigs.version, version)))
    .returning();
  return row;
}

/** `userId:channel` pairs refused by the users. */
export async function optOutsOf(db: Executor, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.select().from(channelOptOuts).where(inArray(channelOptOuts.userId, userIds));
  return new Set(rows.map((r) => `${r.userId}:${r.channel}`));
}

export async function setOptOut(db: Executor, userId: string, channel: TChannel, optOut: boolean) {
  if (optOut) await db.insert(channelOptOuts).values({ userId, channel }).onConflictDoNothing();
  else
    await db.delete(channelOptOuts).where(and(eq(channelOptOuts.userId, userId), eq(channelOptOuts.channel, channel)));
}

/** The delivery log for administrators: status and metadata, never the message's title or text. */
export async function listDeliveries(db: Executor, f: TListDeliveries) {
  const where = and(
    f.status ? eq(notificationDeliveries.status, f.status) : undefined,
    f.channel ? eq(notificationDeliveries.channel, f.channel) : undefined,
  );
  const [{ total }] = await db.select({ total: count() }).from(notificationDeliveries).where(where);
  const items = await db
    .select({
      id: notificationDeliveries.id,
      channel: notificationDeliveries.channel,
      status: notificationDeliveries.status,
      attempts: notificationDeliveries.attempts,
      lastError: notificationDeliveries.lastError,
      kind: notifications.kind,
      userId: notifications.userId,
      createdAt: notificationDeliveries.createdAt,
      nextAttemptAt: notificationDeliveries.nextAttemptAt,
      sentAt: notificationDeliveries.sentAt,
    })
    .from(notificationDeliveries)
    .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
    .where(where)
    .orderBy(desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  return { items, total: Number(total) };
}
