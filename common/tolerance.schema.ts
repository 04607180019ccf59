import { TOLERANCE_STATES } from './tolerance.js';
import { ZDate, ZId, ZNonEmpty, ZPage, ZTimestamp, ZVersion, z, zStoredEnum, eventRowFields, keysOf } from './zod.js';

// ---------- requests

const fields = {
  unitId: ZId,
  personIds: z.array(ZId).min(1, '请至少选择一名责任人').max(20, '责任人不能超过20名'),
  matter: ZNonEmpty('备案事项', 200),
  decision: ZNonEmpty('决策内容', 5000),
  basis: ZNonEmpty('政策依据', 5000),
  exploratory: z.boolean({ message: '请选择是否属于改革试点或探索性工作' }),
  minutes: ZNonEmpty('集体决策会议纪要', 10000),
  dissent: z.string().trim().max(5000, '反对意见不能超过5000个字'),
  risk: ZNonEmpty('风险评估', 5000),
  decidedOn: ZDate,
  reviewOn: ZDate,
  /** Keys of the 容错情形清单 the matter meets, and of the 不予容错情形清单 that apply (any excludes it). */
  toleranceItems: z.array(z.string().max(40)).max(20),
  exclusionItems: z.array(z.string().max(40)).max(20),
};

export const ZCreateFiling = z.object({
  ...fields,
  dissent: fields.dissent.default(''),
  toleranceItems: fields.toleranceItems.default([]),
  exclusionItems: fields.exclusionItems.default([]),
  /** Submit at once instead of keeping a draft. */
  submit: z.boolean().default(false),
});
export type TCreateFiling = z.infer<typeof ZCreateFiling>;

export const ZUpdateFiling = z.object(fields).omit({ unitId: true }).partial().extend({ version: ZVersion });
export type TUpdateFiling = z.infer<typeof ZUpdateFiling>;

export const ZListFilings = z.object({
  ...ZPage,
  state: z.enum(keysOf(TOLERANCE_STATES), { message: '状态不正确' }).optional(),
  unitId: ZId.optional(),
  exploratory: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Code, or words of the matter / decision. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['-decidedOn', 'decidedOn', '-createdAt', 'reviewOn', '-reviewOn']).optional(),
});
export type TListFilings = z.infer<typeof ZListFilings>;

export const ZFilingEvent = z.object({
  type: z.enum(['submit', 'approve', 'return'], { message: '不支持的操作' }),
  version: ZVersion,
  comment: z.string().trim().max(2000, '意见不能超过2000个字').default(''),
});
export type TFilingEvent = z.infer<typeof ZFilingEvent>;

export const ZIdParam = z.object({ id: ZId });

// ---------- responses

/** 容错免责 事前备案 as listed: the row (without the uploaded file), with names and the caller's actions. */
export const ZFiling = z.object({
  id: z.string(),
  regionId: z.string(),
  code: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  personIds: z.array(z.string()),
  people: z.array(z.object({ id: z.string(), name: z.string(), post: z.string() })),
  matter: z.string(),
  decision: z.string(),
  basis: z.string(),
  exploratory: z.boolean(),
  minutes: z.string(),
  dissent: z.string(),
  risk: z.string(),
  decidedOn: z.string(),
  reviewOn: z.string(),
  toleranceItems: z.array(z.string()),
  exclusionItems: z.array(z.string()),
  /** The list versions the filing was checked against when submitted. */
  listsCited: z.unknown(),
  state: zStoredEnum(keysOf(TOLERANCE_STATES)),
  stateLabel: z.string(),
  returnReason: z.string().nullable(),
  submittedAt: ZTimestamp.nullable(),
  approvedByUserId: z.string().nullable(),
  approvedAt: ZTimestamp.nullable(),
  approvalComment: z.string().nullable(),
  minutesFileName: z.string().nullable(),
  minutesFileMime: z.string().nullable(),
  hasMinutesFile: z.boolean(),
  createdByUserId: z.string().nullable(),
  version: z.number(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  deletedAt: ZTimestamp.nullable(),
  /** update and the events (submit, approve, return) the caller may fire now. */
  actions: z.array(z.string()),
});

export const ZFilingDetail = ZFiling.extend({
  events: z.array(
    z.object({
      id: z.string(),
      filingId: z.string(),
      type: z.string(),
      label: z.string(),
      ...eventRowFields,
    }),
  ),
});

const ZListItem = z.object({ key: z.string(), text: z.string(), source: z.string() });
const ZList = z.object({
  version: z.number().int(),
  scope: z.string(),
  effectiveFrom: z.string(),
  items: z.array(ZListItem),
});
/** GET /api/tolerance-filings/lists: the 容错情形 and 不予容错情形 lists in force for the caller's region. */
export const ZToleranceLists = z.object({ positive: ZList, negative: ZList });
