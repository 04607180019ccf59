import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZAssessmentSettingsBody, ZAssessmentSettingsView } from '../../../../../common/assessment.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPut } from '../../../lib/api';

/** 考核设置: the region's deduction and bonus rules, grade thresholds, 一票否决 grade and 末位谈话. */
export type AssessmentSettingsView = Response<typeof ZAssessmentSettingsView>;
export type AssessmentSettingsBody = z.input<typeof ZAssessmentSettingsBody>;

const key = ['settings', 'assessment'] as const;

export function useAssessmentSettings() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<AssessmentSettingsView>('/assessment-settings', { signal }),
  });
}

export function useUpdateAssessmentSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AssessmentSettingsBody) => apiPut<AssessmentSettingsView>('/assessment-settings', input),
    meta: { silent: true },
    onSuccess: (data) => qc.setQueryData(key, data),
  });
}
