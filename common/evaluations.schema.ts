import { GRADES } from './assessment.js';
import { ZYear } from './assessment.schema.js';
import { EVALUATION_KINDS, EVALUATION_STATES, QUESTION_SOURCES } from './evaluations.js';
import { ZDate, ZId, ZNonEmpty, ZPage, ZTimestamp, ZVersion, keysOf, z, zStoredEnum } from './zod.js';

// ---------- requests

export const ZCreateEvaluation = z.object({
  kind: z.enum(keysOf(EVALUATION_KINDS), { message: '评议类型不正确' }),
  title: ZNonEmpty('会议名称', 100),
  year: ZYear,
  scheduledAt: z.coerce.date({ message: '会议时间格式不正确' }),
  place: z.string().trim().max(100).default(''),
  /**
   * The units whose leaders report, in speaking order; `personId` names the leader who reports in person (述责述廉
   * of a leader: the scores then count for that person in leader systems).
   */
  reporters: z
    .array(
      z.object({
        unitId: ZId,
        personId: ZId.nullable().default(null),
        reporterName: z.string().trim().max(50).default(''),
      }),
    )
    .min(1, '至少选择一个述职单位')
    .max(50, '述职单位不能超过50个'),
  /** 评议人: who scores the reporters in the meeting. */
  attendees: z.array(ZNonEmpty('评议人', 50)).min(1, '至少填写一名评议人').max(100, '评议人不能超过100名'),
});
export type TCreateEvaluation = z.infer<typeof ZCreateEvaluation>;

export const ZListEvaluations = z.object({
  ...ZPage,
  year: ZYear.optional(),
  kind: z.enum(keysOf(EVALUATION_KINDS)).optional(),
  state: z.enum(keysOf(EVALUATION_STATES)).optional(),
  unitId: ZId.optional(),
});
export type TListEvaluations = z.infer<typeof ZListEvaluations>;

export const ZEvaluationEvent = z.object({
  type: z.enum(['redraw', 'ask', 'hold', 'close'], { message: '不支持的操作' }),
  version: ZVersion,
  /** ask: whom, what */
  reporterId: ZId.optional(),
  question: z.string().trim().max(1000).optional(),
  /** close: the meeting's conclusions for the 纪要 */
  summary: z.string().trim().max(5000).optional(),
});
export type TEvaluationEvent = z.infer<typeof ZEvaluationEvent>;

export const ZAnswer = z.object({ answer: ZNonEmpty('答复内容', 2000) });
export const ZQuestionProblem = z.object({ deadline: ZDate });
export const ZQuestionParam = z.object({ id: ZId, questionId: ZId });
export const ZReporterParam = z.object({ id: ZId, reporterId: ZId });

/** One attendee's scores of the reporters (re-scoring replaces them). */
export const ZEvaluationScores = z.object({
  attendee: ZNonEmpty('评议人', 50),
  scores: z
    .array(
      z.object({
        reporterId: ZId,
        score: z.number({ message: '请填写分数' }).min(0, '分数为0–100').max(100, '分数为0–100'),
      }),
    )
    .min(1)
    .max(50),
});
export type TEvaluationScores = z.infer<typeof ZEvaluationScores>;

// ---------- responses

const ZKind = zStoredEnum(keysOf(EVALUATION_KINDS));
const ZState = zStoredEnum(keysOf(EVALUATION_STATES));

export const ZEvaluation = z.object({
  id: ZId,
  kind: ZKind,
  kindLabel: z.string(),
  title: z.string(),
  year: z.number().int(),
  scheduledAt: ZTimestamp,
  place: z.string(),
  state: ZState,
  stateLabel: z.string(),
  attendees: z.array(z.string()),
  reporterCount: z.number().int(),
  questionCount: z.number().int(),
  version: z.number().int(),
  createdAt: ZTimestamp,
});

export const ZQuestion = z.object({
  id: ZId,
  reporterId: ZId,
  seq: z.number().int(),
  source: zStoredEnum(keysOf(QUESTION_SOURCES)),
  sourceLabel: z.string(),
  sourceCode: z.string().nullable(),
  /** Where the item it was drawn from is read (null for questions asked in the meeting). */
  link: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  answeredAt: ZTimestamp.nullable(),
  /** The problem an unsatisfactory answer was handed on as. */
  problem: z.object({ id: ZId, code: z.string() }).nullable(),
});

export const ZReporter = z.object({
  id: ZId,
  seq: z.number().int(),
  unitId: ZId,
  unitName: z.string(),
  reporterName: z.string(),
  /** The leader reporting in person, when named (述责述廉 of a leader). */
  personId: ZId.nullable(),
  report: z.object({ name: z.string(), size: z.number().int(), uploadedAt: ZTimestamp }).nullable(),
  /** Mean of the attendees' scores, its rank among the reporters and grade (the assessment's thresholds). */
  scored: z.number().int(),
  average: z.number().nullable(),
  rank: z.number().int().nullable(),
  grade: zStoredEnum(keysOf(GRADES)).nullable(),
  gradeLabel: z.string().nullable(),
  questions: z.array(ZQuestion),
  /** The caller may upload this unit's written report (once). */
  canUpload: z.boolean(),
});

export const ZEvaluationDetail = ZEvaluation.extend({
  summary: z.string(),
  heldAt: ZTimestamp.nullable(),
  closedAt: ZTimestamp.nullable(),
  reporters: z.array(ZReporter),
  /** The scores typed in so far, per attendee (office only; others get an empty list). */
  scores: z.array(z.object({ attendee: z.string(), reporterId: ZId, score: z.number() })),
  actions: z.array(z.string()),
  manage: z.boolean(),
});
