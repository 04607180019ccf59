import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCreateIndicator,
  ZCreateSystem,
  ZListSystems,
  ZSystem,
  ZSystemDetail,
  ZTemplate,
  ZUpdateIndicator,
} from '../../../../../common/assessment.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiDelete, apiPatch, apiPost, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';

/** 指标体系 and its indicator tree. */
export type IndicatorSystem = Response<typeof ZSystem>;
export type SystemDetail = Response<typeof ZSystemDetail>;
export type Indicator = SystemDetail['indicators'][number];
export type SystemTemplate = Response<typeof ZTemplate>;
export type SystemInput = z.input<typeof ZCreateSystem>;
export type IndicatorInput = z.input<typeof ZCreateIndicator>;
export type IndicatorPatch = Omit<z.input<typeof ZUpdateIndicator>, 'version'>;

export type SystemFilters = ListFilters<typeof ZListSystems>;

export const systemKeys = {
  all: ['indicator-systems'] as const,
  templates: ['indicator-systems', 'templates'] as const,
  list: (q: object) => ['indicator-systems', 'list', q] as const,
  detail: (id: string) => ['indicator-systems', 'detail', id] as const,
};

export function useSystems(q: ListQueryOf<typeof ZListSystems>) {
  return useQuery({
    queryKey: systemKeys.list(q),
    queryFn: ({ signal }) => api<Page<IndicatorSystem>>('/indicator-systems', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSystemTemplates() {
  return useQuery({
    queryKey: systemKeys.templates,
    queryFn: ({ signal }) => api<SystemTemplate[]>('/indicator-systems/templates', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSystem(id: string | undefined) {
  return useQuery({
    queryKey: systemKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<SystemDetail>(`/indicator-systems/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useCreateSystem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SystemInput) => apiPost<SystemDetail>('/indicator-systems', input),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: systemKeys.all }),
  });
}

export function useCopySystem(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => apiPost<SystemDetail>(`/indicator-systems/${id}/copy`, { year }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: systemKeys.all }),
  });
}

/** Adding, changing and removing indicators: each answers the whole tree, which replaces the cached one. */
export function useIndicatorEdits(id: string) {
  const qc = useQueryClient();
  const onSuccess = (s: SystemDetail) => {
    qc.setQueryData(systemKeys.detail(id), s);
    void qc.invalidateQueries({ queryKey: ['indicator-systems', 'list'] });
  };
  const base = `/indicator-systems/${id}/indicators`;
  return {
    add: useMutation({
      mutationFn: (input: IndicatorInput & { version: number }) => apiPost<SystemDetail>(base, input),
      meta: { silent: true },
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ indicatorId, ...input }: IndicatorPatch & { indicatorId: string; version: number }) =>
        apiPatch<SystemDetail>(`${base}/${indicatorId}`, input),
      meta: { silent: true },
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: ({ indicatorId, version }: { indicatorId: string; version: number }) =>
        apiDelete<SystemDetail>(`${base}/${indicatorId}`, { version }),
      onSuccess,
    }),
  };
}
