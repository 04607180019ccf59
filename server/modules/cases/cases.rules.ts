import type { FormKey } from '../../../common/cases.js';
import type { RuleCitation } from '../../../common/rules.js';
import type { ClockRules } from '../../../common/rules.schema.js';
import { z } from '../../../common/zod.js';
import { type Ctx, today } from '../../platform/context.js';
import { PROVINCE, type SettingDef, readSetting } from '../../platform/settings/settings.service.js';
import * as rules from '../rules/rules.service.js';

/**
 * Case rules: the clocks, influence periods and their sources are rule set `clocks` (versioned, per region where
 * the law allows: server/modules/rules); the office's own criteria (提级预审, 联审 units, consistency gap) are a setting.
 */
export const ZCaseRules = z.object({
  /** 提级预审 criteria. */
  prereview: z.object({
    highAttention: z.boolean(),
    importantPost: z.boolean(),
    sensitiveFields: z.array(z.string()),
  }),
  /** The unit (code) whose officers sign 联审 for each office. */
  jointReviewUnits: z.object({ df: z.string(), ag: z.string(), sl: z.string() }),
  /** A proposed form whose severity rank differs from comparable cases' median by this much is flagged. */
  consistencyGap: z.number().int().min(1).max(8),
});
export type CaseOfficeRules = z.infer<typeof ZCaseRules>;
export type CaseRules = CaseOfficeRules & ClockRules & { version: number; citation: RuleCitation };

export const caseRulesSetting: SettingDef<typeof ZCaseRules> = {
  key: 'cases.rules',
  schema: ZCaseRules,
  defaults: {
    prereview: {
      highAttention: true,
      importantPost: true,
      sensitiveFields: ['安全生产', '食品药品安全', '生态环境', '教育医疗'],
    },
    jointReviewUnits: { df: 'JW-DF', ag: 'JW-AG', sl: 'JW-SL' },
    consistencyGap: 3,
  },
};

/**
 * The case rules in force for a region on a day (default: the caller's region, today): the setting, with the
 * clocks of the `clocks` rule version in force; `version` and `citation` are that rule version's.
 */
export async function readCaseRules(ctx: Ctx, regionId?: string | null, on?: string): Promise<CaseRules> {
  const region = regionId === undefined ? (ctx.actor?.scope.regionId ?? null) : regionId;
  const setting = await readSetting(ctx.db, caseRulesSetting, region ?? PROVINCE);
  const clocks = await rules.ruleInForce(ctx.db, 'clocks', region, on ?? today(ctx));
  const { clocks: c, influence, sources } = rules.clocksOf(clocks);
  return { ...setting, clocks: c, influence, sources, version: clocks.version, citation: rules.citationOf(clocks) };
}

export type { FormKey };
