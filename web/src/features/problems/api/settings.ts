import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPatch } from '../../../lib/api';

export interface EscalationSettings {
  blueWorkingDays: number;
  yellowNoProgressDays: number;
  noticeAfter: number;
  interviewAfter: number;
  listAfter: number;
  proposalAfter: number;
  automatic: number[];
  version: number;
}

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
