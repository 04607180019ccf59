/** Queues webhook deliveries for an event (called by notify() and by modules without messages). */
import { WEBHOOK_EVENTS, type TWebhookEvent } from '../../../common/webhooks.schema.js';
import type { Ctx } from '../../platform/context.js';
import * as repo from './webhooks.repository.js';

/** Message kinds that are webhook events under another name. */
const KIND_EVENTS: Record<string, TWebhookEvent> = {
  'problem.dispatch': 'problem.dispatched',
  'problem.close': 'problem.closed',
  'warning.issued': 'warning.issued',
  case: 'case.opened',
};

export const eventOfKind = (kind: string): TWebhookEvent | null =>
  KIND_EVENTS[kind] ?? ((WEBHOOK_EVENTS as readonly string[]).includes(kind) ? (kind as TWebhookEvent) : null);

/**
 * Queues one delivery per active subscription of the event, in the caller's transaction (so a
 * rolled-back change sends nothing). Whether the owner may read the object is checked at send time.
 */
export async function emitWebhookEvent(ctx: Ctx, kind: string, entity: { type: string; id: string } | null) {
  const event = eventOfKind(kind);
  if (!event) return 0;
  const subs = await repo.activeSubscriptionsFor(ctx.db, event);
  await repo.insertDeliveries(
    ctx.db,
    subs.map((s) => ({
      subscriptionId: s.id,
      event,
      entityType: entity?.type ?? null,
      entityId: entity?.id ?? null,
      nextAttemptAt: ctx.clock.now(),
      createdAt: ctx.clock.now(),
    })),
  );
  return subs.length;
}
