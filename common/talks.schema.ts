import { TALK_KINDS, TALK_STATES } from './talks.js';
import { ZDate, ZId, ZNonEmpty, ZPage, ZTimestamp, ZVersion, z, zStoredEnum, eventRowFields, keysOf } from './zod.js';

// ---------- requests

/** A time of day, HH:MM (24 h). */
const ZClock = (label: string) => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}应为“时:分”，如 09:30`);

const fields = {
  kind: z.enum(keysOf(TALK_KINDS), { message: '谈话类型应为廉政、任职、提醒、警示、诫勉谈话或约谈' }),
  talkerPersonIds: z.array(ZId).max(10, '谈话人不能超过10名'),
  talkerNames: z.string().trim().max(200, '谈话人姓名不能超过200个字'),
  subjectPersonIds: z.array(ZId).max(30, '谈话对象不能超过30名'),
  subjectUnitId: ZId.nullable(),
  reason: ZNonEmpty('谈话事由', 2000),
  talkOn: ZDate,
  place: z.string().trim().max(100, '谈话地点不能超过100个字'),
  startTime: ZClock('开始时间').nullable(),
  endTime: ZClock('结束时间').nullable(),
  recorderPersonId: ZId.nullable(),
  followUpRequired: z.string().trim().max(2000, '整改要求不能超过2000个字'),
  followUpDue: ZDate.nullable(),
  problemId: ZId.nullable(),
  warningId: ZId.nullable(),
  caseId: ZId.nullable(),
};

export const ZCreateTalk = z.object({
  ...fields,
  talkerPersonIds: fields.talkerPersonIds.default([]),
  talkerNames: fields.talkerNames.default(''),
  subjectPersonIds: fields.subjectPersonIds.default([]),
  subjectUnitId: fields.subjectUnitId.default(null),
  place: fields.place.default(''),
  startTime: fields.startTime.default(null),
  endTime: fields.endTime.default(null),
  recorderPersonId: fields.recorderPersonId.default(null),
  followUpRequired: fields.followUpRequired.default(''),
  followUpDue: fields.followUpDue.default(null),
  problemId: fields.problemId.default(null),
  warningId: fields.warningId.default(null),
  caseId: fields.caseId.default(null),
});
export type TCreateTalk = z.infer<typeof ZCreateTalk>;

export const ZUpdateTalk = z.object(fields).partial().extend({ version: ZVersion });
export type TUpdateTalk = z.infer<typeof ZUpdateTalk>;

export const ZListTalks = z.object({
  ...ZPage,
  kind: z.enum(keysOf(TALK_KINDS), { message: '谈话类型不正确' }).optional(),
  state: z.enum(keysOf(TALK_STATES), { message: '状态不正确' }).optional(),
  unitId: ZId.optional(),
  personId: ZId.optional(),
  problemId: ZId.optional(),
  warningId: ZId.optional(),
  caseId: ZId.optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  /** Code, or words of the reason / record. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['-talkOn', 'talkOn', 'followUpDue', '-createdAt']).optional(),
});
export type TListTalks = z.infer<typeof ZListTalks>;

export const ZTalkEvent = z.object({
  type: z.enum(['record', 'follow_up', 'close'], { message: '不支持的操作' }),
  version: ZVersion,
  /** record: 谈话记录 */
  record: z.string().trim().max(20000, '谈话记录不能超过20000个字').optional(),
  /** follow_up: result of the tracking, and whether the requirement is met */
  result: z.string().trim().max(5000, '跟踪情况不能超过5000个字').optional(),
  done: z.boolean().optional(),
  comment: z.string().trim().max(2000).default(''),
});
export type TTalkEvent = z.infer<typeof ZTalkEvent>;

export const ZIdParam = z.object({ id: ZId });
export const ZDeleteQuery = z.object({ version: z.coerce.number({ message: '缺少版本号' }).int().min(0) });

// ---------- responses

const ZPersonRef = z.object({ id: z.string(), name: z.string(), post: z.string(), unitName: z.string() });

/** 谈话 as listed: the row, with names and the caller's actions. */
export const ZTalk = z.object({
  id: z.string(),
  regionId: z.string(),
  code: z.string(),
  kind: zStoredEnum(keysOf(TALK_KINDS)),
  kindLabel: z.string(),
  talkerPersonIds: z.array(z.string()),
  talkerNames: z.string(),
  talkers: z.array(ZPersonRef),
  subjectPersonIds: z.array(z.string()),
  subjects: z.array(ZPersonRef),
  subjectUnitId: z.string().nullable(),
  subjectUnitName: z.string().nullable(),
  unitIds: z.array(z.string()),
  unitNames: z.array(z.string()),
  reason: z.string(),
  talkOn: z.string(),
  place: z.string(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  recorderPersonId: z.string().nullable(),
  recorder: ZPersonRef.nullable(),
  record: z.string(),
  recordedAt: ZTimestamp.nullable(),
  followUpRequired: z.string(),
  followUpDue: z.string().nullable(),
  followUpDone: z.boolean(),
  followUpResult: z.string(),
  followedUpAt: ZTimestamp.nullable(),
  followUpOverdue: z.boolean(),
  problemId: z.string().nullable(),
  warningId: z.string().nullable(),
  caseId: z.string().nullable(),
  formOfFour: z.number().nullable(),
  state: zStoredEnum(keysOf(TALK_STATES)),
  stateLabel: z.string(),
  closedAt: ZTimestamp.nullable(),
  createdByUserId: z.string().nullable(),
  version: z.number(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  deletedAt: ZTimestamp.nullable(),
  /** update, delete and the events (record, follow_up, close) the caller may fire now. */
  actions: z.array(z.string()),
});

export const ZTalkDetail = ZTalk.extend({
  events: z.array(
    z.object({
      id: z.string(),
      talkId: z.string(),
      type: z.string(),
      label: z.string(),
      ...eventRowFields,
    }),
  ),
});
