import type { Role } from '../../../common/roles.js';
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version, versionedColumns } from '../../platform/db/columns.js';

export const DELIVERY_CHANNELS = ['sms', 'email', 'robot'] as const;
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;

/** In-app messages (SPEC M10): one row per recipient user. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    createdAt: createdAt(),
    readAt: tstz('read_at'),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_user_unread_idx').on(t.userId).where(sql`${t.readAt} IS NULL`),
    // One daily digest per user per day (entity_id holds the date): makes the digest job idempotent.
    uniqueIndex('notifications_digest_uniq').on(t.userId, t.entityId).where(sql`${t.kind} = 'digest'`),
  ],
);

/** Outbound copies of a message by SMS or e-mail, retried by the `notification-deliveries` job. */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: id(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: DELIVERY_CHANNELS }).notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    sentAt: tstz('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notification_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('notification_deliveries_notification_idx').on(t.notificationId),
  ],
);

/**
 * Outbound channel configuration (one row per channel): adapter, non-secret settings, the secret
 * (write-only through the API), and the message classes that use the channel.
 */
export const channelConfigs = pgTable('channel_configs', {
  channel: text('channel', { enum: DELIVERY_CHANNELS }).primaryKey(),
  enabled: boolean('enabled').notNull().default(false),
  adapter: text('adapter').notNull().default('log'),
  settings: jsonb('settings').$type<Record<string, string>>().notNull().default({}),
  secret: text('secret').notNull().default(''),
  classes: text('classes').array().notNull().default([]),
  optOutAllowed: boolean('opt_out_allowed').notNull().default(true),
  version: version(),
  updatedAt: updatedAt(),
});

/** A person's refusal of a channel (only where the channel allows it). */
export const channelOptOuts = pgTable(
  'channel_opt_outs',
  {
    userId: uuid('user_id').notNull(),
    channel: text('channel', { enum: DELIVERY_CHANNELS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.channel] })],
);

/** Key-date campaigns (节前廉洁提醒 …): when, to whom, which text. */
export const campaigns = pgTable('campaigns', {
  id: id(),
  regionId: uuid('region_id').notNull(),
  name: text('name').notNull(),
  state: text('state', { enum: ['draft', 'active', 'cancelled'] })
    .notNull()
    .default('draft'),
  trigger: text('trigger', { enum: ['holiday', 'date'] }).notNull(),
  workingDaysBefore: integer('working_days_before').notNull().default(3),
  onDate: date('on_date', { mode: 'string' }),
  roles: text('roles').array().$type<Role[]>().notNull().default([]),
  unitIds: uuid('unit_ids').array().notNull().default([]),
  ranks: text('ranks').array().notNull().default([]),
  title: text('title').notNull(),
  template: text('template').notNull(),
  createdBy: uuid('created_by'),
  ...versionedColumns(),
});

/** One send of a campaign for one occasion; the unique key makes the send happen once. */
export const campaignSends = pgTable(
  'campaign_sends',
  {
    id: id(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    occasion: text('occasion').notNull(),
    sentOn: date('sent_on', { mode: 'string' }).notNull(),
    recipients: integer('recipients').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('campaign_sends_once').on(t.campaignId, t.occasion)],
);

/** Webhook subscriptions of other government systems (SPEC M11), owned by a user whose scope applies. */
export const webhookSubscriptions = pgTable('webhook_subscriptions', {
  id: id(),
  ownerUserId: uuid('owner_user_id').notNull(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  events: text('events').array().notNull(),
  algorithm: text('algorithm', { enum: ['hmac-sha256', 'hmac-sm3'] })
    .notNull()
    .default('hmac-sha256'),
  secret: text('secret').notNull(),
  active: boolean('active').notNull().default(true),
  ...versionedColumns(),
});

/** One event to one subscription, retried with backoff by the `webhook-deliveries` job. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    event: text('event').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'withheld'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    responseStatus: integer('response_status'),
    lastError: text('last_error'),
    nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
    createdAt: createdAt(),
    sentAt: tstz('sent_at'),
  },
  (t) => [
    index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('webhook_deliveries_subscription_idx').on(t.subscriptionId, t.createdAt),
  ],
);
