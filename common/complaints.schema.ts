import { ZSituationNo } from './cases.schema.js';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_EVENTS,
  COMPLAINT_FINDINGS,
  COMPLAINT_KINDS,
  COMPLAINT_STATES,
  COMPLAINT_WAYS,
  FEEDBACK_METHODS,
} from './complaints.js';
import { ZDate, ZId, ZNonEmpty, ZPage, ZTimestamp, ZVersion, ZLabelledEvent, keysOf, z, zStoredEnum } from './zod.js';

// ---------- requests

const text = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}个字`).default('');

/** 检举控告人: only for a real-name report. */
export const ZFiler = z.object({
  name: ZNonEmpty('姓名', 50),
  phone: z
    .string()
    .trim()
    .max(20, '请填写正确的联系电话')
    .regex(/^[0-9+\- ]{5,20}$/, '请填写正确的联系电话'),
  idNumber: text('身份证号', 18),
  address: text('联系地址', 200),
});
export type TFiler = z.infer<typeof ZFiler>;

const matter = {
  kind: z.enum(keysOf(COMPLAINT_KINDS), { message: '请选择反映类型' }).default('accusation'),
  anonymous: z.boolean({ message: '请选择实名或匿名' }),
  filer: ZFiler.nullable().default(null),
  /** 被反映人 */
  subjectName: text('被反映人姓名', 50),
  subjectUnitName: ZNonEmpty('被反映人单位', 100),
  subjectPost: text('被反映人职务', 50),
  /** 主要问题 */
  content: ZNonEmpty('反映的主要问题', 10000),
  happenedAt: text('发生时间', 100),
  place: text('发生地点', 200),
  /** Concerns the commission's own principal (第十五条): goes to the level above, seen by nobody here. */
  aboutPrincipal: z.boolean().default(false),
};

const realNameNeedsFiler = (v: { anonymous: boolean; filer: unknown }) => v.anonymous || v.filer !== null;
const filerMessage = { message: '实名举报请填写姓名和联系电话', path: ['filer'] };

/** The public form (the `data` field of the multipart body), with the solved human check. */
export const ZPublicComplaint = z
  .object({ ...matter, altcha: z.string({ message: '请完成人机验证' }).min(1, '请完成人机验证').max(4000) })
  .refine(realNameNeedsFiler, filerMessage);
export type TPublicComplaint = z.infer<typeof ZPublicComplaint>;

/** Staff intake of a letter, visit, call, 12345 transfer or a matter from the level above. */
export const ZCreateComplaint = z
  .object({
    ...matter,
    channel: z.enum(['letter', 'visit', 'phone', 'hotline12345', 'upper'], { message: '请选择来源渠道' }),
    subjectUnitId: ZId.nullable().default(null),
    receivedOn: ZDate,
    /** 12345 工单号, 上级交办文号 … */
    sourceRef: text('来源编号', 100),
    repeatOfId: ZId.nullable().default(null),
  })
  .refine(realNameNeedsFiler, filerMessage);
export type TCreateComplaint = z.infer<typeof ZCreateComplaint>;

export const ZComplaintStatusQuery = z.object({
  code: z.string().trim().max(40, '受理编号不正确'),
  password: z.string().max(100, '查询密码不正确'),
});
export type TComplaintStatusQuery = z.infer<typeof ZComplaintStatusQuery>;

export const ZListComplaints = z.object({
  ...ZPage,
  state: z.enum(keysOf(COMPLAINT_STATES), { message: '状态不正确' }).optional(),
  channel: z.enum(keysOf(COMPLAINT_CHANNELS), { message: '渠道不正确' }).optional(),
  kind: z.enum(keysOf(COMPLAINT_KINDS), { message: '类型不正确' }).optional(),
  unitId: ZId.optional(),
  /** The complaint a problem was dispatched from. */
  problemId: ZId.optional(),
  /** Completed (办结) between these days. */
  completedFrom: ZDate.optional(),
  completedTo: ZDate.optional(),
  overdue: z.enum(['1']).optional(),
  mine: z.enum(['1']).optional(),
  from: ZDate.optional(),
  to: ZDate.optional(),
  /** Code, the subject's name/unit, or words of the (decrypted) report text. */
  q: z.string().trim().max(100).optional(),
});
export type TListComplaints = z.infer<typeof ZListComplaints>;

/** 办理结果季度反馈: the complaints completed in one quarter (第…条: feedback to the complaints office each quarter). */
export const ZComplaintQuarter = z.object({
  year: z.coerce.number({ message: '请选择年度' }).int().min(2000).max(2100),
  quarter: z.coerce.number({ message: '请选择季度' }).int().min(1, '季度应为1至4').max(4, '季度应为1至4'),
});
export type TComplaintQuarter = z.infer<typeof ZComplaintQuarter>;

export const ZComplaintFigures = z.object({ from: ZDate.optional(), to: ZDate.optional() });
export type TComplaintFigures = z.infer<typeof ZComplaintFigures>;

export const ZComplaintEvent = z.object({
  type: z.enum(keysOf(COMPLAINT_EVENTS), { message: '不支持的操作' }),
  version: ZVersion,
  comment: z.string().trim().max(2000).default(''),
  /** hand_over: the new owner (a user with complaints access). */
  toUserId: ZId.optional(),
  /** transfer: the lower-level organ; lower_reply: what it did. */
  transferTo: z.string().trim().max(100).optional(),
  lowerResult: z.enum(['accepted', 'retransferred']).optional(),
  /** mark_repeat: the earlier complaint of the same matter. */
  repeatOfId: ZId.optional(),
  /** notify_acceptance / feedback: how and when the filer was told. */
  method: z.enum(keysOf(FEEDBACK_METHODS), { message: '请选择告知方式' }).optional(),
  on: ZDate.optional(),
  /** decide: 处置方式, after the collective decision of `decidedOn`, approved by `approver`. */
  way: z.enum(keysOf(COMPLAINT_WAYS), { message: '请选择处置方式' }).optional(),
  approver: z.string().trim().max(50).optional(),
  decidedOn: ZDate.optional(),
  /** complete: the finding and the result; feedback: the answer the filer reads. */
  finding: z.enum(keysOf(COMPLAINT_FINDINGS), { message: '请选择核查结论' }).optional(),
  result: z.string().trim().max(5000).optional(),
  answer: z.string().trim().max(5000).optional(),
  /** objection / answer_objection */
  text: z.string().trim().max(5000).optional(),
  /**
   * to_problem: the problem the unit must fix, written for the unit — never the report's text or the filer
   * (the unit must not learn who reported it); one measure with its deadline.
   */
  problem: z
    .object({
      title: ZNonEmpty('问题标题', 200),
      description: z.string().trim().max(5000).default(''),
      unitId: ZId,
      measure: ZNonEmpty('整改措施', 2000),
      deadline: ZDate,
    })
    .optional(),
  /** propose: why accountability is proposed, the people named (the subject's unit is always named). */
  proposal: z
    .object({
      reason: ZNonEmpty('建议理由', 2000),
      personIds: z.array(ZId).max(20).default([]),
      situation: ZSituationNo.nullable().default(null),
    })
    .optional(),
});
export type TComplaintEvent = z.infer<typeof ZComplaintEvent>;

/** Who may take a complaint over (移交承办人): the region's users with complaints work. */
/** The region's complaint handlers as a person picker shows them: name, unit and role. */
export const ZComplaintHandlers = z.object({
  items: z.array(
    z.object({ userId: ZId, displayName: z.string(), unitName: z.string().nullable(), roleLabel: z.string() }),
  ),
});

export const ZComplaintIdParam = z.object({ id: ZId });
export const ZComplaintFileParam = z.object({ id: ZId, fileId: ZId });

// ---------- responses

export const ZChallenge = z.object({
  algorithm: z.string(),
  challenge: z.string(),
  maxnumber: z.number().optional(),
  salt: z.string(),
  signature: z.string(),
});

export const ZComplaintReceipt = z.object({ code: z.string(), password: z.string(), receivedOn: z.string() });

export const ZComplaintPublicStatus = z.object({
  code: z.string(),
  receivedOn: z.string(),
  status: z.string(),
  answer: z.string(),
  answeredOn: z.string().nullable(),
});

const ZClock = z.object({
  key: z.string(),
  label: z.string(),
  due: z.string(),
  doneOn: z.string().nullable(),
  source: z.string(),
  /** open | warn (within the warning days) | overdue | done | late (done after due) */
  status: z.enum(['open', 'warn', 'overdue', 'done', 'late']),
  provisional: z.boolean(),
});

/** A complaint as listed: no identity of the filer, ever. */
export const ZComplaint = z.object({
  id: z.string(),
  code: z.string(),
  channel: zStoredEnum(keysOf(COMPLAINT_CHANNELS)),
  channelLabel: z.string(),
  kind: zStoredEnum(keysOf(COMPLAINT_KINDS)),
  kindLabel: z.string(),
  anonymous: z.boolean(),
  subjectName: z.string(),
  subjectUnitId: z.string().nullable(),
  subjectUnitName: z.string(),
  subjectPost: z.string(),
  receivedOn: z.string(),
  sourceRef: z.string(),
  state: zStoredEnum(keysOf(COMPLAINT_STATES)),
  stateLabel: z.string(),
  way: z.string().nullable(),
  wayLabel: z.string().nullable(),
  finding: z.string().nullable(),
  findingLabel: z.string().nullable(),
  result: z.string(),
  completedOn: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string(),
  repeatOfId: z.string().nullable(),
  repeatCount: z.number(),
  problemId: z.string().nullable(),
  caseId: z.string().nullable(),
  completionDue: z.string(),
  overdue: z.boolean(),
  /** The report text's first words (decrypted for the reader). */
  summary: z.string(),
  version: z.number(),
  createdAt: ZTimestamp,
  actions: z.array(z.string()),
});

export const ZComplaintDetail = ZComplaint.extend({
  content: z.string(),
  happenedAt: z.string(),
  place: z.string(),
  /** The real-name filer, decrypted (every read audited); null for anonymous reports. */
  filer: ZFiler.nullable(),
  transferTo: z.string(),
  lowerResult: z.string().nullable(),
  decidedOn: z.string().nullable(),
  approver: z.string(),
  result: z.string(),
  completedOn: z.string().nullable(),
  answer: z.string(),
  /** The answer as the links suggest it: the result, the problem's outcome, accountability opened. */
  answerDraft: z.string(),
  /** The problem of the ledger it was dispatched as (to_problem). */
  problem: z.object({ id: z.string(), code: z.string(), state: z.string() }).nullable(),
  /** Its latest 问责建议 (propose) and what became of it. */
  proposal: z
    .object({
      id: z.string(),
      code: z.string(),
      state: z.enum(['pending', 'accepted', 'declined']),
      caseId: z.string().nullable(),
      caseCode: z.string().nullable(),
      declineReason: z.string().nullable(),
    })
    .nullable(),
  acceptanceToldOn: z.string().nullable(),
  acceptanceToldHow: z.string().nullable(),
  feedbackOn: z.string().nullable(),
  feedbackHow: z.string().nullable(),
  clocks: z.array(ZClock),
  repeats: z.array(z.object({ id: z.string(), code: z.string(), receivedOn: z.string() })),
  files: z.array(z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() })),
  events: z.array(ZLabelledEvent),
});

export const ZComplaintFiguresResult = z.object({
  total: z.number(),
  byChannel: z.array(z.object({ key: z.string(), label: z.string(), n: z.number() })),
  byKind: z.array(z.object({ key: z.string(), label: z.string(), n: z.number() })),
  byUnit: z.array(z.object({ key: z.string(), label: z.string(), n: z.number() })),
  byMonth: z.array(z.object({ key: z.string(), label: z.string(), n: z.number() })),
  byWay: z.array(z.object({ key: z.string(), label: z.string(), n: z.number() })),
  acceptanceOnTime: z.object({ due: z.number(), onTime: z.number() }),
  feedbackOnTime: z.object({ due: z.number(), onTime: z.number() }),
  substantiation: z.object({ concluded: z.number(), substantiated: z.number(), rate: z.number().nullable() }),
});
