import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZEscalationSettingsUpdate } from '../../../../../common/problems.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPatch } from '../../../lib/api';

export type EscalationSettings = Response<typeof ZEscalationSettingsUpdate>;

const key = ['settings', 'escalation'] as const;

export function useEscalationSettings() {
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api<EscalationSettings>('/settings/escalation', { signal }),
  });
}

export function useUpdateEscalationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: EscalationSettings) => apiPatch<EscalationSettings>('/settings/escalation', input),
    meta: { silent: true },
    onSuccess: (data) => qc.setQueryData(key, data),
  });
}
