import {
  DISPATCH_KINDS,
  DISPATCH_STATES,
  FREQUENCIES,
  RECIPIENT_KINDS,
  REPORT_STATES,
  SOURCE_TYPES,
  SUBJECT_KINDS,
} from './responsibility.js';
import { ZDate, ZId, ZNonEmpty, ZPage, ZTimestamp, ZVersion, ZLabelledEvent, keysOf, z, zStoredEnum } from './zod.js';

const ZYear = z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确');
const ZQuarter = z.coerce.number().int().min(1, '季度应为1至4').max(4, '季度应为1至4');
const ZSubjectKind = z.enum(keysOf(SUBJECT_KINDS), { message: '责任主体类型不正确' });

// ---------- catalogue (主体责任事项目录)

const itemFields = {
  subjectKind: ZSubjectKind,
  category: ZNonEmpty('责任类别', 50),
  content: ZNonEmpty('责任内容', 1000),
  target: z.string().trim().max(200, '量化指标不能超过200个字'),
  evidence: z.string().trim().max(500, '佐证材料要求不能超过500个字'),
  frequency: z.enum(keysOf(FREQUENCIES), { message: '频次应为每年、每半年、每季度、每月或适时' }),
  active: z.boolean(),
  sortOrder: z.number().int().min(0).max(100000),
};

export const ZCreateResponsibilityItem = z.object({
  ...itemFields,
  target: itemFields.target.default(''),
  evidence: itemFields.evidence.default(''),
  active: itemFields.active.default(true),
  sortOrder: itemFields.sortOrder.default(0),
});
export type TCreateResponsibilityItem = z.infer<typeof ZCreateResponsibilityItem>;
export const ZUpdateResponsibilityItem = z.object(itemFields).partial().extend({ version: ZVersion });
export type TUpdateResponsibilityItem = z.infer<typeof ZUpdateResponsibilityItem>;

export const ZListResponsibilityItems = z.object({
  ...ZPage,
  subjectKind: ZSubjectKind.optional(),
  frequency: z.enum(keysOf(FREQUENCIES)).optional(),
  active: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['subjectKind', 'category', '-updatedAt']).optional(),
});
export type TListResponsibilityItems = z.infer<typeof ZListResponsibilityItems>;

export const ZResponsibilityItem = z.object({
  id: z.string(),
  regionId: z.string(),
  subjectKind: zStoredEnum(keysOf(SUBJECT_KINDS)),
  subjectKindLabel: z.string(),
  duty: z.string(),
  category: z.string(),
  content: z.string(),
  target: z.string(),
  evidence: z.string(),
  frequency: zStoredEnum(keysOf(FREQUENCIES)),
  frequencyLabel: z.string(),
  active: z.boolean(),
  sortOrder: z.number(),
  version: z.number(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: z.array(z.string()),
});

export const ZImportResult = z.object({ created: z.number().int() });

// ---------- dispatches (派单)

const ZDeadline = z.union([
  z.object({ date: ZDate }),
  z.object({ workingDays: z.number().int().min(1, '工作日天数至少为1').max(250, '工作日天数不能超过250') }),
]);
export type TDeadline = z.infer<typeof ZDeadline>;

const ZDispatchItemInput = z.object({
  catalogueItemId: ZId.nullable().default(null),
  category: z.string().trim().max(50).default(''),
  content: z.string().trim().max(1000, '责任内容不能超过1000个字').default(''),
  target: z.string().trim().max(200).default(''),
  evidence: z.string().trim().max(500).default(''),
  deadline: ZDeadline,
});

export const ZCreateDispatch = z.object({
  kind: z.enum(keysOf(DISPATCH_KINDS), { message: '派单类型应为年初提示、季度派单、增派单或整改派单' }),
  year: ZYear,
  quarter: ZQuarter.nullable().default(null),
  recipientKind: z.enum(keysOf(RECIPIENT_KINDS), { message: '派单对象应为县级领导、单位或单位领导班子' }),
  recipientPersonId: ZId.nullable().default(null),
  unitId: ZId.nullable().default(null),
  title: z.string().trim().max(200, '标题不能超过200个字').default(''),
  note: z.string().trim().max(2000, '说明不能超过2000个字').default(''),
  sourceType: z.enum(keysOf(SOURCE_TYPES), { message: '来源类型不正确' }).nullable().default(null),
  sourceId: ZId.nullable().default(null),
  items: z.array(ZDispatchItemInput).min(1, '请至少列出一项责任事项').max(200, '责任事项不能超过200项'),
});
export type TCreateDispatch = z.infer<typeof ZCreateDispatch>;

export const ZGenerateQuarter = z.object({
  year: ZYear,
  quarter: ZQuarter,
  subjectKind: ZSubjectKind.default('member'),
  deadline: ZDeadline.optional(),
});
export type TGenerateQuarter = z.infer<typeof ZGenerateQuarter>;

export const ZListDispatches = z.object({
  ...ZPage,
  kind: z.enum(keysOf(DISPATCH_KINDS)).optional(),
  year: ZYear.optional(),
  quarter: ZQuarter.optional(),
  recipientKind: z.enum(keysOf(RECIPIENT_KINDS)).optional(),
  recipientPersonId: ZId.optional(),
  unitId: ZId.optional(),
  state: z.enum(keysOf(DISPATCH_STATES)).optional(),
  sourceType: z.enum(keysOf(SOURCE_TYPES)).optional(),
  sourceId: ZId.optional(),
  /** Only the caller's own lists (the leader's, or its unit's). */
  mine: z.enum(['true', 'false']).optional(),
  /** Only lists still out with an item past its deadline and not fulfilled. */
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['-createdAt', 'code', '-code']).optional(),
});
export type TListDispatches = z.infer<typeof ZListDispatches>;

export const ZDispatchEvent = z.object({
  type: z.enum(['issue', 'receive', 'close'], { message: '不支持的操作' }),
  version: ZVersion,
  comment: z.string().trim().max(2000).default(''),
});
export type TDispatchEvent = z.infer<typeof ZDispatchEvent>;

export const ZFulfilmentInput = z.object({
  doneOn: ZDate,
  description: ZNonEmpty('履责情况', 5000),
});
export type TFulfilmentInput = z.infer<typeof ZFulfilmentInput>;

export const ZIdParam = z.object({ id: ZId });
export const ZItemParam = z.object({ id: ZId, itemId: ZId });
export const ZFileParam = z.object({ id: ZId, fileId: ZId });
export const ZDeleteQuery = z.object({ version: z.coerce.number({ message: '缺少版本号' }).int().min(0) });
export const ZYearQuery = z.object({ year: ZYear });

const ZFulfilment = z.object({
  id: z.string(),
  doneOn: z.string(),
  description: z.string(),
  late: z.boolean(),
  recordedByName: z.string(),
  createdAt: ZTimestamp,
  files: z.array(z.object({ id: z.string(), name: z.string(), size: z.number() })),
});

export const ZDispatchItem = z.object({
  id: z.string(),
  catalogueItemId: z.string().nullable(),
  category: z.string(),
  content: z.string(),
  target: z.string(),
  evidence: z.string(),
  deadline: z.string(),
  deadlineRule: z.string(),
  sortOrder: z.number(),
  fulfilledOn: z.string().nullable(),
  late: z.boolean(),
  overdue: z.boolean(),
});

export const ZDispatch = z.object({
  id: z.string(),
  regionId: z.string(),
  code: z.string(),
  kind: zStoredEnum(keysOf(DISPATCH_KINDS)),
  kindLabel: z.string(),
  year: z.number(),
  quarter: z.number().nullable(),
  periodLabel: z.string(),
  recipientKind: zStoredEnum(keysOf(RECIPIENT_KINDS)),
  recipientPersonId: z.string().nullable(),
  unitId: z.string().nullable(),
  recipientName: z.string(),
  title: z.string(),
  note: z.string(),
  sourceType: zStoredEnum(keysOf(SOURCE_TYPES)).nullable(),
  sourceId: z.string().nullable(),
  state: zStoredEnum(keysOf(DISPATCH_STATES)),
  stateLabel: z.string(),
  issuedOn: z.string().nullable(),
  itemCount: z.number(),
  fulfilledCount: z.number(),
  version: z.number(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: z.array(z.string()),
});

export const ZDispatchDetail = ZDispatch.extend({
  items: z.array(ZDispatchItem.extend({ fulfilments: z.array(ZFulfilment) })),
  events: z.array(ZLabelledEvent),
});

export const ZGenerateResult = z.object({ dispatches: z.number(), items: z.number() });

// ---------- quarterly reports (落实情况季度报告)

export const ZCreateReport = z.object({
  year: ZYear,
  quarter: ZQuarter,
  recipientKind: z.enum(keysOf(RECIPIENT_KINDS)),
  unitId: ZId.nullable().default(null),
  summary: z.string().trim().max(5000, '报告说明不能超过5000个字').default(''),
});
export type TCreateReport = z.infer<typeof ZCreateReport>;

export const ZReportEvent = z.object({
  type: z.enum(['submit', 'approve', 'return'], { message: '不支持的操作' }),
  version: ZVersion,
  summary: z.string().trim().max(5000).optional(),
  comment: z.string().trim().max(2000).default(''),
});
export type TReportEvent = z.infer<typeof ZReportEvent>;

export const ZListReports = z.object({
  ...ZPage,
  year: ZYear.optional(),
  quarter: ZQuarter.optional(),
  state: z.enum(keysOf(REPORT_STATES)).optional(),
  unitId: ZId.optional(),
});
export type TListReports = z.infer<typeof ZListReports>;

export const ZReport = z.object({
  id: z.string(),
  year: z.number(),
  quarter: z.number(),
  periodLabel: z.string(),
  recipientKind: zStoredEnum(keysOf(RECIPIENT_KINDS)),
  recipientPersonId: z.string().nullable(),
  unitId: z.string().nullable(),
  recipientName: z.string(),
  summary: z.string(),
  state: zStoredEnum(keysOf(REPORT_STATES)),
  stateLabel: z.string(),
  submittedAt: ZTimestamp.nullable(),
  approvedAt: ZTimestamp.nullable(),
  version: z.number(),
  actions: z.array(z.string()),
});

/** The report as assembled from the quarter's items and their fulfilment records. */
export const ZReportDetail = ZReport.extend({
  /** Whether GET /api/responsibility-reports/:id/verdicts answers the caller (spot-check readers, the recipient). */
  verdictsVisible: z.boolean(),
  items: z.array(
    z.object({
      dispatchId: z.string(),
      dispatchCode: z.string(),
      kindLabel: z.string(),
      content: z.string(),
      target: z.string(),
      deadline: z.string(),
      fulfilledOn: z.string().nullable(),
      late: z.boolean(),
      records: z.array(
        z.object({ doneOn: z.string(), recordedAt: ZTimestamp, description: z.string(), files: z.array(z.string()) }),
      ),
    }),
  ),
  totals: z.object({ items: z.number(), fulfilled: z.number(), onTime: z.number() }),
  events: z.array(ZLabelledEvent),
});

// ---------- figures

const ZCounts = z.object({ lists: z.number(), items: z.number() });
const ZFigureFulfilment = z.object({
  fulfilled: z.number(),
  onTime: z.number(),
  fulfilmentRate: z.number(),
  onTimeRate: z.number(),
});
export const ZFigures = z.object({
  year: z.number(),
  byKind: z.array(z.object({ kind: z.string(), kindLabel: z.string(), recipientKind: z.string(), ...ZCounts.shape })),
  byPeriod: z.array(z.object({ quarter: z.number().nullable(), ...ZCounts.shape, ...ZFigureFulfilment.shape })),
  /** Period × kind × recipient kind: the cells every other breakdown sums (responsibility.figures.ts). */
  cells: z.array(
    z.object({
      quarter: z.number().nullable(),
      kind: z.string(),
      kindLabel: z.string(),
      recipientKind: z.string(),
      recipientKindLabel: z.string(),
      recipientGroup: z.enum(['leader', 'unit']),
      ...ZCounts.shape,
      itemsFulfilled: z.number(),
      itemsOnTime: z.number(),
    }),
  ),
  /** County leaders' lists and units' lists. */
  byRecipient: z.array(
    z.object({
      recipientGroup: z.enum(['leader', 'unit']),
      label: z.string(),
      ...ZCounts.shape,
      ...ZFigureFulfilment.shape,
      extraLists: z.number(),
      extraItems: z.number(),
    }),
  ),
  /** 定期抽查 results of the year's concluded checks, over the sampled reports the caller may see. */
  spotChecks: z.object({
    checks: z.number(),
    reports: z.number(),
    items: z.number(),
    byVerdict: z.array(z.object({ verdict: z.string().nullable(), label: z.string(), n: z.number() })),
    negative: z.number(),
    negativeRate: z.number(),
    problems: z.number(),
  }),
  total: ZCounts,
  extra: ZCounts,
  itemsDue: z.number(),
  itemsFulfilled: z.number(),
  itemsOnTime: z.number(),
  fulfilmentRate: z.number(),
  onTimeRate: z.number(),
  reports: z.array(z.object({ state: z.string(), n: z.number() })),
});

/** 年终汇总: the year per recipient (county leader or unit) the caller may see. */
export const ZYearEnd = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      recipientGroup: z.enum(['leader', 'unit']),
      recipientId: z.string(),
      recipientName: z.string(),
      lists: z.number(),
      items: z.number(),
      fulfilled: z.number(),
      onTime: z.number(),
      fulfilmentRate: z.number(),
      onTimeRate: z.number(),
      extraLists: z.number(),
      extraItems: z.number(),
      /** Each quarter's report state; null when none was written. */
      reports: z.array(z.string().nullable()),
      spotChecked: z.number(),
      spotNegative: z.number(),
      spotProblems: z.number(),
    }),
  ),
});

/** What a 增派单 made from a source starts with (GET /api/dispatches/source). */
export const ZSourceSummary = z.object({
  sourceType: z.enum(keysOf(SOURCE_TYPES)),
  sourceId: z.string(),
  code: z.string(),
  title: z.string(),
  /** The unit concerned and its county leader in charge, when the source names them. */
  unitId: z.string().nullable(),
  leaderPersonId: z.string().nullable(),
  content: z.string(),
});
export type TSourceSummary = z.infer<typeof ZSourceSummary>;
