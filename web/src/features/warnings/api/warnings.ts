import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZListWarnings,
  ZWarning,
  ZWarningDetail,
  ZWarningEvent,
  ZWarningEventRow,
  ZWarningPage,
} from '../../../../../common/warnings.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost, type ListFilters, type ListQueryOf, type Query } from '../../../lib/api';

/** 模拟问责单. */
export type Warning = Response<typeof ZWarning>;
export type WarningAction = Warning['actions'][number];
export type WarningEventRow = Response<typeof ZWarningEventRow>;
export type WarningDetail = Response<typeof ZWarningDetail>;

export type WarningFilters = ListFilters<typeof ZListWarnings>;
export type WarningListQuery = ListQueryOf<typeof ZListWarnings>;
export type WarningEventInput = z.input<typeof ZWarningEvent>;

export const warningKeys = {
  all: ['warnings'] as const,
  list: (q: WarningListQuery) => ['warnings', 'list', q] as const,
  detail: (id: string) => ['warnings', 'detail', id] as const,
};

export function useWarnings(query: WarningListQuery) {
  return useQuery({
    queryKey: warningKeys.list(query),
    queryFn: ({ signal }) => api<Response<typeof ZWarningPage>>('/warnings', { query: query as Query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useWarning(id: string | undefined) {
  return useQuery({
    queryKey: warningKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<WarningDetail>(`/warnings/${id}`, { signal }),
    enabled: !!id,
  });
}

/** Fire a step of the warning's flow (POST /warnings/:id/events); the cache is refreshed either way. */
export function useWarningEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: WarningEventInput) => apiPost<WarningDetail>(`/warnings/${id}/events`, input),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: warningKeys.all });
      // 转为问题交办 creates a problem.
      void qc.invalidateQueries({ queryKey: ['problems'] });
    },
  });
}

export const reminderDocPath = (id: string) => `/warnings/${id}/documents/reminder.docx`;
