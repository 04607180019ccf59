/** Requests and responses of /api/spot-checks (定期抽查制) and of the verdicts on one report. */
import { SPOT_CHECK_STATES, SPOT_CHECK_VERDICTS } from './responsibility.spot-checks.js';
import { ZDate, ZId, ZPage, ZTimestamp, ZVersion, ZLabelledEvent, keysOf, z, zStoredEnum } from './zod.js';

const ZYear = z.coerce.number().int().min(2000, '年度不正确').max(2100, '年度不正确');
const ZQuarter = z.coerce.number().int().min(1, '季度应为1至4').max(4, '季度应为1至4');

export const ZCreateSpotCheck = z
  .object({
    year: ZYear,
    quarter: ZQuarter,
    /** How many reports to draw, or what share of the population (rounded up); one of the two. */
    sampleSize: z.number().int().min(1, '抽查数量至少为1').max(1000, '抽查数量不能超过1000').nullable().default(null),
    samplePercent: z
      .number()
      .int()
      .min(1, '抽查比例应为1%至100%')
      .max(100, '抽查比例应为1%至100%')
      .nullable()
      .default(null),
    /** The seed of the draw; the same seed over the same reports draws the same sample. Blank: one is made up. */
    seed: z
      .string()
      .trim()
      .max(64, '随机种子不能超过64个字符')
      .regex(/^[0-9A-Za-z_-]*$/, '随机种子只能包含字母、数字、下划线和连字符')
      .default(''),
    title: z.string().trim().max(200, '标题不能超过200个字').default(''),
    note: z.string().trim().max(2000, '说明不能超过2000个字').default(''),
  })
  .refine((v) => (v.sampleSize === null) !== (v.samplePercent === null), {
    message: '请填写抽查数量或抽查比例（二选一）',
    path: ['sampleSize'],
  });
export type TCreateSpotCheck = z.infer<typeof ZCreateSpotCheck>;

export const ZListSpotChecks = z.object({
  ...ZPage,
  year: ZYear.optional(),
  quarter: ZQuarter.optional(),
  state: z.enum(keysOf(SPOT_CHECK_STATES)).optional(),
});
export type TListSpotChecks = z.infer<typeof ZListSpotChecks>;

export const ZSpotCheckEvent = z.object({
  type: z.enum(['draw', 'conclude'], { message: '不支持的操作' }),
  version: ZVersion,
  /** conclude: the check's conclusion (抽查结论), kept with the check. */
  comment: z.string().trim().max(2000, '说明不能超过2000个字').default(''),
});
export type TSpotCheckEvent = z.infer<typeof ZSpotCheckEvent>;

export const ZVerdictInput = z
  .object({
    verdict: z.enum(keysOf(SPOT_CHECK_VERDICTS), { message: '核查结论应为属实、不实或不到位' }),
    comment: z.string().trim().max(2000, '核查意见不能超过2000个字').default(''),
    /** Where the office's own evidence is: 现场核查记录编号, 档案号, 文件名 … */
    evidenceRef: z.string().trim().max(200, '核查依据不能超过200个字').default(''),
  })
  .refine((v) => v.verdict === 'accurate' || v.comment.length > 0, {
    message: '结论为不实或不到位时请填写核查意见',
    path: ['comment'],
  });
export type TVerdictInput = z.infer<typeof ZVerdictInput>;

/** 转为问题: the unit that must rectify (default: the report's unit, or the county leader's own) and the deadline. */
export const ZVerdictProblem = z.object({
  unitId: ZId.nullable().default(null),
  deadline: ZDate.nullable().default(null),
});
export type TVerdictProblem = z.infer<typeof ZVerdictProblem>;

export const ZSpotCheckParam = z.object({ id: ZId });
export const ZVerdictParam = z.object({ id: ZId, verdictId: ZId });
export const ZSpotCheckDeleteQuery = z.object({ version: z.coerce.number({ message: '缺少版本号' }).int().min(0) });

export const ZSpotCheck = z.object({
  id: z.string(),
  regionId: z.string(),
  code: z.string(),
  year: z.number(),
  quarter: z.number(),
  periodLabel: z.string(),
  title: z.string(),
  note: z.string(),
  sampleSize: z.number().nullable(),
  samplePercent: z.number().nullable(),
  seed: z.string(),
  /** Reports of the period that could be drawn (submitted or approved), counted when the sample was drawn. */
  populationSize: z.number().nullable(),
  sampledReports: z.number(),
  items: z.number(),
  recorded: z.number(),
  negative: z.number(),
  state: zStoredEnum(keysOf(SPOT_CHECK_STATES)),
  stateLabel: z.string(),
  drawnAt: ZTimestamp.nullable(),
  concludedAt: ZTimestamp.nullable(),
  conclusion: z.string(),
  version: z.number(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  actions: z.array(z.string()),
});

export const ZSpotCheckVerdict = z.object({
  id: z.string(),
  reportId: z.string(),
  dispatchId: z.string(),
  dispatchItemId: z.string(),
  seq: z.number(),
  dispatchCode: z.string(),
  content: z.string(),
  target: z.string(),
  deadline: z.string(),
  fulfilledOn: z.string().nullable(),
  late: z.boolean(),
  records: z.array(
    z.object({
      doneOn: z.string(),
      description: z.string(),
      files: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
  verdict: zStoredEnum(keysOf(SPOT_CHECK_VERDICTS)).nullable(),
  verdictLabel: z.string(),
  comment: z.string(),
  evidenceRef: z.string(),
  recordedByName: z.string(),
  recordedAt: ZTimestamp.nullable(),
  problemId: z.string().nullable(),
  problemCode: z.string().nullable(),
  actions: z.array(z.string()),
});

export const ZSpotCheckDetail = ZSpotCheck.extend({
  sample: z.array(
    z.object({
      reportId: z.string(),
      seq: z.number(),
      recipientName: z.string(),
      reportStateLabel: z.string(),
      verdicts: z.array(ZSpotCheckVerdict),
    }),
  ),
  events: z.array(ZLabelledEvent),
});

/** The verdicts on one report: what its recipient sees once a check is concluded. */
export const ZReportVerdicts = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      spotCheckId: z.string(),
      spotCheckCode: z.string(),
      spotCheckStateLabel: z.string(),
      concludedAt: ZTimestamp.nullable(),
      dispatchCode: z.string(),
      content: z.string(),
      verdict: zStoredEnum(keysOf(SPOT_CHECK_VERDICTS)).nullable(),
      verdictLabel: z.string(),
      comment: z.string(),
      problemCode: z.string().nullable(),
    }),
  ),
});
