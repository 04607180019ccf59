import type { ZAssessmentSettingsBody, ZAssessmentSettingsView } from '../../../../../common/assessment.schema';
import type { Response, z } from '../../../../../common/zod';
import { apiPut } from '../../../lib/api';
import { useSaveSettings, useSettings } from '../../../lib/settings-queries';

/** 考核设置: the region's deduction and bonus rules, grade thresholds, 一票否决 grade and 末位谈话. */
export type AssessmentSettingsView = Response<typeof ZAssessmentSettingsView>;
export type AssessmentSettingsBody = z.input<typeof ZAssessmentSettingsBody>;

export const useAssessmentSettings = () => useSettings<AssessmentSettingsView>('assessment', '/assessment-settings');

export const useUpdateAssessmentSettings = () =>
  useSaveSettings(
    'assessment',
    (input: AssessmentSettingsBody) => apiPut<AssessmentSettingsView>('/assessment-settings', input),
    true,
  );
