import { useQuery } from '@tanstack/react-query';
import type { ZMe } from '../../../common/identity.schema';
import type { Response } from '../../../common/zod';
import { ApiError, api, setCsrfToken } from './api';

/** The signed-in user, roles, scope, permissions and the module menu (GET /api/me). */
export type Me = Response<typeof ZMe>;
export type ModuleEntry = Me['modules'][number];

export const meQueryKey = ['me'] as const;

/** Current session, or null when not signed in. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/me', { allowUnauthenticated: true });
    setCsrfToken(me.csrfToken ?? null);
    return me;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw err;
  }
}

export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000, meta: { silent: true } });
}

export function hasPermission(me: Me | null | undefined, permission: string): boolean {
  return !!me?.permissions.includes(permission);
}

/** Permission check for the signed-in user (false while loading). */
export function usePermission(permission: string): boolean {
  const { data } = useMe();
  return hasPermission(data, permission);
}

/** Modules this web client already has pages for; a disabled one among them is a permission matter. */
const BUILT_PATHS = new Set([
  '/org',
  '/audit',
  '/problems',
  '/notifications',
  '/warnings',
  '/supervision',
  '/assessment',
]);

/** Why a module of `GET /api/me` is shown greyed out. */
export function disabledReason(m: ModuleEntry): string {
  return BUILT_PATHS.has(m.path) ? '无权访问' : '建设中';
}
