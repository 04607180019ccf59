import { FORM_KEYS, type FormKey } from '../../../common/cases.js';
import { z } from '../../../common/zod.js';
import type { Ctx } from '../../platform/context.js';
import { type SettingDef, readSetting } from '../../platform/settings/settings.service.js';

const ZClock = z.object({ amount: z.number().int().min(1).max(120), unit: z.enum(['months', 'days', 'working_days']) });

/** Rules of SPEC 2b as data: every clock and period with its source; an administrator may change them. */
export const ZCaseRules = z.object({
  clocks: z.object({
    appealFile: ZClock,
    appealDecide: ZClock,
    reexaminationFile: ZClock,
    reexaminationDecide: ZClock,
    recheckFile: ZClock,
    recheckDecide: ZClock,
    execution: ZClock,
  }),
  /** Influence periods by form, in months from the decision date. */
  influence: z.partialRecord(
    z.enum(FORM_KEYS),
    z.object({
      months: z.number().int().min(1).max(120),
      kind: z.enum(['sanction', 'no_promotion']),
      source: z.string(),
    }),
  ),
  sources: z.record(z.string(), z.string()),
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
export type CaseRules = z.infer<typeof ZCaseRules>;

const month = (amount: number) => ({ amount, unit: 'months' as const });

export const caseRulesSetting: SettingDef<typeof ZCaseRules> = {
  key: 'cases.rules',
  schema: ZCaseRules,
  defaults: {
    clocks: {
      appealFile: month(1),
      appealDecide: month(1),
      reexaminationFile: month(1),
      reexaminationDecide: month(1),
      recheckFile: month(1),
      recheckDecide: month(2),
      execution: month(1),
    },
    influence: {
      政务处分·警告: { months: 6, kind: 'sanction', source: '政务处分法 第八条' },
      政务处分·记过: { months: 12, kind: 'sanction', source: '政务处分法 第八条' },
      政务处分·记大过: { months: 18, kind: 'sanction', source: '政务处分法 第八条' },
      政务处分·降级: { months: 24, kind: 'sanction', source: '政务处分法 第八条' },
      政务处分·撤职: { months: 24, kind: 'sanction', source: '政务处分法 第八条' },
      党纪处分·警告: { months: 12, kind: 'no_promotion', source: '中国共产党纪律处分条例' },
      党纪处分·严重警告: { months: 18, kind: 'no_promotion', source: '中国共产党纪律处分条例' },
      诫勉: { months: 6, kind: 'no_promotion', source: '诫勉规定（以本地规定为准）' },
    },
    sources: {
      appealFile: '中国共产党问责条例（以本地规定为准；2009年规定为15日）',
      appealDecide: '中国共产党问责条例（以本地规定为准；2009年规定为30日）',
      reexaminationFile: '监察法 第四十九条',
      reexaminationDecide: '监察法 第四十九条',
      recheckFile: '监察法 第四十九条',
      recheckDecide: '监察法 第四十九条',
      execution: '中国共产党问责条例',
    },
    prereview: {
      highAttention: true,
      importantPost: true,
      sensitiveFields: ['安全生产', '食品药品安全', '生态环境', '教育医疗'],
    },
    jointReviewUnits: { df: 'JW-DF', ag: 'JW-AG', sl: 'JW-SL' },
    consistencyGap: 3,
  },
};

export const readCaseRules = (ctx: Ctx) => readSetting(ctx.db, caseRulesSetting);

export type { FormKey };
