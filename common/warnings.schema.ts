import { SITUATION_NUMBERS } from './rules.js';
import {
  ACCOUNTABILITY_FORMS,
  DUTY_KINDS,
  RESPONSIBILITY_KINDS,
  RESPONSIBLE_WHO,
  type ResponsibleWho,
  WARNING_STATES,
} from './warnings.js';
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
import { ZProvisional } from './system.schema.js';

const SITUATION_CODE_RULE = '编码只能包含字母、数字、下划线和短横线，2至40位';
const situationFields = {
  code: z
    .string()
    .trim()
    .min(2, SITUATION_CODE_RULE)
    .max(40, SITUATION_CODE_RULE)
    .regex(/^[A-Za-z0-9_-]+$/, SITUATION_CODE_RULE),
  name: ZNonEmpty('情形名称', 100),
  description: z.string().trim().max(1000),
  article: z
    .number()
    .int()
    .refine((n) => (SITUATION_NUMBERS as number[]).includes(n), '问责情形应为第七条第（一）至（十一）项或第二十一条'),
  responsibleRoles: z
    .array(
      z.object({
        who: z.enum(keysOf(RESPONSIBLE_WHO), { message: '责任人类型不正确' }),
        responsibility: z.enum(RESPONSIBILITY_KINDS, { message: '责任类型应为主要领导责任、重要领导责任或直接责任' }),
        duty: z.enum(DUTY_KINDS, { message: '职责类型应为决策责任、执行责任或监管责任' }),
      }),
    )
    .min(1, '至少指定一类可能被问责的人员')
    .max(6),
  forms: z
    .array(z.enum(ACCOUNTABILITY_FORMS, { message: '问责方式应为第八条规定的方式' }))
    .min(1)
    .max(6),
  rectifyDays: z.number().int().min(1).max(180),
  rectifyDayType: z.enum(['working', 'calendar']),
  /** Validated by parseRule (unknown fields are refused with the list of fields). */
  rule: z.unknown(),
  active: z.boolean(),
};
export const ZCreateSituation = z.object({
  ...situationFields,
  description: situationFields.description.default(''),
  rectifyDayType: situationFields.rectifyDayType.default('working'),
  active: situationFields.active.default(false),
});
export type TCreateSituation = z.infer<typeof ZCreateSituation>;
export const ZUpdateSituation = z.object(situationFields).partial().extend({ version: ZVersion });
export type TUpdateSituation = z.infer<typeof ZUpdateSituation>;

export const ZListWarnings = z.object({
  ...ZPage,
  situationId: ZId.optional(),
  unitId: ZId.optional(),
  problemId: ZId.optional(),
  state: z.enum(keysOf(WARNING_STATES)).optional(),
  /** Warning code, problem code or words of the problem's title. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(['-firstSeenAt', 'firstSeenAt', 'deadline', '-deadline']).optional(),
});

export const ZWarningEvent = z.object({
  type: z.enum(['issue', 'dismiss', 'answer', 'resolve', 'escalate'], { message: '不支持的操作' }),
  version: ZVersion,
  comment: z.string().trim().max(2000).default(''),
  /** escalate: into a dispatched problem, or an accountability proposal (问责建议). */
  target: z.enum(['problem', 'proposal']).optional(),
});
export type TWarningEvent = z.infer<typeof ZWarningEvent>;

export const ZWhatIf = z.object({ problemId: ZId, date: ZDate });
export const ZIdParam = z.object({ id: ZId });

// ---------- responses

/** The facts a rule used, by rule field (common/warnings.ts RULE_FIELDS). */
export type TFacts = Record<string, number | string | boolean | string[] | null>;
export interface TResponsibleRole {
  who: ResponsibleWho;
  responsibility: (typeof RESPONSIBILITY_KINDS)[number];
  duty: (typeof DUTY_KINDS)[number];
}
/** A would-be accountable person of a warning (from the situation's responsible roles). */
export interface TWarningPerson extends TResponsibleRole {
  personId: string;
  name: string;
  post: string | null;
}

export const ZSituation = z.object({
  id: ZId,
  regionId: ZId,
  code: z.string(),
  name: z.string(),
  description: z.string(),
  article: z.number().int(),
  articleText: z.string(),
  responsibleRoles: zJson<TResponsibleRole[]>(),
  forms: z.array(zStoredEnum(ACCOUNTABILITY_FORMS)),
  rectifyDays: z.number().int(),
  rectifyDayType: zStoredEnum(['working', 'calendar']),
  /** The condition tree (server/modules/warnings/warnings.rules.ts). */
  rule: zJson<unknown>(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export const ZSituationPage = zPageOf(ZSituation);

export const ZListSituations = z.object({
  ...ZPage,
  q: z.string().trim().max(50).optional(),
  active: z.enum(['true', 'false']).optional(),
  sort: z.enum(['code', '-code', 'article', '-article']).optional(),
});
export type TListSituations = z.infer<typeof ZListSituations>;

/** "What would fire now" under a rule: the first 100 problems and the total. */
export const ZRulePreview = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({ problem_id: ZId, code: z.string(), title: z.string(), unit_id: ZId, facts: zJson<TFacts>() }),
  ),
});

const ZWarningAction = zStoredEnum(['issue', 'dismiss', 'answer', 'resolve', 'escalate']);

/** 模拟问责单, with its situation and the caller's allowed steps. */
export const ZWarning = z.object({
  /** 发文字号 of the issued document (issue #13); null while it is a draft. */
  docNumber: z.string().nullable().optional(),
  id: ZId,
  regionId: ZId,
  code: z.string(),
  situationId: ZId,
  situationName: z.string(),
  article: z.number().int().optional(),
  articleText: z.string(),
  forms: z.array(z.string()),
  problemId: ZId,
  unitId: ZId,
  leaderPersonId: ZId.nullable(),
  fingerprint: z.string(),
  state: zStoredEnum(keysOf(WARNING_STATES)),
  stateLabel: z.string(),
  facts: zJson<TFacts>(),
  people: zJson<TWarningPerson[]>(),
  deadline: z.string(),
  answer: z.string().nullable(),
  outcome: z.string().nullable(),
  meetingId: ZId.nullable(),
  firstSeenAt: ZTimestamp,
  lastSeenAt: ZTimestamp,
  issuedAt: ZTimestamp.nullable(),
  closedAt: ZTimestamp.nullable(),
  version: z.number().int(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
  /** In lists only. */
  unitName: z.string().optional(),
  problemCode: z.string().optional(),
  problemTitle: z.string().optional(),
  actions: z.array(ZWarningAction),
});
export const ZWarningPage = zPageOf(ZWarning);

export const ZWarningEventRow = z.object({
  id: ZId,
  warningId: ZId,
  type: z.string(),
  ...eventRowFields,
  payload: zJson<{ target?: 'problem' | 'proposal'; outcome?: string } | null>(),
});

export const ZWarningDetail = ZWarning.extend({
  /** Live warnings: today's facts (null when the rule no longer fires). */
  currentFacts: zJson<TFacts | null>().optional(),
  /** Today's working-day facts crossed a year without a published holiday schedule. */
  provisional: z.boolean().optional(),
  provisionalNote: z.string().nullable().optional(),
  events: z.array(ZWarningEventRow),
});

/** If nothing changes on a problem by `date`, the situations that fire and who would answer. */
export const ZWhatIfResult = z.object({
  date: z.string(),
  items: z.array(
    z
      .object({
        situationId: ZId,
        name: z.string(),
        article: z.number().int(),
        forms: z.array(z.string()),
        facts: zJson<TFacts>(),
        people: zJson<TWarningPerson[]>(),
      })
      .extend(ZProvisional.shape),
  ),
});

const ZCount = z.number().int();
/** The figures page of seed 000: scans run, warnings by situation / unit / month / state, effects. */
export const ZWarningFigures = z.object({
  scans: ZCount,
  bySituation: z.array(z.object({ situation_id: ZId, name: z.string(), n: ZCount })),
  byUnit: z.array(z.object({ unit_id: ZId, name: z.string(), n: ZCount })),
  byMonth: z.array(z.object({ month: z.string(), n: ZCount })),
  byState: z.array(z.object({ state: z.string(), n: ZCount })),
  rectified: ZCount,
  cadres: ZCount,
  issued: ZCount,
});
