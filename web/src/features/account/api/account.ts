import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiPost } from '../../../lib/api';
import { meQueryKey } from '../../../lib/session';

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
}

function useAccountMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: meQueryKey }) });
}

export const useChangePassword = () =>
  useAccountMutation((input: { oldPassword: string; newPassword: string }) => apiPost<unknown>('/me/password', input));

export const useTotpSetup = () => useMutation({ mutationFn: () => apiPost<TotpSetup>('/me/totp/setup') });

export const useTotpEnable = () =>
  useAccountMutation((token: string) => apiPost<unknown>('/me/totp/enable', { token }));

export const useTotpDisable = () =>
  useAccountMutation((password: string) => apiPost<unknown>('/me/totp/disable', { password }));
