import { CAMPAIGN_STATE_LABELS, type ZListCampaigns } from '../../../common/campaigns.schema.js';
import { NOTIFICATION_KIND_LABELS, type TListNotifications } from '../../../common/notifications.schema.js';
import { ROLE_LABELS } from '../../../common/roles.js';
import type { z } from '../../../common/zod.js';
import type { Ctx } from '../../platform/context.js';
import { type XlsxColumn, listExport } from '../../platform/documents/xlsx-export.js';
import { listCampaigns } from './campaigns.service.js';
import { listNotifications } from './notifications.service.js';

type NotificationRow = Awaited<ReturnType<typeof listNotifications>>['items'][number];
type CampaignRow = Awaited<ReturnType<typeof listCampaigns>>['items'][number];

/** Codes as their Chinese labels, joined as the page shows them (an unknown code as itself). */
export const labelled = (codes: readonly string[], labels: Readonly<Record<string, string>>) =>
  codes.map((c) => labels[c] ?? c).join('、');

const NOTIFICATION_COLUMNS: XlsxColumn<NotificationRow>[] = [
  { header: '时间', width: 18, value: (x) => x.createdAt, kind: 'datetime' },
  { header: '标题', width: 36, value: (x) => x.title },
  { header: '类型', width: 10, value: (x) => NOTIFICATION_KIND_LABELS[x.kind] ?? '' },
  { header: '内容', width: 60, value: (x) => x.body },
  { header: '状态', width: 8, value: (x) => (x.readAt ? '已读' : '未读') },
  { header: '阅读时间', width: 18, value: (x) => x.readAt, kind: 'datetime' },
];

const CAMPAIGN_COLUMNS: XlsxColumn<CampaignRow>[] = [
  { header: '名称', width: 24, value: (x) => x.name },
  // A date for a dated campaign (a date cell), else the rule in words as the page says it.
  {
    header: '发送时间',
    width: 22,
    value: (x) => (x.trigger === 'date' ? x.onDate : `节假日前 ${x.workingDaysBefore} 个工作日`),
    kind: 'date',
  },
  { header: '接收角色', width: 30, value: (x) => labelled(x.roles, ROLE_LABELS) },
  { header: '职级', width: 16, value: (x) => x.ranks.join('、') },
  { header: '标题', width: 24, value: (x) => x.title },
  { header: '状态', width: 8, value: (x) => CAMPAIGN_STATE_LABELS[x.state] },
];

/** The caller's own messages, with the inbox's filter (unread only or all). */
export const notificationsExport = (ctx: Ctx, f: TListNotifications) =>
  listExport('消息提醒', NOTIFICATION_COLUMNS, (q) => listNotifications(ctx, q), f);

/** The region's 关键节点提醒, with the list's filter. */
export const campaignsExport = (ctx: Ctx, f: z.infer<typeof ZListCampaigns>) =>
  listExport('关键节点提醒', CAMPAIGN_COLUMNS, (q) => listCampaigns(ctx, q), f);
