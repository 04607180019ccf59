import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZSecuritySettings } from '../../../../../common/identity.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPatch } from '../../../lib/api';

export type SecuritySettings = Response<typeof ZSecuritySettings>;

const key = ['settings', 'security'] as const;

export function useSecuritySettings() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => api<SecuritySettings>('/settings/security', { signal }) });
}

export function useSaveSecuritySettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SecuritySettings) => apiPatch<SecuritySettings>('/settings/security', input),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
}
