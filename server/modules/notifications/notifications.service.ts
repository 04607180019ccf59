import { findSession, resolveRecipients } from '../../platform/auth/auth.service.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { securityPolicySetting } from '../../platform/auth/security-policy.js';
import type { Actor, Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db/client.js';
import { badRequest, notFound, unauthenticated } from '../../platform/errors.js';
import { publishLive } from '../../platform/notify/live.js';
import { readSetting } from '../../platform/settings/settings.service.js';
import * as repo from './notifications.repository.js';
import type { TChannel } from '../../../common/notifications.channels.js';
import type { TListNotifications, TNotification } from '../../../common/notifications.schema.js';
import { channelsFor } from './notifications.policy.js';
import { emitWebhookEvent } from './webhooks.emit.js';

export type ChannelName = TChannel;

export interface NotifyInput {
  /** Recipients by login. */
  userIds?: string[];
  /** Recipients by cadre record: every active user bound to the person. */
  personIds?: string[];
  /** Stable machine kind, e.g. 'problem.dispatched', 'warning.issued', 'digest'. */
  kind: string;
  title: string;
  body: string;
  /** In-app path the message opens, e.g. '/problems/<id>'. */
  link?: string;
  entity?: { type: string; id: string };
  /**
   * Outbound copies that cannot be refused (a password reset). Without it the message policy
   * (notifications.policy.ts) picks the channels by kind, configuration and opt-outs.
   */
  channels?: ChannelName[];
}

/** The live-event topic of one user's inbox. */
export const inboxTopic = (userId: string) => `user:${userId}`;
/** Live payloads are a preview; the inbox reloads the full message. */
const LIVE_BODY_CHARS = 1000;

export function presentNotification(row: repo.NotificationRow): TNotification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    entityType: row.entityType,
    entityId: row.entityId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}

function recipientOf(ctx: Ctx): repo.Recipient {
  if (!ctx.actor) throw unauthenticated();
  return { userId: ctx.actor.userId };
}

const unique = (xs: string[] | undefined) => [...new Set(xs ?? [])];

/**
 * Stores one message per recipient in the caller's transaction, queues its SMS/e-mail copies and
 * publishes it live (NOTIFY, delivered after commit). With `dedupe`, rows that hit a unique index
 * (the daily digest) are skipped silently. Returns the stored rows.
 */
export async function storeNotifications(
  ctx: Ctx,
  userIds: string[],
  input: Omit<NotifyInput, 'userIds' | 'personIds'>,
  dedupe = false,
): Promise<repo.NotificationRow[]> {
  if (!input.kind.trim() || !input.title.trim()) throw badRequest('NOTIFICATION_INVALID', '消息缺少类型或标题');
  const now = ctx.clock.now();
  const rows = await repo.insertNotifications(
    ctx.db,
    userIds.map((userId) => ({
      userId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      link: input.link ?? null,
      entityType: input.entity?.type ?? null,
      entityId: input.entity?.id ?? null,
      createdAt: now,
    })),
    dedupe,
  );
  if (rows.length === 0) return rows;
  const perUser = await channelsFor(
    ctx.db,
    rows.map((n) => n.userId),
    input.kind,
    unique(input.channels) as ChannelName[],
  );
  const channels = [...new Set([...perUser.values()].flat())];
  await repo.insertDeliveries(
    ctx.db,
    rows.flatMap((n) =>
      (perUser.get(n.userId) ?? []).map((channel) => ({ notificationId: n.id, channel, nextAttemptAt: now })),
    ),
  );
  await publishLive(
    ctx.db,
    rows.map((n) => {
      const message = presentNotification(n);
      return {
        topic: inboxTopic(n.userId),
        payload: { event: 'notification', data: { ...message, body: message.body.slice(0, LIVE_BODY_CHARS) } },
      };
    }),
  );
  await recordAudit(ctx, {
    type: 'notification.sent',
    entity: input.entity?.type ?? 'notification',
    entityId: input.entity?.id ?? null,
    after: { kind: input.kind, title: input.title, recipients: rows.length, channels },
  });
  return rows;
}

/**
 * Sends a message to users and/or people (resolved to their active logins, deduplicated), in the
 * caller's transaction. Returns how many users were notified.
 */
export async function notify(ctx: Ctx, input: NotifyInput): Promise<number> {
  if (input.entity) await emitWebhookEvent(ctx, input.kind, input.entity);
  const recipients = await resolveRecipients(ctx.db, unique(input.userIds), unique(input.personIds));
  if (recipients.length === 0) return 0;
  const { userIds: _u, personIds: _p, ...message } = input;
  const rows = await storeNotifications(
    ctx,
    recipients.map((r) => r.userId),
    message,
  );
  return rows.length;
}

// ---------- daily digest sources (the digest itself: notifications.digest.ts)

export interface DigestItem {
  title: string;
  detail: string;
  link?: string;
  /** YYYY-MM-DD */
  due?: string;
}

export type DigestSource = (ctx: Ctx, user: { userId: string; personId: string | null }) => Promise<DigestItem[]>;

const sources = new Map<string, DigestSource>();

/**
 * Adds (or replaces) a named source of daily-digest items, e.g. a module's items due soon for the
 * user. Returns a function that removes it.
 */
export function registerDigestSource(name: string, source: DigestSource): () => void {
  sources.set(name, source);
  return () => {
    if (sources.get(name) === source) sources.delete(name);
  };
}

export const digestSources = (): DigestSource[] => [...sources.values()];

// ---------- the caller's own inbox

export async function listNotifications(ctx: Ctx, f: TListNotifications) {
  const { items, total } = await repo.list(ctx.db, recipientOf(ctx), f);
  return { items: items.map(presentNotification), total };
}

/** The same first page and total as `listNotifications`, id, title and link only, for a preview (home). */
export async function previewNotifications(ctx: Ctx, f: TListNotifications) {
  if (f.page !== 1) {
    const { items, total } = await listNotifications(ctx, f);
    return { items: items.map((n) => ({ id: n.id, title: n.title, link: n.link })), total };
  }
  return repo.previewPrepared(ctx.db, recipientOf(ctx), f, ctx.together);
}

export async function countUnread(ctx: Ctx) {
  return { count: await repo.unreadCount(ctx.db, recipientOf(ctx)) };
}

export async function markNotificationRead(ctx: Ctx, id: string) {
  const me = recipientOf(ctx);
  const row = await repo.find(ctx.db, me, id);
  if (!row) throw notFound('消息不存在或无权查看');
  if (row.readAt) return presentNotification(row);
  const updated = await repo.markRead(ctx.db, me, id, ctx.clock.now());
  await recordAudit(ctx, { type: 'notification.read', entity: 'notification', entityId: id });
  await publishLive(ctx.db, [{ topic: inboxTopic(me.userId), payload: { event: 'read', data: { ids: [id] } } }]);
  return presentNotification(updated);
}

export async function markAllNotificationsRead(ctx: Ctx) {
  const me = recipientOf(ctx);
  const count = await repo.markAllRead(ctx.db, me, ctx.clock.now());
  if (count > 0) {
    await recordAudit(ctx, { type: 'notification.read_all', entity: 'notification', after: { count } });
    await publishLive(ctx.db, [{ topic: inboxTopic(me.userId), payload: { event: 'read', data: { all: true } } }]);
  }
  return { count };
}

/**
 * Whether a long-lived stream may stay open: the session still exists and is within the idle
 * and absolute timeouts (the stream itself does not count as activity).
 */
export async function sessionStillValid(db: Executor, actor: Actor, now: Date): Promise<boolean> {
  const session = await findSession(db, actor.sessionId);
  if (!session) return false;
  const policy = await readSetting(db, securityPolicySetting);
  const t = now.getTime();
  return (
    t - session.lastSeenAt.getTime() <= policy.idleTimeoutMinutes * 60_000 &&
    t - session.createdAt.getTime() <= policy.absoluteTimeoutHours * 3_600_000
  );
}
