/**
 * The delivery loop that the `notification-deliveries` job runs every minute: each queued copy goes
 * through its channel's configured adapter (notifications.adapters.ts; the log adapter when none is
 * configured), is retried with exponential backoff and marked `failed` after MAX_ATTEMPTS (at once
 * when it can never succeed), the failure itself audited.
 */
import type { TChannel } from '../../../common/notifications.channels.js';
import { personIdsOf } from '../../platform/auth/auth.service.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Ctx } from '../../platform/context.js';
import { contactsOf } from '../org/org.service.js';
import * as channelsRepo from './channels.repository.js';
import {
  type NotificationChannel,
  PermanentDeliveryError,
  httpSmsAdapter,
  robotAdapter,
  smtpAdapter,
} from './notifications.adapters.js';
import * as repo from './notifications.repository.js';

export type { ChannelMessage, ChannelRecipient, NotificationChannel } from './notifications.adapters.js';

interface ChannelLogger {
  info(obj: object, msg: string): void;
}

let logger: ChannelLogger = { info: (obj, msg) => console.info(`[notifications] ${msg}`, obj) };

/** Where the log adapters write (the Fastify/pino logger of the app). */
export function setChannelLogger(next: ChannelLogger): void {
  logger = next;
}

/** The default adapter: writes the delivery to the log (kind and recipient, not the text) and nowhere else. */
export function logChannel(name: TChannel): NotificationChannel {
  return {
    name,
    async send(to, message) {
      logger.info({ channel: name, userId: to.userId, kind: message.kind }, '消息外发（日志适配器）');
    },
  };
}

/** Adapters installed in code (tests); they win over the stored configuration. */
const overrides = new Map<TChannel, NotificationChannel>();

/** Installs an adapter for a channel; returns a function that restores the previous one. */
export function registerChannel(channel: NotificationChannel): () => void {
  const previous = overrides.get(channel.name);
  overrides.set(channel.name, channel);
  return () => {
    if (previous) overrides.set(channel.name, previous);
    else overrides.delete(channel.name);
  };
}

/** The adapter a stored configuration describes. */
export function adapterOf(config: channelsRepo.ChannelConfigRow | undefined, name: TChannel): NotificationChannel {
  if (!config || config.adapter === 'log') return logChannel(name);
  if (name === 'sms' && config.adapter === 'http') return httpSmsAdapter(config);
  if (name === 'email' && config.adapter === 'smtp') return smtpAdapter(config);
  if (name === 'robot') return robotAdapter(config);
  return logChannel(name);
}

export const MAX_ATTEMPTS = 5;
const BASE_DELAY_MS = 60_000;
/** A claimed delivery is invisible to other runs for this long (crash safety). */
const LEASE_MS = 5 * 60_000;
const BATCH = 100;
const MAX_BATCHES = 20;

/** Delay after the n-th failed attempt: 1, 2, 4, 8 minutes. */
export const retryDelayMs = (attempts: number) => BASE_DELAY_MS * 2 ** (attempts - 1);

/** Phone and e-mail of the people bound to `userIds`. */
async function addressesOf(ctx: Ctx, userIds: string[]) {
  const bound = await personIdsOf(ctx.db, userIds);
  const contacts = await contactsOf(
    ctx.db,
    bound.map((b) => b.personId).filter((x): x is string => !!x),
  );
  return new Map(bound.map((b) => [b.userId, b.personId ? contacts.get(b.personId) : undefined]));
}

/** Sends every due delivery once; returns what happened. */
export async function processDeliveries(ctx: Ctx) {
  const result = { sent: 0, retrying: 0, failed: 0 };
  const configs = new Map((await channelsRepo.listConfigs(ctx.db)).map((c) => [c.channel, c]));
  const adapters = new Map<TChannel, NotificationChannel>();
  const adapter = (name: TChannel) => {
    const a = overrides.get(name) ?? adapters.get(name) ?? adapterOf(configs.get(name), name);
    adapters.set(name, a);
    return a;
  };
  for (let i = 0; i < MAX_BATCHES; i++) {
    const now = ctx.clock.now();
    const due = await repo.claimDue(ctx.db, now, new Date(now.getTime() + LEASE_MS), BATCH);
    if (due.length === 0) break;
    const addresses = await addressesOf(
      ctx,
      due.map((d) => d.notification.userId),
    );
    for (const { delivery, notification } of due) {
      const attempts = delivery.attempts + 1;
      try {
        const contact = addresses.get(notification.userId);
        await adapter(delivery.channel).send(
          { userId: notification.userId, phone: contact?.phone || undefined, email: contact?.email || undefined },
          { kind: notification.kind, title: notification.title, body: notification.body },
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
        if (attempts >= MAX_ATTEMPTS || err instanceof PermanentDeliveryError) {
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
