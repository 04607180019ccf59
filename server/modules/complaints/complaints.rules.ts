import { z } from '../../../common/zod.js';
import { addWorkingDaysNoted } from '../../platform/calendar/calendar.service.js';
import type { Ctx } from '../../platform/context.js';
import { type SettingDef, readSetting } from '../../platform/settings/settings.service.js';

const RULES = '《纪检监察机关处理检举控告工作规则》（2020）';
const ZLimit = z.object({ days: z.number().int().min(1).max(250), source: z.string() });

/**
 * The complaints' clocks as data (SPEC 2b), in working days of the platform calendar, each with its source;
 * an administrator may change them per region like the case clocks.
 */
export const ZComplaintRules = z.object({
  /** 受理或转办: a report for this level is accepted, transferred or sent up. */
  triage: ZLimit,
  /** 下级机关对转送的检举控告完成受理或者转办 (第十六条). */
  lowerAccept: ZLimit,
  /** 实名检举控告：告知受理情况，自收到之日起 (第四章). */
  acceptanceNotice: ZLimit,
  /** 实名检举控告：反馈处理结果，自办结之日起 (第四章). */
  resultFeedback: ZLimit,
  /** 限时办结: every complaint's completion deadline, from receipt (local rule). */
  completion: ZLimit,
  /** Warn this many working days before a clock ends. */
  warnDays: z.number().int().min(0).max(30),
});
export type ComplaintRules = z.infer<typeof ZComplaintRules>;

export const complaintRulesSetting: SettingDef<typeof ZComplaintRules> = {
  key: 'complaints.rules',
  schema: ZComplaintRules,
  defaults: {
    triage: { days: 5, source: `${RULES}第十五条、第十六条（5个工作日内报送、转送或受理；本地可调整）` },
    lowerAccept: { days: 5, source: `${RULES}第十六条第二款` },
    acceptanceNotice: { days: 15, source: `${RULES}第四章 实名检举控告的处理（收到之日起15个工作日内告知受理情况）` },
    resultFeedback: { days: 15, source: `${RULES}第四章 实名检举控告的处理（办结之日起15个工作日内反馈处理结果）` },
    completion: { days: 60, source: '本地限时办结制（首问负责、限时办结；以本地规定为准）' },
    warnDays: 3,
  },
};

export const complaintRules = (ctx: Ctx, regionId: string) => readSetting(ctx.db, complaintRulesSetting, regionId);

/** `complaintRules` read once per region, for work over many complaints (the clock watch, the digest). */
export function complaintRulesByRegion(ctx: Ctx) {
  const read = new Map<string, Promise<ComplaintRules>>();
  return (regionId: string) => {
    if (!read.has(regionId)) read.set(regionId, complaintRules(ctx, regionId));
    return read.get(regionId) as Promise<ComplaintRules>;
  };
}

/** The day `days` working days after `from`, with whether the calendar of those years is still provisional. */
export const dueAfter = (ctx: Ctx, from: string, days: number) => addWorkingDaysNoted(ctx.db, from, days);
