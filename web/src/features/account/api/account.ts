import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TChangePassword, ZOk, ZTotpSetup } from '../../../../../common/identity.schema';
import type { ZMyChannel } from '../../../../../common/notifications.channels';
import type { Response } from '../../../../../common/zod';
import { api, apiPost, apiPut } from '../../../lib/api';
import { meQueryKey } from '../../../lib/session';

export type TotpSetup = Response<typeof ZTotpSetup>;
type Ok = Response<typeof ZOk>;

function useAccountMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: meQueryKey }) });
}

export const useChangePassword = () =>
  useAccountMutation((input: TChangePassword) => apiPost<Ok>('/me/password', input));

/** A new second factor needs the current password (re-authentication). */
export const useTotpSetup = () =>
  useMutation({ mutationFn: (password: string) => apiPost<TotpSetup>('/me/totp/setup', { password }) });

export const useTotpEnable = () => useAccountMutation((token: string) => apiPost<Ok>('/me/totp/enable', { token }));

export const useTotpDisable = () =>
  useAccountMutation((password: string) => apiPost<Ok>('/me/totp/disable', { password }));

export type MyChannel = Response<typeof ZMyChannel>;
const myChannelsKey = ['me', 'channels'] as const;

/** Which outbound channels (短信, 电子邮件, 群机器人) carry the caller's messages (issue #17). */
export const useMyChannels = () =>
  useQuery({
    queryKey: myChannelsKey,
    queryFn: ({ signal }) => api<MyChannel[]>('/notifications/channels', { signal }),
  });

export function useSetOptOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { channel: MyChannel['channel']; optOut: boolean }) =>
      apiPut<MyChannel[]>('/notifications/channels', input),
    onSuccess: (data) => qc.setQueryData(myChannelsKey, data),
  });
}
