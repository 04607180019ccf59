import {
  ASSESSMENT_STATES,
  EVENT_KIND_KEYS,
  GRADES,
  METRIC_KEYS,
  SCORING_METHODS,
  SUBJECT_KINDS,
  SURVEY_STATES,
} from './assessment.js';
import { UNIT_TYPES } from './org.js';
import { ZDate, ZId, ZNonEmpty, ZPage, ZTimestamp, ZVersion, eventRowFields, keysOf, z } from './zod.js';

export const ZIdParam = z.object({ id: ZId });
export const ZUnitParam = z.object({ id: ZId, unitId: ZId });
export const ZPersonParam = z.object({ id: ZId, personId: ZId });
export const ZYear = z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确');

// ---------- settings: rules (with their sources), grade thresholds, bottom-ranked talks

export const ZAssessmentRule = z.object({
  kind: z.enum(EVENT_KIND_KEYS, { message: '事件类型不正确' }),
  /** Points per event: negative = deduction, positive = bonus. */
  points: z.number().min(-100).max(100),
  /** 依据 (the document the rule comes from). */
  basis: z.string().trim().max(200).default(''),
});
export const ZAssessmentSettings = z
  .object({
    rules: z.array(ZAssessmentRule).max(50),
    /** Bonuses a unit may earn in one run at most. */
    bonusCap: z.number().min(0).max(100),
    /** Lowest score of each grade (优秀 ≥ excellent > 良好 ≥ good > 一般 ≥ fair > 较差). */
    thresholds: z.object({ excellent: z.number(), good: z.number(), fair: z.number() }),
    /** The grade a 一票否决 caps at. */
    vetoGrade: z.enum(keysOf(GRADES)),
    /** On publication, the bottom-ranked unit(s) of each type are proposed a talk of this kind (none: off). */
    bottomTalk: z.enum(['none', 'interview', 'reminder']),
  })
  .refine((s) => s.thresholds.excellent > s.thresholds.good && s.thresholds.good > s.thresholds.fair, {
    message: '等次分数线应依次降低（优秀 > 良好 > 一般）',
    path: ['thresholds'],
  });
export type TAssessmentSettings = z.infer<typeof ZAssessmentSettings>;
export const ZAssessmentSettingsBody = z.object({ settings: ZAssessmentSettings, version: ZVersion });
export const ZAssessmentSettingsView = z.object({ settings: ZAssessmentSettings, version: z.number().int() });

// ---------- indicator systems

const indicatorFields = {
  name: ZNonEmpty('指标名称', 200),
  weight: z.number({ message: '请填写分值' }).min(0, '分值不能为负').max(1000),
  method: z.enum(keysOf(SCORING_METHODS), { message: '计分方式不正确' }),
  metric: z.enum(METRIC_KEYS, { message: '指标数据项不正确' }).nullable().default(null),
  veto: z.boolean().default(false),
  evaluators: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
  description: z.string().trim().max(2000).default(''),
};
export const ZCreateIndicator = z.object({ ...indicatorFields, parentId: ZId.nullable().default(null) });
export type TCreateIndicator = z.infer<typeof ZCreateIndicator>;
export const ZUpdateIndicator = z.object({
  name: indicatorFields.name.optional(),
  weight: indicatorFields.weight.optional(),
  method: indicatorFields.method.optional(),
  metric: z.enum(METRIC_KEYS).nullable().optional(),
  veto: z.boolean().optional(),
  evaluators: z.array(z.string().trim().min(1).max(50)).max(30).optional(),
  description: z.string().trim().max(2000).optional(),
  version: ZVersion,
});
export type TUpdateIndicator = z.infer<typeof ZUpdateIndicator>;
export const ZIndicatorParam = z.object({ id: ZId, indicatorId: ZId });

export const ZCreateSystem = z.object({
  name: ZNonEmpty('体系名称', 100),
  year: ZYear,
  unitType: z.enum(UNIT_TYPES, { message: '单位类型不正确' }).nullable().default(null),
  /** Units, or leaders (county leaders and principals of the units of `unitType`); a template brings its own. */
  subjectKind: z.enum(keysOf(SUBJECT_KINDS), { message: '考核对象不正确' }).optional(),
  templateKey: z.string().max(50).nullable().default(null),
  description: z.string().trim().max(2000).default(''),
});
export type TCreateSystem = z.infer<typeof ZCreateSystem>;
export const ZCopySystem = z.object({ year: ZYear });
export const ZListSystems = z.object({ ...ZPage, year: ZYear.optional() });
export type TListSystems = z.infer<typeof ZListSystems>;

export const ZIndicator = z.object({
  id: ZId,
  parentId: ZId.nullable(),
  level: z.number().int(),
  seq: z.number().int(),
  name: z.string(),
  weight: z.number(),
  method: z.string(),
  methodLabel: z.string(),
  metric: z.string().nullable(),
  metricLabel: z.string().nullable(),
  metricDoc: z.string().nullable(),
  veto: z.boolean(),
  evaluators: z.array(z.string()),
  description: z.string(),
});
export const ZSystem = z.object({
  id: ZId,
  name: z.string(),
  year: z.number().int(),
  unitType: z.string().nullable(),
  subjectKind: z.string(),
  templateKey: z.string().nullable(),
  description: z.string(),
  version: z.number().int(),
  totalWeight: z.number(),
});
export const ZSystemDetail = ZSystem.extend({ indicators: z.array(ZIndicator) });
export const ZTemplate = z.object({
  key: z.string(),
  name: z.string(),
  unitType: z.string().nullable(),
  subjectKind: z.string(),
  description: z.string(),
});

// ---------- assessment runs

export const ZCreateAssessment = z
  .object({ systemId: ZId, name: ZNonEmpty('考核名称', 100), periodFrom: ZDate, periodTo: ZDate })
  .refine((a) => a.periodFrom <= a.periodTo, { message: '考核期间起始日不能晚于截止日', path: ['periodTo'] });
export type TCreateAssessment = z.infer<typeof ZCreateAssessment>;
export const ZListAssessments = z.object({ ...ZPage, state: z.enum(keysOf(ASSESSMENT_STATES)).optional() });
export type TListAssessments = z.infer<typeof ZListAssessments>;
export const ZAssessmentEvent = z.object({
  type: z.enum(['compute', 'freeze', 'publish', 'revise'], { message: '不支持的操作' }),
  version: ZVersion,
  comment: z.string().trim().max(1000).default(''),
});
export type TAssessmentEvent = z.infer<typeof ZAssessmentEvent>;
export const ZRating = z.object({
  indicatorId: ZId,
  /** The assessed subject: a unit, or in a leader system the person. */
  unitId: ZId,
  evaluator: ZNonEmpty('评价人', 50),
  score: z.number().min(0, '评分应在0–100之间').max(100, '评分应在0–100之间'),
  comment: z.string().trim().max(500).default(''),
});
export type TRating = z.infer<typeof ZRating>;

/** GET /api/assessments/{id}/ratings: one evaluator's sheet for one qualitative indicator, a row per assessed unit. */
export const ZListRatings = z.object({ ...ZPage, indicatorId: ZId, evaluator: ZNonEmpty('评价人', 50) });
export type TListRatings = z.infer<typeof ZListRatings>;
export const ZRatingSheet = z.object({
  indicator: z.object({ id: ZId, name: z.string(), weight: z.number(), evaluators: z.array(z.string()) }),
  evaluator: z.string(),
  /** Scores may still be entered (the run is neither frozen nor published). */
  editable: z.boolean(),
  items: z.array(
    z.object({
      unitId: ZId,
      unitName: z.string(),
      score: z.number().nullable(),
      comment: z.string(),
      at: ZTimestamp.nullable(),
    }),
  ),
  total: z.number().int(),
});

export const ZAssessment = z.object({
  id: ZId,
  systemId: ZId,
  systemName: z.string(),
  name: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  revision: z.number().int(),
  publishedRevision: z.number().int().nullable(),
  computedAt: ZTimestamp.nullable(),
  frozenAt: ZTimestamp.nullable(),
  publishedAt: ZTimestamp.nullable(),
  version: z.number().int(),
  actions: z.array(z.string()),
});
export const ZAssessmentDetail = ZAssessment.extend({
  /** Each published revision with the number of its 考核结果通报 (null: published before numbering). */
  publications: z.array(
    z.object({ id: ZId, revision: z.number().int(), publishedAt: ZTimestamp, docNumber: z.string().nullable() }),
  ),
  events: z.array(z.object({ ...eventRowFields, label: z.string() })),
});

/**
 * One assessed subject's result. In a leader system `personId`, `personName` and `post` name the person, and
 * `unitId` / `unitName` are the person's unit; in a unit system they are null.
 */
export const ZResult = z.object({
  subjectKind: z.string(),
  unitId: ZId,
  unitName: z.string(),
  personId: ZId.nullable(),
  personName: z.string().nullable(),
  post: z.string().nullable(),
  unitType: z.string(),
  score: z.number(),
  rank: z.number().int(),
  rankOf: z.number().int(),
  grade: z.string(),
  gradeLabel: z.string(),
  vetoed: z.boolean(),
  talkId: ZId.nullable(),
  deductions: z.number(),
  bonuses: z.number(),
});
export const ZScores = z.object({ revision: z.number().int(), items: z.array(ZResult) });
export const ZScoresQuery = z.object({ revision: z.coerce.number().int().min(1).optional() });
export const ZScoreItem = z.object({
  indicatorId: ZId.nullable(),
  indicatorName: z.string().nullable(),
  kind: z.string(),
  kindLabel: z.string(),
  eventKind: z.string().nullable(),
  eventLabel: z.string().nullable(),
  refType: z.string().nullable(),
  refId: ZId.nullable(),
  refCode: z.string().nullable(),
  occurredOn: z.string().nullable(),
  points: z.number(),
  reason: z.string(),
  link: z.string().nullable(),
});
export const ZUnitScore = ZResult.extend({
  items: z.array(ZScoreItem),
  trend: z.array(
    z.object({ assessmentId: ZId, name: z.string(), periodTo: z.string(), score: z.number(), grade: z.string() }),
  ),
});

// ---------- 民主测评

export const ZCreateSurvey = z.object({
  /** Whose party members vote (one ballot each). */
  unitId: ZId,
  /** 被测评人: a leader assessed in person (leader systems); none = the unit's leadership as a whole. */
  personId: ZId.nullable().default(null),
  year: ZYear,
  title: ZNonEmpty('测评名称', 100),
  questions: z.array(ZNonEmpty('测评题目', 200)).min(1, '至少一道测评题目').max(30),
});
export type TCreateSurvey = z.infer<typeof ZCreateSurvey>;
export const ZSurvey = z.object({
  id: ZId,
  unitId: ZId,
  unitName: z.string(),
  personId: ZId.nullable(),
  /** 姓名（单位职务） of the person assessed, or null. */
  personName: z.string().nullable(),
  year: z.number().int(),
  title: z.string(),
  questions: z.array(z.string()),
  state: z.string(),
  issued: z.number().int(),
  answered: z.number().int(),
  participation: z.number(),
  version: z.number().int(),
  createdAt: ZTimestamp,
});
export const ZListSurveys = z.object({
  ...ZPage,
  year: ZYear.optional(),
  unitId: ZId.optional(),
  personId: ZId.optional(),
  state: z.enum(keysOf(SURVEY_STATES)).optional(),
});
export type TListSurveys = z.infer<typeof ZListSurveys>;
export const ZIssued = z.object({ survey: ZSurvey, tokens: z.array(z.string()) });
export const ZIssue = z.object({ version: ZVersion });
export const ZSurveyResults = ZSurvey.extend({
  scale: z.array(z.string()),
  perQuestion: z.array(
    z.object({ question: z.string(), counts: z.array(z.number().int()), average: z.number().nullable() }),
  ),
});
export const ZBallotParam = z.object({ token: z.string().min(16).max(100) });
export const ZBallot = z.object({
  title: z.string(),
  unitName: z.string(),
  /** 被测评人 (姓名（单位职务）) when the survey assesses one leader. */
  personName: z.string().nullable(),
  questions: z.array(z.string()),
  scale: z.array(z.string()),
});
export const ZBallotAnswer = z.object({
  answers: z.array(z.number().int().min(0).max(3, '答案不正确')).min(1).max(30),
});
