import { FORM_KEYS } from './cases.js';
import { RULE_SET_KEYS } from './rules.js';
import { ZDate, ZNonEmpty, ZPage, ZTimestamp, z, zPageOf } from './zod.js';

const ZSource = ZNonEmpty('依据（法规名称、条款及版本）', 300);

/** A rule of a list set: a stable key, its wording and the article it comes from. */
export const ZRuleItem = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[^\s]{1,40}$/, '条目标识不能为空、不能含空格，且不超过40个字符'),
  text: ZNonEmpty('条目内容', 500),
  source: ZSource,
});
export const ZRuleItems = z
  .array(ZRuleItem)
  .min(1, '至少保留一项')
  .max(60, '不能超过60项')
  .refine((items) => new Set(items.map((i) => i.key)).size === items.length, '条目标识不能重复');

const ZClock = z.object({ amount: z.number().int().min(1).max(120), unit: z.enum(['months', 'days', 'working_days']) });
export const CLOCK_KEYS = [
  'appealFile',
  'appealDecide',
  'reexaminationFile',
  'reexaminationDecide',
  'recheckFile',
  'recheckDecide',
  'execution',
] as const;

/** Case clocks and influence periods (SPEC 2b 法定期限), each with its source. */
export const ZClockRules = z.object({
  clocks: z.object(
    Object.fromEntries(CLOCK_KEYS.map((k) => [k, ZClock])) as Record<(typeof CLOCK_KEYS)[number], typeof ZClock>,
  ),
  /** Influence periods by form, in months from the decision date. */
  influence: z.partialRecord(
    z.enum(FORM_KEYS),
    z.object({ months: z.number().int().min(1).max(120), kind: z.enum(['sanction', 'no_promotion']), source: ZSource }),
  ),
  sources: z.record(z.string(), z.string()),
});
export type ClockRules = z.infer<typeof ZClockRules>;

/** The content of a version: the items of a list set, or the clocks. */
export const ZRuleContent = z.union([z.object({ items: ZRuleItems }), ZClockRules]);

export const ZRuleSetParam = z.object({ key: z.enum(RULE_SET_KEYS, { message: '规则集不存在' }) });
export const ZRuleVersionParam = ZRuleSetParam.extend({ version: z.coerce.number().int().min(1) });
export const ZRuleScopeQuery = z.object({
  /** The date the caller asks about (default today): which version is in force then. */
  on: ZDate.optional(),
});

/** POST /api/rules/{key}/versions: a new version of the caller's region (or the province) supersedes. */
export const ZPublishRuleVersion = z.object({
  /** The version the caller read (0 = the province default): a concurrent publish gets 409. */
  basedOn: z.number().int().min(0),
  effectiveFrom: ZDate,
  source: ZSource,
  reason: ZNonEmpty('调整理由', 1000),
  content: z.union([z.object({ items: ZRuleItems }), ZClockRules]),
});
export type TPublishRuleVersion = z.infer<typeof ZPublishRuleVersion>;

const ZVersionRow = z.object({
  key: z.string(),
  scope: z.string(),
  scopeName: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  source: z.string(),
  reason: z.string(),
  publishedByName: z.string(),
  publishedAt: ZTimestamp.nullable(),
  /** Built into the release (no row stored yet): the law as it stood when the product was built. */
  builtIn: z.boolean(),
});
export const ZRuleVersion = ZVersionRow.extend({ content: z.unknown() });

/** A rule set as the caller's region sees it on a day, with the versions of its scope and the province. */
export const ZRuleSet = z.object({
  key: z.string(),
  label: z.string(),
  local: z.boolean(),
  /** Whether the caller may publish a version (permission, and the law allows it at the caller's level). */
  canPublish: z.boolean(),
  inForce: ZRuleVersion,
  /** The latest version of the caller's own scope (what a new version is based on). */
  latestOwn: z.number().int(),
  history: z.array(ZVersionRow),
});
/** The rule sets in force on `on`, in the order of RULE_SET_KEYS, a page at a time like every list. */
export const ZListRuleSets = ZRuleScopeQuery.extend(ZPage);
export type TListRuleSets = z.infer<typeof ZListRuleSets>;
export const ZRuleSets = zPageOf(ZVersionRow.extend({ label: z.string(), local: z.boolean() }));
