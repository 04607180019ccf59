import { useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface ListUpdate<F> {
  filters?: F;
  page?: number;
  pageSize?: number;
  sort?: string | null;
}

/**
 * The filters, page, page size and sort of a server-side list, kept in the URL so a list can be
 * bookmarked and shared. Changing the filters returns to page 1.
 */
export function useListParams<F extends object>(keys: readonly (keyof F & string)[]) {
  const [params, setParams] = useSearchParams();
  const paramString = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the keys are a module constant of the caller
  const state = useMemo(() => {
    const p = new URLSearchParams(paramString);
    const filters: Record<string, string> = {};
    for (const k of keys) {
      const v = p.get(k);
      if (v) filters[k] = v;
    }
    return {
      filters: filters as F,
      page: Number(p.get('page')) || 1,
      pageSize: Number(p.get('pageSize')) || 20,
      sort: p.get('sort') ?? undefined,
    };
  }, [paramString]);

  const update = (next: ListUpdate<F>) => {
    const out = new URLSearchParams();
    for (const [k, v] of Object.entries(next.filters ?? state.filters)) if (v) out.set(k, String(v));
    const page = next.page ?? (next.filters ? 1 : state.page);
    if (page > 1) out.set('page', String(page));
    const size = next.pageSize ?? state.pageSize;
    if (size !== 20) out.set('pageSize', String(size));
    const sort = next.sort === undefined ? state.sort : next.sort;
    if (sort) out.set('sort', sort);
    setParams(out, { replace: true });
  };
  return { ...state, update };
}
