/** Webhook subscriptions (SPEC M11): owned by the user who creates them, whose read scope applies. */
import type { z } from 'zod';
import type {
  ZCreateWebhook,
  ZListWebhookDeliveries,
  ZListWebhooks,
  ZUpdateWebhook,
} from '../../../common/webhooks.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { Ctx } from '../../platform/context.js';
import { conflict, notFound, unauthenticated } from '../../platform/errors.js';
import * as repo from './webhooks.repository.js';
import { deliverOne, newSecret } from './webhooks.sender.js';

const ownerOf = (ctx: Ctx) => {
  if (!ctx.actor) throw unauthenticated();
  return ctx.actor.userId;
};

function present(row: repo.SubscriptionRow) {
  const { secret: _s, updatedAt: _u, ...rest } = row;
  return rest;
}

async function mine(ctx: Ctx, id: string) {
  const row = await repo.findSubscription(ctx.db, ownerOf(ctx), id);
  if (!row) throw notFound('订阅不存在或无权查看');
  return row;
}

export async function listWebhooks(ctx: Ctx, f: z.infer<typeof ZListWebhooks>) {
  const { items, total } = await repo.listSubscriptions(ctx.db, ownerOf(ctx), f);
  return { items: items.map(present), total };
}

export async function createWebhook(ctx: Ctx, input: z.infer<typeof ZCreateWebhook>) {
  const secret = newSecret();
  const row = await repo.insertSubscription(ctx.db, { ...input, ownerUserId: ownerOf(ctx), secret });
  await recordAudit(ctx, { type: 'webhook.created', entity: 'webhook', entityId: row.id, after: present(row) });
  return { ...present(row), secret };
}

export async function updateWebhook(ctx: Ctx, id: string, input: z.infer<typeof ZUpdateWebhook>) {
  const before = await mine(ctx, id);
  const { version, ...patch } = input;
  const row = await repo.updateSubscription(ctx.db, ownerOf(ctx), id, version, patch);
  if (!row) throw conflict();
  await recordAudit(ctx, {
    type: 'webhook.updated',
    entity: 'webhook',
    entityId: id,
    before: present(before),
    after: present(row),
  });
  return present(row);
}

export async function deleteWebhook(ctx: Ctx, id: string) {
  await mine(ctx, id);
  await repo.deleteSubscription(ctx.db, ownerOf(ctx), id);
  await recordAudit(ctx, { type: 'webhook.deleted', entity: 'webhook', entityId: id });
}

/** A new secret, answered once; deliveries from now on are signed with it. */
export async function rotateWebhookSecret(ctx: Ctx, id: string) {
  const before = await mine(ctx, id);
  const secret = newSecret();
  const row = await repo.updateSubscription(ctx.db, ownerOf(ctx), id, before.version, { secret });
  if (!row) throw conflict();
  await recordAudit(ctx, { type: 'webhook.secret_rotated', entity: 'webhook', entityId: id });
  return { ...present(row), secret };
}

/** Sends a `webhook.test` event at once and answers how it went (stored in the log like any delivery). */
export async function testWebhook(ctx: Ctx, id: string) {
  const sub = await mine(ctx, id);
  const [delivery] = await repo.insertDeliveries(ctx.db, [
    { subscriptionId: id, event: 'webhook.test', nextAttemptAt: ctx.clock.now(), createdAt: ctx.clock.now() },
  ]);
  await deliverOne(ctx, delivery, sub);
  const [after] = (await repo.listDeliveries(ctx.db, id, { page: 1, pageSize: 1 })).items;
  return after;
}

export async function listWebhookDeliveries(ctx: Ctx, id: string, f: z.infer<typeof ZListWebhookDeliveries>) {
  await mine(ctx, id);
  return repo.listDeliveries(ctx.db, id, f);
}
