/**
 * Sends queued webhook deliveries: builds the owner's actor, reads the object through its module's
 * service as that owner (no read, no data: `withheld`), signs and POSTs the payload, retries with
 * the same backoff as messages and marks `failed` after MAX_ATTEMPTS.
 */
import crypto from 'node:crypto';
import type { TWebhookEvent } from '../../../common/webhooks.schema.js';
import { actorOf, findUser } from '../../platform/auth/auth.service.js';
import type { Ctx } from '../../platform/context.js';
import { getCase } from '../cases/cases.service.js';
import { resolveScope } from '../org/org.scope.js';
import { getProblem } from '../problems/problems.service.js';
import { getWarning } from '../warnings/warnings.service.js';
import { hmacHex, postJson } from './notifications.adapters.js';
import { MAX_ATTEMPTS, retryDelayMs } from './notifications.channels.js';
import * as repo from './webhooks.repository.js';

const LEASE_MS = 5 * 60_000;
const BATCH = 100;

type Reader = (ctx: Ctx, id: string) => Promise<Record<string, unknown>>;
const READERS: Record<string, Reader> = {
  problem: (ctx, id) => getProblem(ctx, id) as Promise<Record<string, unknown>>,
  warning: (ctx, id) => getWarning(ctx, id) as Promise<Record<string, unknown>>,
  case: (ctx, id) => getCase(ctx, id) as Promise<Record<string, unknown>>,
};
/** The fields of an object a subscriber receives (the rest stays in the system). */
const SHARED_FIELDS = ['code', 'title', 'state', 'level', 'color', 'deadline', 'unitName'];

/** The object as the owner reads it now, or null when the owner may not read it (or it is gone). */
export async function readAsOwner(ctx: Ctx, ownerUserId: string, entity: { type: string; id: string } | null) {
  if (!entity) return {};
  const reader = READERS[entity.type];
  const user = await findUser(ctx.db, ownerUserId);
  if (!reader || !user || user.disabled) return null;
  const actor = await actorOf(ctx, user, { id: 'webhook', csrfToken: '' }, resolveScope);
  try {
    const full = await reader({ ...ctx, actor }, entity.id);
    return Object.fromEntries(SHARED_FIELDS.filter((k) => k in full).map((k) => [k, full[k]]));
  } catch {
    return null;
  }
}

/** Signature headers of a body: `<algorithm>=<hex HMAC of "timestamp.body">`. */
export function signatureHeaders(algorithm: string, secret: string, body: string, timestamp = String(Date.now())) {
  return {
    'x-zelian-timestamp': timestamp,
    'x-zelian-signature': `${algorithm}=${hmacHex(algorithm, secret, `${timestamp}.${body}`)}`,
  };
}

export async function deliverOne(
  ctx: Ctx,
  delivery: repo.WebhookDeliveryRow,
  sub: repo.SubscriptionRow,
): Promise<'sent' | 'retrying' | 'failed' | 'withheld'> {
  const attempts = delivery.attempts + 1;
  const entity = delivery.entityType && delivery.entityId ? { type: delivery.entityType, id: delivery.entityId } : null;
  const data =
    delivery.event === 'webhook.test' ? { message: '测试消息' } : await readAsOwner(ctx, sub.ownerUserId, entity);
  if (data === null) {
    await repo.updateDelivery(ctx.db, delivery.id, { status: 'withheld', attempts, lastError: '订阅者无权查看该对象' });
    return 'withheld';
  }
  const body = JSON.stringify({
    id: delivery.id,
    event: delivery.event as TWebhookEvent,
    occurredAt: delivery.createdAt.toISOString(),
    entity,
    data,
  });
  try {
    const status = await postJson(sub.url, body, {
      'x-zelian-event': delivery.event,
      'x-zelian-delivery': delivery.id,
      ...signatureHeaders(sub.algorithm, sub.secret, body),
    });
    await repo.updateDelivery(ctx.db, delivery.id, {
      status: 'sent',
      attempts,
      responseStatus: status,
      lastError: null,
      sentAt: ctx.clock.now(),
    });
    return 'sent';
  } catch (err) {
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    const responseStatus = Number(/HTTP (\d+)/.exec(lastError)?.[1]) || null;
    const failed = attempts >= MAX_ATTEMPTS;
    await repo.updateDelivery(ctx.db, delivery.id, {
      attempts,
      lastError,
      responseStatus,
      ...(failed
        ? { status: 'failed' as const }
        : { nextAttemptAt: new Date(ctx.clock.now().getTime() + retryDelayMs(attempts)) }),
    });
    return failed ? 'failed' : 'retrying';
  }
}

/** The `webhook-deliveries` job: every due delivery once. */
export async function processWebhookDeliveries(ctx: Ctx) {
  const result = { sent: 0, retrying: 0, failed: 0, withheld: 0 };
  for (let i = 0; i < 20; i++) {
    const now = ctx.clock.now();
    const due = await repo.claimDue(ctx.db, now, new Date(now.getTime() + LEASE_MS), BATCH);
    for (const { delivery, subscription } of due) result[await deliverOne(ctx, delivery, subscription)] += 1;
    if (due.length < BATCH) break;
  }
  return result;
}

export const newSecret = () => crypto.randomBytes(32).toString('base64url');
