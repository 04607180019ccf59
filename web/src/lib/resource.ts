import { type QueryKey, keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPost, type Query } from './api';

/**
 * The TanStack Query shapes every record-keeping feature repeats: a resource at one API path, its list pages and
 * its records, cached under one root key (decision 011).
 */

/** The cache keys of a resource: everything under `root`, its list pages, one record. */
export function resourceKeys(root: string) {
  return {
    all: [root] as const,
    list: (q: object) => [root, 'list', q] as const,
    detail: (id: string) => [root, 'detail', id] as const,
  };
}

export type ResourceKeys = ReturnType<typeof resourceKeys>;

/** A resource: its cache keys and its API path; `P` is what a list page answers, `D` what one record does. */
export interface Resource<P, D> {
  keys: ResourceKeys;
  path: string;
  /** Carries the answers' types only; never set. */
  readonly answers?: { page: P; detail: D };
}

/** The resource at API `path`, cached under `root`. */
export function resource<P, D>(root: string, path: string): Resource<P, D> {
  return { keys: resourceKeys(root), path };
}

/** GET the resource's list with query `q`; the previous page stays on screen while the next one loads. */
export function useResourceList<P, D>(r: Resource<P, D>, q: object) {
  return useQuery({
    queryKey: r.keys.list(q),
    queryFn: ({ signal }) => api<P>(r.path, { query: { ...q } as Query, signal }),
    placeholderData: keepPreviousData,
  });
}

/** GET one record of the resource, once there is an id. */
export function useResourceDetail<P, D>(r: Resource<P, D>, id: string | undefined) {
  return useQuery({
    queryKey: r.keys.detail(id ?? ''),
    queryFn: ({ signal }) => api<D>(`${r.path}/${id}`, { signal }),
    enabled: !!id,
  });
}

/** POST `path` from a form (the form shows its own errors); everything under the resource is refetched. */
export function useCreate<I, D>(keys: ResourceKeys, path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => apiPost<D>(path, input),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: keys.all }),
  });
}

interface ChangeOptions {
  /** The caller shows the error itself (default); false: the app's error message. */
  silent?: boolean;
  /**
   * `lists` (default): on success only the list pages are refetched, the answer being the record as it now is.
   * `all`: once settled, success or not, everything under the resource is refetched (after a conflict the page
   * shows what is current).
   */
  refetch?: 'lists' | 'all';
}

/** A change of record `id` whose answer is the whole record: the answer replaces the cached one. */
export function useDetailChange<I, D>(
  keys: ResourceKeys,
  id: string,
  mutationFn: (input: I) => Promise<D>,
  { silent = true, refetch = 'lists' }: ChangeOptions = {},
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn,
    meta: silent ? { silent } : undefined,
    onSuccess: (d) => {
      qc.setQueryData(keys.detail(id), d);
      if (refetch === 'lists') void qc.invalidateQueries({ queryKey: [keys.all[0], 'list'] });
    },
    onSettled: refetch === 'all' ? () => void qc.invalidateQueries({ queryKey: keys.all }) : undefined,
  });
}

/** A write after which everything under `key` is refetched; the mutation settles once the refetch has. */
export function useRefetchingMutation<I, R>(key: QueryKey, mutationFn: (input: I) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}
