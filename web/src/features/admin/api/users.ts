import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPatch, apiPost, apiPut, type Page } from '../../../lib/api';

export interface RoleGrant {
  role: string;
  unitId?: string | null;
  groupId?: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  personId: string | null;
  personName: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  totpEnabled: boolean;
  roles: RoleGrant[];
  version: number;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  personId?: string | null;
  password: string;
}

const usersKey = ['users'] as const;

/** All accounts (a county has a few hundred); the server does not page this list. */
export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: ({ signal }) => api<Page<User>>('/users', { signal }),
    placeholderData: keepPreviousData,
  });
}

function useUserMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: usersKey }) });
}

export const useCreateUser = () => useUserMutation((input: CreateUserInput) => apiPost<User>('/users', input));

export const useUpdateUser = () =>
  useUserMutation(
    ({
      id,
      ...patch
    }: {
      id: string;
      version: number;
      displayName?: string;
      disabled?: boolean;
      personId?: string | null;
    }) => apiPatch<User>(`/users/${id}`, patch),
  );

export const useResetPassword = () =>
  useUserMutation((id: string) => apiPost<{ password: string }>(`/users/${id}/reset-password`));

export const useUnlockUser = () => useUserMutation((id: string) => apiPost<unknown>(`/users/${id}/unlock`));

export const useSetRoles = () =>
  useUserMutation(({ id, version, roles }: { id: string; version: number; roles: RoleGrant[] }) =>
    apiPut<User>(`/users/${id}/roles`, { version, roles }),
  );
