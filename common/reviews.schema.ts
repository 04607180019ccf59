import { GRADES } from './assessment.js';
import { ZYear } from './assessment.schema.js';
import { RECHECK_VERDICTS, REVIEW_STATES } from './reviews.js';
import { ZDate, ZId, ZNonEmpty, ZPage, ZTimestamp, ZVersion, keysOf, z, zStoredEnum } from './zod.js';

// ---------- requests

export const ZCreateReview = z.object({
  unitId: ZId,
  systemId: ZId,
  title: ZNonEmpty('评估名称', 100),
  year: ZYear,
  visitedOn: ZDate,
});
export type TCreateReview = z.infer<typeof ZCreateReview>;

export const ZListReviews = z.object({
  ...ZPage,
  year: ZYear.optional(),
  unitId: ZId.optional(),
  state: z.enum(keysOf(REVIEW_STATES)).optional(),
});
export type TListReviews = z.infer<typeof ZListReviews>;

/** A first-level indicator's score (0 … its points) with the evaluators' note. */
export const ZReviewScore = z.object({
  indicatorId: ZId,
  score: z.number().min(0, '分数不能为负'),
  comment: z.string().trim().max(2000).default(''),
});
/** A rectification item: a problem of the unit with its deadline. */
export const ZReviewItem = z.object({ content: ZNonEmpty('整改事项', 1000), deadline: ZDate });

export const ZReviewEvent = z.object({
  type: z.enum(['score', 'publish', 'rectify', 'schedule', 'recheck'], { message: '不支持的操作' }),
  version: ZVersion,
  /** score: the first-level indicators' scores (0 … the indicator's points) with the evaluators' findings */
  scores: z.array(ZReviewScore).max(50).optional(),
  /** publish: the public conclusion and the problems found (not public) */
  conclusion: z.string().trim().max(5000).optional(),
  findings: z.string().trim().max(5000).optional(),
  /** rectify: the rectification items, each a problem of the unit with a deadline */
  items: z.array(ZReviewItem).max(30, '整改事项不能超过30项').optional(),
  /** schedule */
  recheckOn: ZDate.optional(),
  /** recheck */
  verdict: z.enum(keysOf(RECHECK_VERDICTS), { message: '复查结论不正确' }).optional(),
  comment: z.string().trim().max(2000).optional(),
});
export type TReviewEvent = z.infer<typeof ZReviewEvent>;

// ---------- responses

export const ZReview = z.object({
  id: ZId,
  unitId: ZId,
  unitName: z.string(),
  systemId: ZId,
  title: z.string(),
  year: z.number().int(),
  visitedOn: z.string(),
  state: zStoredEnum(keysOf(REVIEW_STATES)),
  stateLabel: z.string(),
  total: z.number().nullable(),
  recheckOn: z.string().nullable(),
  version: z.number().int(),
  createdAt: ZTimestamp,
});

export const ZReviewDetail = ZReview.extend({
  systemName: z.string(),
  conclusion: z.string(),
  findings: z.string(),
  grade: zStoredEnum(keysOf(GRADES)).nullable(),
  gradeLabel: z.string().nullable(),
  indicators: z.array(
    z.object({ id: ZId, name: z.string(), weight: z.number(), score: z.number().nullable(), comment: z.string() }),
  ),
  items: z.array(
    z.object({
      id: ZId,
      seq: z.number().int(),
      content: z.string(),
      deadline: z.string(),
      problemId: ZId,
      problemCode: z.string(),
      /** The problem's state as the caller may read it (null: not readable). */
      problemState: z.string().nullable(),
    }),
  ),
  checks: z.array(
    z.object({
      at: ZTimestamp,
      verdict: zStoredEnum(keysOf(RECHECK_VERDICTS)),
      verdictLabel: z.string(),
      comment: z.string(),
      open: z.number().int(),
    }),
  ),
  publishedAt: ZTimestamp.nullable(),
  closedAt: ZTimestamp.nullable(),
  actions: z.array(z.string()),
});
