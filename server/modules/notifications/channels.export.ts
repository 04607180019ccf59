import {
  CHANNEL_LABELS,
  DELIVERY_STATUS_LABELS,
  MESSAGE_CLASS_LABELS,
  type TListDeliveries,
  classOf,
} from '../../../common/notifications.channels.js';
import type { Ctx } from '../../platform/context.js';
import { listExport, type XlsxColumn, type XlsxExport } from '../../platform/documents/xlsx-export.js';
import { listDeliveries } from './channels.service.js';

type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>['items'][number];

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
