import { ZDate, ZId, ZNonEmpty, ZPage, ZVersion, z } from '../../../common/zod.js';

export const ZCreateMeeting = z.object({
  title: ZNonEmpty('会议名称', 100),
  scheduledAt: z.coerce.date({ message: '会议时间格式不正确' }),
  place: z.string().trim().max(100).default(''),
  memberUnitIds: z.array(ZId).min(1, '至少选择一个成员单位').max(30),
  /** Put every pending warning and cross-unit dispute on the agenda. */
  assemble: z.boolean().default(true),
});
export type TCreateMeeting = z.infer<typeof ZCreateMeeting>;

export const ZListMeetings = z.object({ ...ZPage });

export const DECISION_KINDS = ['issue_warning', 'dismiss_warning', 'lead_unit', 'new_problem', 'note'] as const;

export const ZMeetingEvent = z.object({
  type: z.enum(['add_item', 'hold', 'decide', 'close'], { message: '不支持的操作' }),
  version: ZVersion,
  /** add_item */
  title: z.string().trim().max(200).optional(),
  description: z.string().trim().max(2000).optional(),
  /** decide */
  itemId: ZId.optional(),
  decisionKind: z.enum(DECISION_KINDS, { message: '决定类型不正确' }).optional(),
  decision: z.string().trim().max(2000).optional(),
  leadUnitId: ZId.optional(),
  ownerPersonId: ZId.optional(),
  deadline: ZDate.optional(),
  /** close: the minutes' summary */
  summary: z.string().trim().max(5000).optional(),
});
export type TMeetingEvent = z.infer<typeof ZMeetingEvent>;
export const ZIdParam = z.object({ id: ZId });
