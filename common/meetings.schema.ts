import { ZDate, ZId, ZNonEmpty, ZPage, ZTimestamp, ZVersion, z, zStoredEnum } from './zod.js';

// ---------- requests

export const ZCreateMeeting = z.object({
  title: ZNonEmpty('会议名称', 100),
  scheduledAt: z.coerce.date({ message: '会议时间格式不正确' }),
  place: z.string().trim().max(100).default(''),
  memberUnitIds: z.array(ZId).min(1, '至少选择一个成员单位').max(30),
  /** 列席 units (not members). */
  attendingUnitIds: z.array(ZId).max(30, '列席单位不能超过30个').default([]),
  /** Put every pending warning and cross-unit dispute on the agenda. */
  assemble: z.boolean().default(true),
});
export type TCreateMeeting = z.infer<typeof ZCreateMeeting>;

export const ZListMeetings = z.object({
  ...ZPage,
  sort: z.enum(['-scheduledAt', 'scheduledAt']).optional(),
});
export type TListMeetings = z.infer<typeof ZListMeetings>;

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
  /** hold: 列席 units (not members) and 请假 member units, as the meeting was held */
  attendingUnitIds: z.array(ZId).max(30, '列席单位不能超过30个').optional(),
  excusedUnitIds: z.array(ZId).max(30).optional(),
  /** close: the minutes' summary */
  summary: z.string().trim().max(5000).optional(),
});
export type TMeetingEvent = z.infer<typeof ZMeetingEvent>;
export const ZIdParam = z.object({ id: ZId });

// ---------- responses

export const MEETING_STATES = ['scheduled', 'held', 'closed'] as const;
export const MEETING_ITEM_KINDS = ['warning', 'dispute', 'other'] as const;

/** 联席会议 as listed. */
export const ZMeeting = z.object({
  id: z.string(),
  regionId: z.string(),
  title: z.string(),
  scheduledAt: ZTimestamp,
  place: z.string(),
  state: zStoredEnum(MEETING_STATES),
  stateLabel: z.string(),
  memberUnitIds: z.array(z.string()),
  attendingUnitIds: z.array(z.string()),
  excusedUnitIds: z.array(z.string()),
  summary: z.string(),
  heldAt: ZTimestamp.nullable(),
  closedAt: ZTimestamp.nullable(),
  version: z.number(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});

/** One agenda item (议题) and, once decided, the meeting's decision on it. */
export const ZMeetingItem = z.object({
  id: z.string(),
  meetingId: z.string(),
  seq: z.number(),
  kind: zStoredEnum(MEETING_ITEM_KINDS),
  warningId: z.string().nullable(),
  problemId: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  decisionKind: zStoredEnum(DECISION_KINDS).nullable(),
  decision: z.string().nullable(),
  leadUnitId: z.string().nullable(),
  /** Members may not browse every unit, so the names they need come with the meeting. */
  leadUnitName: z.string().nullable(),
  ownerPersonId: z.string().nullable(),
  deadline: z.string().nullable(),
  resultProblemId: z.string().nullable(),
  decidedAt: ZTimestamp.nullable(),
  decidedBy: z.string().nullable(),
});

export const ZMeetingDetail = ZMeeting.extend({
  memberUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  attendingUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  items: z.array(ZMeetingItem),
  /** Events the caller may fire now: add_item, hold, decide, close. */
  actions: z.array(z.string()),
});

export const ZAgendaCandidates = z.object({
  warnings: z.array(
    z.object({ id: z.string(), code: z.string(), title: z.string(), unitId: z.string(), problemId: z.string() }),
  ),
  disputes: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      title: z.string(),
      unitId: z.string(),
      coUnitIds: z.array(z.string()),
    }),
  ),
});
