// 案件评查 (evaluation) request and response schemas, re-exported by cases.schema.ts.
import { ZId, ZPage, ZTimestamp, ZVersion, z, zJson, zPageOf, zStoredEnum } from './zod.js';

const ZInt = z.number().int();
const text = (max: number) => z.string().trim().max(max, `不能超过${max}个字`);

export const ZSample = z.object({
  period: z
    .string()
    .trim()
    .regex(/^\d{4}(-(H[12]|Q[1-4]))?$/, '评查期间格式应为 2026、2026-H2 或 2026-Q4'),
  size: z.number().int().min(1, '抽查数量至少为1').max(50, '抽查数量不超过50'),
  /** The named evaluators (评查人员): the only people the sampled files open to. */
  evaluatorUserIds: z.array(ZId).min(1, '请指定评查人员').max(5, '评查人员不超过5人'),
});
export const ZListEvaluations = z.object({
  ...ZPage,
  period: z.string().trim().max(10).optional(),
  sort: z.enum(['-createdAt', 'total', '-total']).optional(),
});
export type TListEvaluations = z.infer<typeof ZListEvaluations>;
export type TSample = z.infer<typeof ZSample>;
export const ZScoreEvaluation = z.object({
  version: ZVersion,
  scores: z.record(z.string(), z.record(z.string(), z.number().int().min(0).max(20))),
  defects: text(5000).default(''),
  corrections: text(5000).default(''),
});
export type TScoreEvaluation = z.infer<typeof ZScoreEvaluation>;

// ---------- responses

/** 评查: a sampled closed case and its scores. */
export const ZEvaluation = z.object({
  id: ZId,
  regionId: ZId,
  period: z.string(),
  caseId: ZId,
  scores: zJson<Record<string, Record<string, number>>>(),
  total: ZInt.nullable(),
  defects: z.string(),
  corrections: z.string(),
  state: zStoredEnum(['sampled', 'scored']),
  evaluatorUserId: ZId.nullable(),
  evaluatedAt: ZTimestamp.nullable(),
  version: ZInt,
  createdAt: ZTimestamp,
});
export const ZEvaluationPage = zPageOf(ZEvaluation.extend({ caseCode: z.string(), caseTitle: z.string() }));
export const ZSampled = z.object({ period: z.string(), sampled: ZInt, items: z.array(ZEvaluation) });
