import type {
  TCreateUser,
  TSetRoles,
  TUpdateUser,
  ZListUsers,
  ZPasswordReset,
  ZUser,
} from '../../../../../common/identity.schema';
import type { Response, z } from '../../../../../common/zod';
import { apiPatch, apiPost, apiPut, type Page, type ListQueryOf } from '../../../lib/api';
import { resource, useRefetchingMutation, useResourceList } from '../../../lib/resource';

export type User = Response<typeof ZUser>;
export type RoleGrant = TSetRoles['roles'][number];
export type CreateUserInput = TCreateUser;

const users = resource<Page<User>, User>('users', '/users');

export type UserFilters = Pick<z.input<typeof ZListUsers>, 'q' | 'disabled'>;
/** The query of the list: all of ZListUsers the server reads, with the page and sort. */
export type UserQuery = ListQueryOf<typeof ZListUsers>;

/** One page of the accounts (server-side paging, search and filter). */
export const useUsers = (q: UserQuery) => useResourceList(users, q);

const useUserMutation = <TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) =>
  useRefetchingMutation(users.keys.all, fn);

export const useCreateUser = () => useUserMutation((input: CreateUserInput) => apiPost<User>('/users', input));

export const useUpdateUser = () =>
  useUserMutation(({ id, ...patch }: TUpdateUser & { id: string }) => apiPatch<User>(`/users/${id}`, patch));

export const useResetPassword = () =>
  useUserMutation((id: string) => apiPost<Response<typeof ZPasswordReset>>(`/users/${id}/reset-password`));

export const useUnlockUser = () => useUserMutation((id: string) => apiPost<User>(`/users/${id}/unlock`));

export const useSetRoles = () =>
  useUserMutation(({ id, version, roles }: TSetRoles & { id: string }) =>
    apiPut<User>(`/users/${id}/roles`, { version, roles }),
  );
