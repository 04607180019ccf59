import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPatch } from '../../../lib/api';

export interface SecuritySettings {
  passwordMinLength: number;
  passwordRequireClasses: number;
  passwordRotationDays: number;
  lockoutThreshold: number;
  lockoutMinutes: number;
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
  version: number;
}

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
