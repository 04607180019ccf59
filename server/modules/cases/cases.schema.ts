import {
  APPEAL_KINDS,
  APPEAL_RESULTS,
  CASE_EVENTS,
  CASE_KINDS,
  CASE_SOURCES,
  CASE_STATES,
  CIRCUMSTANCES,
  DUTIES,
  FACTS,
  FORM_KEYS,
  JOINT_REVIEW_OFFICES,
  RESPONSIBILITIES,
  THREE_DISTINCTIONS,
  TOLERANCE_OUTCOMES,
} from '../../../common/cases.js';
import { ZDate, ZId, ZNonEmpty, ZPage, ZVersion, z } from '../../../common/zod.js';

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];
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

export const ZCreateCase = z.object({
  kind: z.enum(keys(CASE_KINDS), { message: '请选择问责类型' }),
  title: ZNonEmpty('案件名称', 100),
  summary: text(5000).default(''),
  situation: z
    .number({ message: '请选择问责情形' })
    .int()
    .min(1, '问责情形应为第七条第（一）至（十一）项')
    .max(11, '问责情形应为第七条第（一）至（十一）项'),
  sourceType: z.enum(keys(CASE_SOURCES), { message: '请选择案件来源' }),
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
  state: z.enum(keys(CASE_STATES)).optional(),
  kind: z.enum(keys(CASE_KINDS)).optional(),
  situation: z.coerce.number().int().min(1).max(11).optional(),
});
export type TListCases = z.infer<typeof ZListCases>;

const ZForm = z.object({
  form: z.enum(FORM_KEYS, { message: '问责方式不正确' }),
  mode: z.enum(['impose', 'propose'], { message: '请选择“作出决定”或“提出建议”' }).default('impose'),
});
export type TForm = z.infer<typeof ZForm>;

const ZDetermination = z.object({
  subjectId: ZId,
  responsibility: z.enum(keys(RESPONSIBILITIES), { message: '请选择责任类型' }),
  duty: z.enum(keys(DUTIES), { message: '请选择决策、执行或监管责任' }),
  circumstances: z
    .object({
      exemption: z.array(z.enum(keys(CIRCUMSTANCES.exemption.items))).default([]),
      mitigating: z.array(z.enum(keys(CIRCUMSTANCES.mitigating.items))).default([]),
      aggravating: z.array(z.enum(keys(CIRCUMSTANCES.aggravating.items))).default([]),
    })
    .default({ exemption: [], mitigating: [], aggravating: [] }),
  tolerance: z
    .object({
      outcome: z.enum(keys(TOLERANCE_OUTCOMES), { message: '请选择容错结论' }),
      reasons: text(2000).default(''),
      filingIds: z.array(ZId).max(20).default([]),
      distinctions: z.partialRecord(z.enum(keys(THREE_DISTINCTIONS)), z.boolean()).default({}),
    })
    .optional(),
});

const ZSubjectDecision = z.object({ subjectId: ZId, forms: z.array(ZForm).max(6) });

export const ZCaseEvent = z.object({
  type: z.enum(keys(CASE_EVENTS), { message: '不支持的操作' }),
  version: ZVersion,
  comment: text(5000).optional(),
  /** record_facts */
  facts: z.partialRecord(z.enum(keys(FACTS)), text(10000)).optional(),
  /** record_defense / decide_appeal / appeal */
  subjectId: ZId.optional(),
  defense: text(10000).optional(),
  signed: z.boolean().optional(),
  /** determine */
  determinations: z.array(ZDetermination).max(30).optional(),
  /** sign_joint_review */
  office: z.enum(keys(JOINT_REVIEW_OFFICES), { message: '联审部门不正确' }).optional(),
  /** decide */
  decisions: z.array(ZSubjectDecision).max(30).optional(),
  decisionDate: ZDate.optional(),
  /** appeal */
  appealKind: z.enum(keys(APPEAL_KINDS), { message: '请选择申诉、复审或复核' }).optional(),
  filedOn: ZDate.optional(),
  /** decide_appeal / pause_clock / resume_clock */
  appealId: ZId.optional(),
  result: z.enum(keys(APPEAL_RESULTS), { message: '请选择复查结论' }).optional(),
  forms: z.array(ZForm).max(6).optional(),
  date: ZDate.optional(),
  /** recommend (以案促改) */
  unitId: ZId.optional(),
  deadline: ZDate.optional(),
  /** spawn_dual (一案双查) */
  personIds: z.array(ZId).max(10).optional(),
});
export type TCaseEvent = z.infer<typeof ZCaseEvent>;

export const ZIdParam = z.object({ id: ZId });
export const ZFileParam = z.object({ id: ZId, fileId: ZId });

export const ZSample = z.object({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}(-(H[12]|Q[1-4]))?$/, '评查期间格式应为 2026、2026-H2 或 2026-Q4'),
  size: z.number().int().min(1, '抽查数量至少为1').max(50, '抽查数量不超过50'),
});
export const ZListEvaluations = z.object({ ...ZPage, period: z.string().trim().max(10).optional() });
export const ZScoreEvaluation = z.object({
  version: ZVersion,
  scores: z.record(z.string(), z.record(z.string(), z.number().int().min(0).max(20))),
  defects: text(5000).default(''),
  corrections: text(5000).default(''),
});
export type TScoreEvaluation = z.infer<typeof ZScoreEvaluation>;
