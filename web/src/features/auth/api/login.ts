import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../lib/api';
import { fetchMe, meQueryKey } from '../../../lib/session';

export interface LoginInput {
  username: string;
  password: string;
  totp?: string;
}

export const login = (input: LoginInput) => {
  // A new session gets a new CSRF token; drop any old one.
  setCsrfToken(null);
  return api<{ user: unknown }>('/auth/login', {
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
