import { ZId, ZPage, ZTimestamp, z } from './zod.js';

/** Events other government systems may subscribe to (SPEC M11). */
export const WEBHOOK_EVENTS = [
  'problem.dispatched',
  'problem.closed',
  'warning.issued',
  'case.opened',
  'case.decided',
  'complaint.accepted',
  'webhook.test',
] as const;
export type TWebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_EVENT_LABELS: Record<TWebhookEvent, string> = {
  'problem.dispatched': '问题交办',
  'problem.closed': '问题销号',
  'warning.issued': '预警发出',
  'case.opened': '问责案件提请',
  'case.decided': '问责决定',
  'complaint.accepted': '申诉受理',
  'webhook.test': '测试',
};

/**
 * The JSON body POSTed to a subscriber. Headers: `X-Zelian-Event`, `X-Zelian-Delivery`,
 * `X-Zelian-Timestamp`, `X-Zelian-Signature: <algorithm>=<hex HMAC of "timestamp.body">`
 * (algorithm `hmac-sha256` or `hmac-sm3`, key: the subscription's secret).
 */
export const ZWebhookPayload = z
  .object({
    id: z.string().describe('投递编号（重试时不变，接收方据此去重）'),
    event: z.enum(WEBHOOK_EVENTS),
    occurredAt: z.string(),
    entity: z.object({ type: z.string(), id: z.string() }).nullable(),
    /** Only what the subscription's owner may read, checked when sending. */
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'WebhookPayload' });

export const ZWebhook = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  algorithm: z.enum(['hmac-sha256', 'hmac-sm3']),
  active: z.boolean(),
  ownerUserId: z.string(),
  version: z.number(),
  createdAt: ZTimestamp,
});
/** Creating or rotating answers the secret once; it is never shown again. */
export const ZWebhookWithSecret = ZWebhook.extend({ secret: z.string() });

export const ZCreateWebhook = z.object({
  name: z.string().trim().min(1, '请填写名称').max(60),
  url: z
    .string()
    .trim()
    .regex(/^https?:\/\/\S+$/, '地址应以 http:// 或 https:// 开头')
    .max(500),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { message: '事件类型不正确' }))
    .min(1, '请至少选择一个事件')
    .max(WEBHOOK_EVENTS.length),
  algorithm: z.enum(['hmac-sha256', 'hmac-sm3']).default('hmac-sha256'),
});
export const ZUpdateWebhook = ZCreateWebhook.partial().extend({
  active: z.boolean().optional(),
  version: z.number().int().min(0),
});
export const ZWebhookParam = z.object({ id: ZId });

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'withheld'] as const;
/** The caller's subscriptions, newest first, a page at a time like every list. */
export const ZListWebhooks = z.object({ ...ZPage });
export const ZListWebhookDeliveries = z.object({
  ...ZPage,
  status: z.enum(WEBHOOK_DELIVERY_STATUSES, { message: '状态不正确' }).optional(),
});
export const ZWebhookDelivery = z.object({
  id: z.string(),
  event: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number(),
  responseStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: ZTimestamp,
  sentAt: ZTimestamp.nullable(),
});
