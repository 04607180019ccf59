import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TLogin, ZLoginResult } from '../../../../../common/identity.schema';
import type { Response } from '../../../../../common/zod';
import { api, setCsrfToken } from '../../../lib/api';

export type LoginInput = TLogin;

import { fetchMe, meQueryKey } from '../../../lib/session';

export const login = (input: LoginInput) => {
  // A new session gets a new CSRF token; drop any old one.
  setCsrfToken(null);
  return api<Response<typeof ZLoginResult>>('/auth/login', {
    method: 'POST',
    body: input,
    noSession: true,
    allowUnauthenticated: true,
  });
};

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    meta: { silent: true },
    onSuccess: async () => {
      queryClient.removeQueries();
      await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe });
    },
  });
}
