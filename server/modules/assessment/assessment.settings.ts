import type { Grade } from '../../../common/assessment.js';
import { type TAssessmentSettings, ZAssessmentSettings } from '../../../common/assessment.schema.js';
import { recordAudit } from '../../platform/audit/audit.service.js';
import { type Ctx, regionOf } from '../../platform/context.js';
import { type SettingDef, readSetting, writeSetting } from '../../platform/settings/settings.service.js';

/**
 * The assessment's rules per region (SPEC M6): points per event with the document each comes from, the bonus
 * cap, grade thresholds, the grade a 一票否决 caps at, and the talk proposed to the bottom-ranked.
 * Defaults follow the seeds (001: 约谈、通报扣分，表扬加分; 004: 年终考核).
 */
export const assessmentSetting: SettingDef<typeof ZAssessmentSettings> = {
  key: 'assessment.rules',
  schema: ZAssessmentSettings,
  defaults: {
    rules: [
      { kind: 'problems.overdue', points: -1, basis: '问题整改逾期，每件扣1分' },
      { kind: 'problems.circular', points: -2, basis: '被通报，每次扣2分' },
      { kind: 'problems.interview', points: -3, basis: '问题升级约谈，每次扣3分' },
      { kind: 'problems.listed', points: -4, basis: '挂牌督办，每件扣4分' },
      { kind: 'warnings.issued', points: -1, basis: '收到模拟问责预警，每份扣1分' },
      { kind: 'talks.interview', points: -3, basis: '单位领导班子被约谈，每次扣3分' },
      { kind: 'cases.decided', points: -4, basis: '单位或其人员被问责，每人次扣4分' },
      { kind: 'problems.ontime', points: 0.5, basis: '问题按期整改销号，每件加0.5分' },
      { kind: 'patrol.positive_case', points: 2, basis: '入选正面典型案例，每个加2分' },
      { kind: 'talks.person_interview', points: -3, basis: '本人被约谈，每次扣3分' },
      { kind: 'talks.person_reminder', points: -1, basis: '本人被提醒谈话，每次扣1分' },
      { kind: 'cases.person_decided', points: -4, basis: '本人被问责，每案扣4分' },
      { kind: 'responsibility.person_overdue', points: -1, basis: '本人责任清单事项逾期，每项扣1分' },
      { kind: 'problems.charge_overdue', points: -0.5, basis: '分管（主管）单位问题逾期，每件扣0.5分' },
    ],
    bonusCap: 5,
    thresholds: { excellent: 90, good: 80, fair: 60 },
    vetoGrade: 'poor',
    bottomTalk: 'reminder',
  },
};

export const settingsOf = (ctx: Ctx, regionId: string) => readSetting(ctx.db, assessmentSetting, regionId);

/** The grade of a score by the region's thresholds (the computation grades set-wise in SQL, the same way). */
export function gradeOf(score: number, t: TAssessmentSettings['thresholds']): Grade {
  return score >= t.excellent ? 'excellent' : score >= t.good ? 'good' : score >= t.fair ? 'fair' : 'poor';
}

export async function readAssessmentSettings(ctx: Ctx) {
  const { version, ...settings } = await settingsOf(ctx, regionOf(ctx));
  return { settings: settings as TAssessmentSettings, version };
}

/** A region's office changes its own rules; every change is audited with before and after. */
export async function updateAssessmentSettings(ctx: Ctx, input: { settings: TAssessmentSettings; version: number }) {
  const regionId = regionOf(ctx);
  const before = await readAssessmentSettings(ctx);
  await writeSetting(ctx.db, assessmentSetting, input.settings, input.version, regionId);
  const after = await readAssessmentSettings(ctx);
  await recordAudit(ctx, {
    type: 'settings.assessment_changed',
    entity: 'settings',
    entityId: `${assessmentSetting.key}@${regionId}`,
    before,
    after,
  });
  return after;
}
