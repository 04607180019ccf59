import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
import { resource, useResourceList, useResourceDetail, useCreate, useDetailChange } from '../../../lib/resource';

/** 指标体系 and its indicator tree. */
export type IndicatorSystem = Response<typeof ZSystem>;
export type SystemDetail = Response<typeof ZSystemDetail>;
export type Indicator = SystemDetail['indicators'][number];
export type SystemTemplate = Response<typeof ZTemplate>;
export type SystemInput = z.input<typeof ZCreateSystem>;
export type IndicatorInput = z.input<typeof ZCreateIndicator>;
export type IndicatorPatch = Omit<z.input<typeof ZUpdateIndicator>, 'version'>;

export type SystemFilters = ListFilters<typeof ZListSystems>;

const systems = resource<Page<IndicatorSystem>, SystemDetail>('indicator-systems', '/indicator-systems');
export const systemKeys = { ...systems.keys, templates: ['indicator-systems', 'templates'] as const };
export const useSystems = (q: ListQueryOf<typeof ZListSystems>) => useResourceList(systems, q);
export const useSystem = (id: string | undefined) => useResourceDetail(systems, id);

export function useSystemTemplates() {
  return useQuery({
    queryKey: systemKeys.templates,
    queryFn: ({ signal }) => api<SystemTemplate[]>('/indicator-systems/templates', { signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const useCreateSystem = () => useCreate<SystemInput, SystemDetail>(systemKeys, '/indicator-systems');

export function useCopySystem(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => apiPost<SystemDetail>(`/indicator-systems/${id}/copy`, { year }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: systemKeys.all }),
  });
}

/** Adding, changing and removing indicators: each answers the whole tree, which replaces the cached one. */
export function useIndicatorEdits(id: string) {
  const base = `/indicator-systems/${id}/indicators`;
  return {
    add: useDetailChange(systemKeys, id, (input: IndicatorInput & { version: number }) =>
      apiPost<SystemDetail>(base, input),
    ),
    update: useDetailChange(
      systemKeys,
      id,
      ({ indicatorId, ...input }: IndicatorPatch & { indicatorId: string; version: number }) =>
        apiPatch<SystemDetail>(`${base}/${indicatorId}`, input),
    ),
    remove: useDetailChange(
      systemKeys,
      id,
      ({ indicatorId, version }: { indicatorId: string; version: number }) =>
        apiDelete<SystemDetail>(`${base}/${indicatorId}`, { version }),
      { silent: false },
    ),
  };
}
