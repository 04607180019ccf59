import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface ListUpdate<F> {
  filters?: F;
  page?: number;
  pageSize?: number;
  sort?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;

/** What `useListParams` returns: the list's state and the ways to change it. */
export interface ListParams<F extends object> {
  filters: F;
  page: number;
  pageSize: number;
  /** `field` ascending or `-field` descending (SPEC 3a). */
  sort: string | undefined;
  /** Filters, page, page size and sort together: the query of the list and of its export. */
  query: F & { page: number; pageSize: number; sort?: string };
  update: (next: ListUpdate<F>) => void;
  /** Sets (or clears, with an empty value) one filter and returns to page 1. */
  setFilter: (key: keyof F & string, value: string | null | undefined) => void;
}

/**
 * The filters, page, page size and sort of a server-side list, kept in the URL so a list can be
 * bookmarked and shared. Changing the filters returns to page 1. A filter with a default (e.g. the
 * office's findings open on 待审核) applies it until the user clears it; so does a default order.
 */
export function useListParams<F extends object>(
  keys: readonly (keyof F & string)[],
  defaults: { pageSize?: number; sort?: string; filters?: Partial<Record<keyof F & string, string>> } = {},
): ListParams<F> {
  const filterDefaults: Partial<Record<string, string>> = defaults.filters ?? {};
  const [params, setParams] = useSearchParams();
  const paramString = params.toString();
  const defaultSize = defaults.pageSize ?? DEFAULT_PAGE_SIZE;
  // biome-ignore lint/correctness/useExhaustiveDependencies: keys and defaults are constants of the caller
  const state = useMemo(() => {
    const p = new URLSearchParams(paramString);
    const filters: Record<string, string> = {};
    for (const k of keys) {
      const v = p.get(k) ?? filterDefaults[k];
      if (v) filters[k] = v;
    }
    const page = Number(p.get('page')) || 1;
    const pageSize = Number(p.get('pageSize')) || defaultSize;
    const sort = p.get('sort') ?? defaults.sort;
    return { filters: filters as F, page, pageSize, sort, query: { ...(filters as F), page, pageSize, sort } };
  }, [paramString, defaultSize, defaults.sort]);

  const update = (next: ListUpdate<F>) => {
    const out = new URLSearchParams();
    const nextFilters = (next.filters ?? state.filters) as Record<string, unknown>;
    for (const k of keys) {
      const v = nextFilters[k] ? String(nextFilters[k]) : '';
      // A filter cleared away from its default stays in the URL as `key=`.
      if (v !== (filterDefaults[k] ?? '')) out.set(k, v);
    }
    const page = next.page ?? (next.filters ? 1 : state.page);
    if (page > 1) out.set('page', String(page));
    const size = next.pageSize ?? state.pageSize;
    if (size !== defaultSize) out.set('pageSize', String(size));
    const sort = next.sort === undefined ? state.sort : next.sort;
    if (sort && sort !== defaults.sort) out.set('sort', sort);
    setParams(out, { replace: true });
  };
  const setFilter = (key: keyof F & string, value: string | null | undefined) =>
    update({ filters: { ...state.filters, [key]: value || undefined } });
  return { ...state, update, setFilter };
}
