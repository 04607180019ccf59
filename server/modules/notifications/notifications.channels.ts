/**
 * Outbound channels (SMS gateway, e-mail) behind one interface, and the delivery loop that the
 * `notification-deliveries` job runs every minute: each copy is tried, retried with exponential
 * backoff and marked `failed` after MAX_ATTEMPTS, the failure itself audited.
 */
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Ctx } from '../../platform/context.js';
import { personIdsOf } from '../../platform/auth/auth.service.js';
import { phonesOf } from '../org/org.service.js';
import * as repo from './notifications.repository.js';
import type { ChannelName } from './notifications.service.js';

export interface ChannelRecipient {
  userId: string;
  phone?: string;
  email?: string;
}

export interface ChannelMessage {
  title: string;
  body: string;
}

export interface NotificationChannel {
  name: ChannelName;
  send(to: ChannelRecipient, message: ChannelMessage): Promise<void>;
}

interface ChannelLogger {
  info(obj: object, msg: string): void;
}

let logger: ChannelLogger = { info: (obj, msg) => console.info(`[notifications] ${msg}`, obj) };

/** Where the log adapters write (the Fastify/pino logger of the app). */
export function setChannelLogger(next: ChannelLogger): void {
  logger = next;
}

/** The default adapter: writes the message to the log and nowhere else. */
export function logChannel(name: ChannelName): NotificationChannel {
  return {
    name,
    async send(to, message) {
      logger.info(
        { channel: name, userId: to.userId, phone: to.phone, email: to.email, title: message.title },
        '消息外发（日志适配器）',
      );
    },
  };
}

const channels = new Map<ChannelName, NotificationChannel>([
  ['sms', logChannel('sms')],
  ['email', logChannel('email')],
]);

/** Installs a provider adapter for a channel; returns a function that restores the previous one. */
export function registerChannel(channel: NotificationChannel): () => void {
  const previous = channels.get(channel.name);
  channels.set(channel.name, channel);
  return () => {
    if (previous) channels.set(channel.name, previous);
    else channels.delete(channel.name);
  };
}

export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 60_000;
/** A claimed delivery is invisible to other runs for this long (crash safety). */
const LEASE_MS = 5 * 60_000;
const BATCH = 100;
const MAX_BATCHES = 20;

/** Delay after the n-th failed attempt: 1, 2, 4, 8 minutes. */
export const retryDelayMs = (attempts: number) => BASE_DELAY_MS * 2 ** (attempts - 1);

/** Sends every due delivery once; returns what happened. */
export async function processDeliveries(ctx: Ctx) {
  const result = { sent: 0, retrying: 0, failed: 0 };
  for (let i = 0; i < MAX_BATCHES; i++) {
    const now = ctx.clock.now();
    const due = await repo.claimDue(ctx.db, now, new Date(now.getTime() + LEASE_MS), BATCH);
    if (due.length === 0) break;
    const bound = await personIdsOf(
      ctx.db,
      due.map((d) => d.notification.userId),
    );
    const phones = await phonesOf(
      ctx.db,
      bound.map((b) => b.personId).filter((x): x is string => !!x),
    );
    const phoneOf = new Map(bound.map((b) => [b.userId, b.personId ? phones.get(b.personId) : undefined]));
    for (const { delivery, notification } of due) {
      const attempts = delivery.attempts + 1;
      try {
        const channel = channels.get(delivery.channel);
        if (!channel) throw new Error(`未配置${delivery.channel === 'sms' ? '短信' : '邮件'}通道`);
        await channel.send(
          { userId: notification.userId, phone: phoneOf.get(notification.userId) },
          { title: notification.title, body: notification.body },
        );
        await repo.updateDelivery(ctx.db, delivery.id, {
          status: 'sent',
          attempts,
          sentAt: ctx.clock.now(),
          lastError: null,
        });
        result.sent += 1;
      } catch (err) {
        const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
        if (attempts >= MAX_ATTEMPTS) {
          await ctx.db.transaction(async (tx) => {
            await repo.updateDelivery(tx, delivery.id, { status: 'failed', attempts, lastError });
            await recordAudit(
              { ...ctx, db: tx },
              {
                type: 'notification.delivery_failed',
                entity: 'notification',
                entityId: notification.id,
                after: { deliveryId: delivery.id, channel: delivery.channel, attempts, lastError },
              },
            );
          });
          result.failed += 1;
        } else {
          await repo.updateDelivery(ctx.db, delivery.id, {
            attempts,
            lastError,
            nextAttemptAt: new Date(ctx.clock.now().getTime() + retryDelayMs(attempts)),
          });
          result.retrying += 1;
        }
      }
    }
    if (due.length < BATCH) break;
  }
  return result;
}
