import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TChangePassword, ZOk, ZTotpSetup } from '../../../../../common/identity.schema';
import type { Response } from '../../../../../common/zod';
import { apiPost } from '../../../lib/api';
import { meQueryKey } from '../../../lib/session';

export type TotpSetup = Response<typeof ZTotpSetup>;
type Ok = Response<typeof ZOk>;

function useAccountMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: meQueryKey }) });
}

export const useChangePassword = () =>
  useAccountMutation((input: TChangePassword) => apiPost<Ok>('/me/password', input));

export const useTotpSetup = () => useMutation({ mutationFn: () => apiPost<TotpSetup>('/me/totp/setup') });

export const useTotpEnable = () => useAccountMutation((token: string) => apiPost<Ok>('/me/totp/enable', { token }));

export const useTotpDisable = () =>
  useAccountMutation((password: string) => apiPost<Ok>('/me/totp/disable', { password }));
