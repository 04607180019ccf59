import {
  CHANNEL_LABELS,
  DELIVERY_STATUS_LABELS,
  MESSAGE_CLASS_LABELS,
  type TListDeliveries,
  classOf,
} from '../../../common/notifications.channels.js';
import type { Ctx } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import { WEBHOOK_EVENT_LABELS, type ZListWebhooks } from '../../../common/webhooks.schema.js';
import type { z } from '../../../common/zod.js';
import { listDeliveries } from './channels.service.js';
import { labelled } from './notifications.export.js';
import { listWebhooks } from './webhooks.service.js';

type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>['items'][number];
type WebhookRow = Awaited<ReturnType<typeof listWebhooks>>['items'][number];

const messageClass = (kind: string) => {
  const cls = classOf(kind);
  return cls ? MESSAGE_CLASS_LABELS[cls] : '站内消息';
};

const COLUMNS: XlsxColumn<DeliveryRow>[] = [
  { header: '时间', width: 18, value: (x) => x.createdAt, kind: 'datetime' },
  { header: '通道', width: 10, value: (x) => CHANNEL_LABELS[x.channel] },
  { header: '消息类别', width: 18, value: (x) => messageClass(x.kind) },
  { header: '状态', width: 14, value: (x) => DELIVERY_STATUS_LABELS[x.status] },
  { header: '尝试次数', width: 10, value: (x) => x.attempts },
  { header: '发送时间', width: 18, value: (x) => x.sentAt, kind: 'datetime' },
  { header: '错误', width: 40, value: (x) => x.lastError ?? '' },
];

/** 外发记录 for the administrators, with the list's filters: status and channel, never a message's content. */
export function deliveriesExport(ctx: Ctx, f: TListDeliveries): XlsxExport<DeliveryRow> {
  return listExport('外发记录', COLUMNS, (q) => listDeliveries(ctx, q), f);
}

/** No signing key: the list never carries it, and neither does its export. */
const WEBHOOK_COLUMNS: XlsxColumn<WebhookRow>[] = [
  { header: '名称', width: 20, value: (x) => x.name },
  { header: '地址', width: 40, value: (x) => x.url },
  { header: '事件', width: 36, value: (x) => labelled(x.events, WEBHOOK_EVENT_LABELS) },
  { header: '签名', width: 12, value: (x) => x.algorithm },
  { header: '状态', width: 8, value: (x) => (x.active ? '已启用' : '已停用') },
  { header: '创建时间', width: 18, value: (x) => x.createdAt, kind: 'datetime' },
];

/** The caller's webhook subscriptions, without their signing keys. */
export const webhooksExport = (ctx: Ctx, f: z.infer<typeof ZListWebhooks>) =>
  listExport('Webhook订阅', WEBHOOK_COLUMNS, (q) => listWebhooks(ctx, q), f);
