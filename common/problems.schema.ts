import { PROBLEM_COLORS, PROBLEM_EVENTS, PROBLEM_SEVERITIES, PROBLEM_SOURCES, PROBLEM_STATES } from './problems.js';
import { ZDate, ZId, ZNonEmpty, ZPage, ZTimestamp, ZVersion, z, zJson, zPageOf, zStoredEnum, keysOf } from './zod.js';

export const ZSource = z.enum(keysOf(PROBLEM_SOURCES), {
  message: `问题来源应为：${Object.values(PROBLEM_SOURCES).join('、')}`,
});
export const ZSeverity = z.enum(keysOf(PROBLEM_SEVERITIES), { message: '严重程度应为：一般、较重、严重' });

/** A measure's deadline: a date, or N calendar / working days after dispatch. */
export const ZMeasureInput = z
  .object({
    content: ZNonEmpty('整改措施', 1000),
    ownerPersonId: ZId.nullable().optional(),
    deadlineType: z.enum(['date', 'calendar', 'working'], { message: '时限类型应为日期、自然日或工作日' }),
    deadline: ZDate.optional(),
    days: z.number().int().min(1, '天数至少为1').max(730, '天数不能超过730').optional(),
  })
  .refine((m) => (m.deadlineType === 'date' ? !!m.deadline : !!m.days), {
    message: '请填写整改时限（日期或天数）',
    path: ['deadline'],
  });
export type TMeasureInput = z.infer<typeof ZMeasureInput>;

const problemFields = {
  title: ZNonEmpty('问题标题', 200),
  description: z.string().trim().max(5000, '问题描述不能超过5000字'),
  source: ZSource,
  sourceRef: z.string().trim().max(200).nullable(),
  category: z.string().trim().max(50),
  severity: ZSeverity,
  unitId: ZId,
  responsiblePersonId: ZId.nullable(),
  leaderPersonId: ZId.nullable(),
  urgent: z.boolean(),
  measures: z.array(ZMeasureInput).min(1, '至少填写一项整改措施').max(30),
};

export const ZCreateProblem = z.object({
  ...problemFields,
  description: problemFields.description.default(''),
  sourceRef: problemFields.sourceRef.optional(),
  category: problemFields.category.default(''),
  severity: problemFields.severity.default('general'),
  responsiblePersonId: problemFields.responsiblePersonId.optional(),
  leaderPersonId: problemFields.leaderPersonId.optional(),
  urgent: problemFields.urgent.default(false),
  /** Dispatch (交办) at once instead of keeping a draft. */
  dispatch: z.boolean().default(false),
});
export type TCreateProblem = z.infer<typeof ZCreateProblem>;

export const ZUpdateProblem = z.object(problemFields).partial().extend({ version: ZVersion });
export type TUpdateProblem = z.infer<typeof ZUpdateProblem>;

const ZBool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ZListProblems = z.object({
  ...ZPage,
  unitId: ZId.optional(),
  state: z.enum(keysOf(PROBLEM_STATES)).optional(),
  color: z.enum(['blue', 'yellow', 'red', 'none']).optional(),
  source: ZSource.optional(),
  category: z.string().max(50).optional(),
  severity: ZSeverity.optional(),
  leaderPersonId: ZId.optional(),
  commonGroupId: ZId.optional(),
  q: z.string().max(100).optional(),
  deadlineBefore: ZDate.optional(),
  deadlineAfter: ZDate.optional(),
  overdue: ZBool.optional(),
  listed: ZBool.optional(),
  /** Only problems whose escalation the system proposes and the office has not yet confirmed (or only the others). */
  pending: ZBool.optional(),
  /** `attention`: open problems first, then the nearest (or longest overdue) deadline — the web ledger's default. */
  sort: z.enum(['attention', 'deadline', '-deadline', 'createdAt', '-createdAt', 'code', '-code']).optional(),
});
export type TListProblems = z.infer<typeof ZListProblems>;

export const ZProblemEvent = z.object({
  type: z.enum(keysOf(PROBLEM_EVENTS), { message: '不支持的操作' }),
  version: ZVersion,
  comment: z.string().trim().max(2000).default(''),
  /** report_progress: the measure reported on, what was done, and whether it is finished. */
  measureId: ZId.optional(),
  progress: z.string().trim().max(2000).optional(),
  done: z.boolean().optional(),
  /** Evidence uploaded with POST /api/problems/{id}/files. */
  fileIds: z.array(ZId).max(20).default([]),
  /** escalate: 1 通报, 2 约谈, 3 挂牌督办, 4 问责建议. */
  level: z.number().int().min(1).max(4).optional(),
  /** reopen: the new deadline. */
  deadline: ZDate.optional(),
});
export type TProblemEvent = z.infer<typeof ZProblemEvent>;

export const ZIdParam = z.object({ id: ZId });
export const ZDocumentParam = z.object({
  id: ZId,
  kind: z.enum(['notice', 'reminder', 'interview'], { message: '文书类型应为 notice、reminder 或 interview' }),
});

export const ZCreateCommonGroup = z.object({
  title: ZNonEmpty('共性问题名称', 100),
  description: z.string().trim().max(2000).default(''),
  problemIds: z.array(ZId).min(2, '至少选择两个问题').max(500),
});

export const ZEscalationSettings = z.object({
  /** 蓝: deadline within this many working days. */
  blueWorkingDays: z.number().int().min(0).max(30),
  /** 黄: no progress for this many calendar days while rectifying. */
  yellowNoProgressDays: z.number().int().min(1).max(90),
  /** Working days overdue before proposing 通报 / 约谈 / 挂牌督办 / 问责建议. */
  noticeAfter: z.number().int().min(0).max(365),
  interviewAfter: z.number().int().min(0).max(365),
  listAfter: z.number().int().min(0).max(365),
  proposalAfter: z.number().int().min(0).max(365),
  /** Levels applied without the office's confirmation. */
  automatic: z.array(z.number().int().min(1).max(4)).max(4),
});
export type TEscalationSettings = z.infer<typeof ZEscalationSettings>;

// ---------- responses

export const ZMeasure = z.object({
  id: ZId,
  seq: z.number().int(),
  content: z.string(),
  ownerPersonId: ZId.nullable(),
  ownerName: z.string().nullable(),
  deadlineType: zStoredEnum(['date', 'calendar', 'working']),
  deadlineDays: z.number().int().nullable(),
  deadline: z.string(),
  done: z.boolean(),
  doneAt: ZTimestamp.nullable(),
  progress: z.string(),
  lastReportAt: ZTimestamp.nullable(),
  overdue: z.boolean(),
});

/** A problem of the ledger, with its measures and the caller's allowed transitions. */
export const ZProblem = z.object({
  id: ZId,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  source: zStoredEnum(keysOf(PROBLEM_SOURCES)),
  sourceLabel: z.string(),
  sourceRef: z.string().nullable(),
  category: z.string(),
  severity: zStoredEnum(keysOf(PROBLEM_SEVERITIES)),
  severityLabel: z.string(),
  unitId: ZId,
  unitName: z.string().nullable(),
  coUnitIds: z.array(ZId),
  leadUnitConfirmed: z.boolean(),
  responsiblePersonId: ZId.nullable(),
  responsibleName: z.string().nullable(),
  leaderPersonId: ZId.nullable(),
  leaderName: z.string().nullable(),
  state: zStoredEnum(keysOf(PROBLEM_STATES)),
  stateLabel: z.string(),
  /** While close_requested: who acts next. */
  closeStage: zStoredEnum(['unit_head', 'office']).nullable(),
  overdue: z.boolean(),
  listed: z.boolean(),
  color: zStoredEnum(keysOf(PROBLEM_COLORS)).nullable(),
  colorLabel: z.string().nullable(),
  urgent: z.boolean(),
  deadline: z.string().nullable(),
  escalationLevel: z.number().int(),
  pendingEscalation: z.number().int().nullable(),
  commonGroupId: ZId.nullable(),
  reopenCount: z.number().int(),
  dispatchedAt: ZTimestamp.nullable(),
  receivedAt: ZTimestamp.nullable(),
  lastProgressAt: ZTimestamp.nullable(),
  closedAt: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
  version: z.number().int(),
  measures: z.array(ZMeasure),
  actions: z.array(z.enum(keysOf(PROBLEM_EVENTS))),
});

export const ZProblemPage = zPageOf(ZProblem);

export const ZProblemEventRow = z.object({
  id: ZId,
  type: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  actorName: z.string(),
  at: ZTimestamp,
  comment: z.string(),
  payload: zJson<Record<string, unknown> | null>(),
  late: z.boolean(),
});

/** An evidence file as stored by an upload. */
export const ZUploadedFile = z.object({ id: ZId, name: z.string(), size: z.number().int(), mime: z.string() });
export const ZProblemFile = ZUploadedFile.extend({
  eventId: ZId.nullable(),
  measureId: ZId.nullable(),
  createdAt: ZTimestamp,
});

export const ZProblemDetail = ZProblem.extend({ events: z.array(ZProblemEventRow), files: z.array(ZProblemFile) });

/** Counts by state, colour and overdue for the board header. */
export const ZProblemStats = z.object({
  items: z.array(
    z.object({
      state: zStoredEnum(keysOf(PROBLEM_STATES)),
      color: zStoredEnum(keysOf(PROBLEM_COLORS)).nullable(),
      overdue: z.boolean(),
      count: z.number().int(),
    }),
  ),
});

export const ZImportResult = z.object({ created: z.number().int(), ids: z.array(ZId) });

export const ZCommonGroup = z.object({
  id: ZId,
  regionId: ZId,
  title: z.string(),
  description: z.string(),
  createdAt: ZTimestamp,
});
export const ZCommonGroupRow = ZCommonGroup.extend({ problemCount: z.number().int() });
export const ZCommonGroupDetail = ZCommonGroup.extend({ problems: z.array(ZProblem) });
export const ZCommonGroupPage = zPageOf(ZCommonGroupRow);
export const ZListCommonGroups = z.object({ ...ZPage, q: z.string().trim().max(50).optional() });
export type TListCommonGroups = z.infer<typeof ZListCommonGroups>;

/** The settings as read and written, with their optimistic-lock version. */
export const ZEscalationSettingsUpdate = ZEscalationSettings.extend({ version: z.number().int().min(0) });

/** POST /api/problems/circulars: a 通报 issued (numbered) for the problems chosen by ids or the filters. */
export const ZIssueCircular = ZListProblems.extend({ ids: z.array(ZId).max(500).optional() });
export const ZIssuedCircular = z.object({
  id: ZId,
  number: z.string(),
  issuedOn: z.string(),
  problems: z.number().int(),
  matched: z.number().int(),
  /** Chinese note when more problems matched than one 通报 lists. */
  warning: z.string().nullable(),
});
