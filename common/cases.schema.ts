import {
  APPEAL_KINDS,
  SERVICE_MANNERS,
  APPEAL_RESULTS,
  type CircumstanceGroup,
  CASE_EVENTS,
  CASE_KINDS,
  CASE_SOURCES,
  CASE_STATES,
  CIRCUMSTANCES,
  DUTIES,
  FACTS,
  type FactKey,
  FORM_KEYS,
  JOINT_REVIEW_OFFICES,
  type JointReviewOffice,
  RESPONSIBILITIES,
  THREE_DISTINCTIONS,
  TOLERANCE_OUTCOMES,
} from './cases.js';
import { SITUATION_NUMBERS } from './rules.js';
import { ZProvisional } from './system.schema.js';
import { ZTalk } from './talks.schema.js';
import {
  ZDate,
  ZId,
  ZNonEmpty,
  ZPage,
  ZTimestamp,
  ZVersion,
  z,
  zJson,
  zPageOf,
  zStoredEnum,
  eventRowFields,
  keysOf,
} from './zod.js';

export * from './cases.evaluations.schema.js';

const text = (max: number) => z.string().trim().max(max, `不能超过${max}个字`);

export const ZSubjectInput = z
  .object({
    subjectType: z.enum(['person', 'unit'], { message: '问责对象类型应为个人或组织' }),
    personId: ZId.optional(),
    unitId: ZId.optional(),
  })
  .refine((s) => (s.subjectType === 'person' ? !!s.personId : !!s.unitId), {
    message: '请选择问责对象（个人须选择人员，组织须选择单位）',
    path: ['personId'],
  });

/** 问责情形: 第七条第（一）至（十一）项, or 第二十一条 (abuse of accountability). */
export const ZSituationNo = z
  .number({ message: '请选择问责情形' })
  .int()
  .refine((n) => (SITUATION_NUMBERS as number[]).includes(n), '问责情形应为第七条第（一）至（十一）项或第二十一条');

export const ZCreateCase = z.object({
  kind: z.enum(keysOf(CASE_KINDS), { message: '请选择问责类型' }),
  title: ZNonEmpty('案件名称', 100),
  summary: text(5000).default(''),
  situation: ZSituationNo,
  sourceType: z.enum(keysOf(CASE_SOURCES), { message: '请选择案件来源' }),
  sourceId: ZId.optional(),
  subjects: z.array(ZSubjectInput).min(1, '至少添加一个问责对象').max(30),
  /** Investigators besides the person opening the case: a team of at least two. */
  teamUserIds: z.array(ZId).max(10).default([]),
  highAttention: z.boolean().default(false),
  importantPost: z.boolean().default(false),
  field: text(50).default(''),
});
export type TCreateCase = z.infer<typeof ZCreateCase>;

export const ZListCases = z.object({
  ...ZPage,
  q: z.string().trim().max(50).optional(),
  state: z.enum(keysOf(CASE_STATES)).optional(),
  kind: z.enum(keysOf(CASE_KINDS)).optional(),
  situation: z.coerce.number().int().min(1).max(21).optional(),
  sort: z.enum(['-createdAt', 'createdAt', 'code', '-code']).optional(),
});
export type TListCases = z.infer<typeof ZListCases>;

const ZForm = z.object({
  form: z.enum(FORM_KEYS, { message: '问责方式不正确' }),
  mode: z.enum(['impose', 'propose'], { message: '请选择“作出决定”或“提出建议”' }).default('impose'),
});
export type TForm = z.infer<typeof ZForm>;

export const ZDetermination = z.object({
  subjectId: ZId,
  responsibility: z.enum(keysOf(RESPONSIBILITIES), { message: '请选择责任类型' }),
  duty: z.enum(keysOf(DUTIES), { message: '请选择决策、执行或监管责任' }),
  circumstances: z
    .object({
      exemption: z.array(z.enum(keysOf(CIRCUMSTANCES.exemption.items))).default([]),
      mitigating: z.array(z.enum(keysOf(CIRCUMSTANCES.mitigating.items))).default([]),
      aggravating: z.array(z.enum(keysOf(CIRCUMSTANCES.aggravating.items))).default([]),
    })
    .default({ exemption: [], mitigating: [], aggravating: [] }),
  tolerance: z
    .object({
      outcome: z.enum(keysOf(TOLERANCE_OUTCOMES), { message: '请选择容错结论' }),
      reasons: text(2000).default(''),
      filingIds: z.array(ZId).max(20).default([]),
      distinctions: z.partialRecord(z.enum(keysOf(THREE_DISTINCTIONS)), z.boolean()).default({}),
      /** Keys of the 容错情形清单 (positive list) the subject meets, and of the 不予容错情形清单 that apply. */
      positiveItems: z.array(z.string().max(40)).max(20).default([]),
      negativeItems: z.array(z.string().max(40)).max(20).default([]),
    })
    .optional(),
});

const ZSubjectDecision = z.object({ subjectId: ZId, forms: z.array(ZForm).max(6) });

export const ZCaseEvent = z.object({
  type: z.enum(keysOf(CASE_EVENTS), { message: '不支持的操作' }),
  version: ZVersion,
  comment: text(5000).optional(),
  /** record_facts */
  facts: z.partialRecord(z.enum(keysOf(FACTS)), text(10000)).optional(),
  /** record_defense / decide_appeal / appeal */
  subjectId: ZId.optional(),
  defense: text(10000).optional(),
  signed: z.boolean().optional(),
  /** determine */
  determinations: z.array(ZDetermination).max(30).optional(),
  /** sign_joint_review */
  office: z.enum(keysOf(JOINT_REVIEW_OFFICES), { message: '联审部门不正确' }).optional(),
  /** decide */
  decisions: z.array(ZSubjectDecision).max(30).optional(),
  decisionDate: ZDate.optional(),
  /** decide: the collective body that took it (e.g. 县纪委常委会会议), printed in the 决定书 */
  decisionBody: text(60).optional(),
  serviceManner: z.enum(keysOf(SERVICE_MANNERS), { message: '请选择送达方式' }).optional(), // record_service; `date` is the day the decision was received
  /** appeal */
  appealKind: z.enum(keysOf(APPEAL_KINDS), { message: '请选择申诉、复审或复核' }).optional(),
  filedOn: ZDate.optional(),
  /** decide_appeal / pause_clock / resume_clock */
  appealId: ZId.optional(),
  result: z.enum(keysOf(APPEAL_RESULTS), { message: '请选择复查结论' }).optional(),
  forms: z.array(ZForm).max(6).optional(),
  date: ZDate.optional(),
  /** recommend (以案促改) */
  unitId: ZId.optional(),
  deadline: ZDate.optional(),
  /** spawn_dual (一案双查) */
  personIds: z.array(ZId).max(10).optional(),
  /** change_team: the whole investigation team as it is to be */
  teamUserIds: z.array(ZId).max(10).optional(),
});
export type TCaseEvent = z.infer<typeof ZCaseEvent>;

export const ZIdParam = z.object({ id: ZId });
export const ZFileParam = z.object({ id: ZId, fileId: ZId });

/** Periods in force (影响期), soonest to end first unless sorted otherwise. */
export const ZListInfluencePeriods = z.object({
  ...ZPage,
  sort: z.enum(['endsOn', '-endsOn', 'startsOn', '-startsOn']).optional(),
});
export type TListInfluencePeriods = z.infer<typeof ZListInfluencePeriods>;

// ---------- responses

const ZInt = z.number().int();
export type TCaseForm = z.output<typeof ZForm>;

/** A case as listed: every column, with labels. */
export const ZCase = z.object({
  id: ZId,
  regionId: ZId,
  code: z.string(),
  kind: zStoredEnum(keysOf(CASE_KINDS)),
  kindLabel: z.string(),
  title: z.string(),
  summary: z.string(),
  situation: ZInt,
  situationText: z.string(),
  sourceType: zStoredEnum(keysOf(CASE_SOURCES)),
  sourceLabel: z.string(),
  sourceId: ZId.nullable(),
  parentCaseId: ZId.nullable(),
  state: zStoredEnum(keysOf(CASE_STATES)),
  stateLabel: z.string(),
  highAttention: z.boolean(),
  importantPost: z.boolean(),
  field: z.string(),
  facts: zJson<Partial<Record<FactKey, string>>>(),
  statementIssuedAt: ZTimestamp.nullable(),
  prereviewRequired: z.boolean(),
  prereview: zJson<{ requestedAt?: string; reasons?: string; opinion?: string; by?: string; at?: string } | null>(),
  jointReview: zJson<Partial<Record<JointReviewOffice, { name: string; opinion: string; at: string }>>>(),
  launchApprovedAt: ZTimestamp.nullable(),
  decidedAt: ZTimestamp.nullable(),
  decisionDate: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionBody: z.string().nullable(),
  /** The rule versions the decision was made under (null before the decision). */
  rulesCited: zJson<{ key: string; scope: string; version: number; effectiveFrom: string }[] | null>(),
  consistency: zJson<{ subject: string; message: string; comparable: number }[] | null>(),
  executionDeadline: z.string().nullable(),
  executedAt: ZTimestamp.nullable(),
  execution: z.string().nullable(),
  followUp: zJson<{ date: string; by: string; notes: string } | null>(),
  closedAt: ZTimestamp.nullable(),
  outcome: z.string().nullable(),
  createdBy: ZId.nullable(),
  version: ZInt,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  deletedAt: ZTimestamp.nullable(),
});
export const ZCasePage = zPageOf(ZCase);

export const ZCaseSubject = z.object({
  id: ZId,
  caseId: ZId,
  seq: ZInt,
  subjectType: zStoredEnum(['person', 'unit']),
  personId: ZId.nullable(),
  unitId: ZId.nullable(),
  name: z.string(),
  post: z.string(),
  statementShownAt: ZTimestamp.nullable(),
  defense: z.string().nullable(),
  signedAt: ZTimestamp.nullable(),
  responsibility: z.string().nullable(),
  duty: z.string().nullable(),
  circumstances: zJson<Partial<Record<CircumstanceGroup, string[]>>>(),
  tolerance: zJson<{
    outcome: string;
    reasons: string;
    filingIds: string[];
    positiveItems?: string[];
    negativeItems?: string[];
  } | null>(),
  determinedAt: ZTimestamp.nullable(),
  forms: zJson<TCaseForm[]>(),
  originalForms: zJson<TCaseForm[] | null>(),
  formOfFour: ZInt.nullable(),
  servedOn: z.string().nullable(),
  serviceManner: z.string().nullable(),
});

export const ZCaseAppeal = z.object({
  id: ZId,
  caseId: ZId,
  subjectId: ZId,
  kind: zStoredEnum(keysOf(APPEAL_KINDS)),
  kindLabel: z.string(),
  filedOn: z.string(),
  fileDeadline: z.string(),
  reason: z.string(),
  pauses: zJson<{ from: string; to: string | null }[]>(),
  decideDeadline: z.string().nullable(),
  state: zStoredEnum(['pending', 'decided']),
  result: z.string().nullable(),
  resultForms: zJson<TCaseForm[] | null>(),
  decidedOn: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** When the subject received this appeal's decision (a 复审决定 starts the 复核 clock). */
  servedOn: z.string().nullable(),
  serviceManner: z.string().nullable(),
  createdAt: ZTimestamp,
});

const ZPeriodKind = zStoredEnum(['sanction', 'no_promotion']);
const ZPeriodState = zStoredEnum(['active', 'ended']);
/** 影响期 of a subject, as stored. */
export const ZInfluencePeriod = z.object({
  id: ZId,
  regionId: ZId,
  caseId: ZId,
  subjectId: ZId,
  personId: ZId,
  kind: ZPeriodKind,
  form: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  source: z.string(),
  state: ZPeriodState,
  endedAt: ZTimestamp.nullable(),
  endReason: z.string().nullable(),
  createdAt: ZTimestamp,
});
/** A period in force, with its person (read by raw SQL: dates may arrive as Date). */
export const ZCurrentInfluencePeriod = z.object({
  id: ZId,
  caseId: ZId,
  personId: ZId,
  kind: ZPeriodKind,
  form: z.string(),
  startsOn: ZTimestamp,
  endsOn: ZTimestamp,
  source: z.string(),
  state: ZPeriodState,
  personName: z.string(),
  post: z.string(),
  unitName: z.string().nullable(),
});
export const ZCurrentInfluencePeriodPage = zPageOf(ZCurrentInfluencePeriod);
export const ZPersonInfluencePeriods = z.object({
  person: z.object({ id: ZId, name: z.string(), post: z.string() }),
  items: z.array(ZInfluencePeriod),
});

export const ZCaseFile = z.object({
  id: ZId,
  fact: z.string(),
  name: z.string(),
  mime: z.string(),
  size: ZInt,
  createdAt: ZTimestamp,
});
export const ZUploadedCaseFile = ZCaseFile.extend({ sha256: z.string() });

/** A case file in full, for its team: subjects, events, evidence, appeals, periods and the caller's actions. */
export const ZCaseDetail = ZCase.extend({
  subjects: z.array(ZCaseSubject),
  /** The 问责建议 the case was opened from (issue #17), its link back. */
  proposal: z.object({ id: ZId, code: z.string(), sourceLabel: z.string() }).nullable(),
  members: z.array(
    z.object({ userId: ZId, role: z.string(), displayName: z.string(), unitCode: z.string().nullable() }),
  ),
  events: z.array(
    z.object({
      id: ZId,
      caseId: ZId,
      type: z.string(),
      typeLabel: z.string(),
      ...eventRowFields,
      payload: zJson<Record<string, unknown> | null>(),
    }),
  ),
  files: z.array(ZCaseFile),
  appeals: z.array(ZCaseAppeal),
  influencePeriods: z.array(ZInfluencePeriod),
  readiness: z.object({ factsComplete: z.boolean(), missing: z.array(z.string()) }),
  /** 容错 pre-registrations that may bear on the case (the tolerance module's matches). */
  toleranceMatches: z.array(
    z.object({
      id: ZId,
      code: z.string(),
      unitId: ZId,
      unitName: z.string(),
      matter: z.string(),
      decision: z.string(),
      basis: z.string(),
      exploratory: z.boolean(),
      dissent: z.string(),
      decidedOn: z.string(),
      state: z.string(),
      score: z.number(),
      reasons: z.array(z.string()),
    }),
  ),
  /** Talks about the case, as the talks module answers them. */
  talks: z.array(ZTalk),
  myOffice: zStoredEnum(keysOf(JOINT_REVIEW_OFFICES)).nullable(),
  clockNote: ZProvisional, // clocks counted over a year without a published holiday schedule
  actions: z.array(zStoredEnum(keysOf(CASE_EVENTS))),
});

/** 一把尺子量到底: comparable decisions and the flags the proposed forms would raise. */
export const ZConsistency = z.object({
  /** Precedents; a case the caller may not read is anonymised (decision 013): no id, code, title or name. */
  comparable: z.array(
    z.object({
      caseId: ZId.nullable(),
      code: z.string().nullable(),
      title: z.string().nullable(),
      name: z.string().nullable(),
      subjectType: zStoredEnum(['person', 'unit']),
      decisionYear: ZInt.nullable(),
      forms: zJson<TCaseForm[]>(),
    }),
  ),
  flags: z.array(z.object({ subject: z.string(), message: z.string(), comparable: ZInt })),
});

export const ZCaseFigures = z.object({
  total: ZInt,
  bySituation: z.array(z.object({ situation: ZInt, n: ZInt })),
  byState: z.array(z.object({ state: z.string(), n: ZInt })),
  byForm: z.array(z.object({ form: z.string(), n: ZInt })),
  byFormOfFour: z.array(z.object({ formOfFour: ZInt, n: ZInt })),
  catchAllShare: z.number(),
  tolerance: z.array(z.object({ outcome: z.string(), n: ZInt })),
  appeals: z.array(z.object({ kind: z.string(), result: z.string().nullable(), n: ZInt })),
});
