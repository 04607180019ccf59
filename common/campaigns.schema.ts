import { ROLES } from './roles.js';
import { ZDate, ZId, ZPage, ZTimestamp, z } from './zod.js';

/** Key-date campaigns (关键节点提醒): 节前廉洁提醒 before each holiday of the calendar, or on a date. */
export const CAMPAIGN_STATES = ['draft', 'active', 'cancelled'] as const;
export const CAMPAIGN_STATE_LABELS = { draft: '草稿', active: '已启用', cancelled: '已停用' } as const;
export const CAMPAIGN_TRIGGERS = ['holiday', 'date'] as const;
export const CAMPAIGN_EVENTS = ['activate', 'cancel'] as const;

const fields = {
  name: z.string().trim().min(1, '请填写名称').max(60),
  trigger: z.enum(CAMPAIGN_TRIGGERS, { message: '请选择触发方式' }),
  workingDaysBefore: z.number().int().min(1, '提前天数至少为1').max(20, '提前天数不超过20'),
  onDate: ZDate.nullable(),
  roles: z.array(z.enum(ROLES)).max(ROLES.length),
  unitIds: z.array(ZId).max(500),
  ranks: z.array(z.string().trim().min(1).max(30)).max(20),
  title: z.string().trim().min(1, '请填写标题').max(60),
  /** `{节日}` becomes the holiday's name and `{日期}` its first day (or the campaign's date). */
  template: z.string().trim().min(1, '请填写正文').max(500),
};
const refine = (
  v: { trigger?: string; onDate?: string | null; roles?: string[]; unitIds?: string[]; ranks?: string[] },
  c: z.RefinementCtx,
) => {
  if (v.trigger === 'date' && !v.onDate) c.addIssue({ code: 'custom', path: ['onDate'], message: '请选择发送日期' });
  if (v.roles && v.unitIds && v.ranks && v.roles.length + v.unitIds.length + v.ranks.length === 0)
    c.addIssue({ code: 'custom', path: ['roles'], message: '请至少选择一种接收人范围' });
};
export const ZCreateCampaign = z
  .object({ ...fields, workingDaysBefore: fields.workingDaysBefore.default(3), onDate: fields.onDate.default(null) })
  .superRefine(refine);
export type TCreateCampaign = z.infer<typeof ZCreateCampaign>;
export const ZUpdateCampaign = z
  .object(fields)
  .partial()
  .extend({ version: z.number().int().min(0) })
  .superRefine(refine);
export type TUpdateCampaign = z.infer<typeof ZUpdateCampaign>;
export const ZCampaignEvent = z.object({ event: z.enum(CAMPAIGN_EVENTS), version: z.number().int().min(0) });
export const ZCampaignParam = z.object({ id: ZId });
export const ZListCampaigns = z.object({ ...ZPage, state: z.enum(CAMPAIGN_STATES).optional() });

export const ZCampaign = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(CAMPAIGN_STATES),
  trigger: z.enum(CAMPAIGN_TRIGGERS),
  workingDaysBefore: z.number(),
  onDate: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  unitIds: z.array(z.string()),
  ranks: z.array(z.string()),
  title: z.string(),
  template: z.string(),
  version: z.number(),
  createdAt: ZTimestamp,
  actions: z.array(z.string()),
});

/** Delivery report: each send (occasion) with its recipients and outbound deliveries by status. */
export const ZCampaignReport = z.object({
  sends: z.array(
    z.object({
      occasion: z.string(),
      sentOn: z.string(),
      recipients: z.number(),
      deliveries: z.object({ pending: z.number(), sent: z.number(), failed: z.number() }),
    }),
  ),
});
