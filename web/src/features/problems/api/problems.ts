import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCreateProblem,
  ZListProblems,
  ZMeasure,
  ZMeasureInput,
  ZProblem,
  ZProblemDetail,
  ZProblemEvent,
  ZProblemEventRow,
  ZProblemStats,
  ZUploadedFile,
} from '../../../../../common/problems.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPatch, apiPost, type ListQueryOf, type Page, type Query } from '../../../lib/api';

export type Measure = Response<typeof ZMeasure>;
export type DeadlineType = Measure['deadlineType'];
export type Problem = Response<typeof ZProblem>;
export type ProblemEventRow = Response<typeof ZProblemEventRow>;
export type ProblemFile = Response<typeof ZUploadedFile>;
export type ProblemDetail = Response<typeof ZProblemDetail>;
export type StatRow = Response<typeof ZProblemStats>['items'][number];

/** Filters of the ledger, the board, the stats and the export (all optional, as query strings). */
export type ProblemFilters = Omit<z.input<typeof ZListProblems>, 'page' | 'pageSize' | 'sort'>;
export type ProblemListQuery = ListQueryOf<typeof ZListProblems>;

export type MeasureInput = z.input<typeof ZMeasureInput>;
export type ProblemInput = Omit<z.input<typeof ZCreateProblem>, 'dispatch'>;
export type EventInput = z.input<typeof ZProblemEvent>;

export const problemKeys = {
  all: ['problems'] as const,
  list: (q: ProblemListQuery) => ['problems', 'list', q] as const,
  stats: (f: ProblemFilters) => ['problems', 'stats', f] as const,
  detail: (id: string) => ['problems', 'detail', id] as const,
};

export function useProblems(query: ProblemListQuery) {
  return useQuery({
    queryKey: problemKeys.list(query),
    queryFn: ({ signal }) => api<Page<Problem>>('/problems', { query: query as Query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProblemStats(filters: ProblemFilters) {
  return useQuery({
    queryKey: problemKeys.stats(filters),
    queryFn: ({ signal }) => api<{ items: StatRow[] }>('/problems/stats', { query: filters as Query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProblem(id: string | undefined) {
  return useQuery({
    queryKey: problemKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<ProblemDetail>(`/problems/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useCreateProblem() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, dispatch, key }: { input: ProblemInput; dispatch: boolean; key: string }) =>
      api<ProblemDetail>('/problems', {
        method: 'POST',
        body: { ...input, dispatch },
        headers: { 'idempotency-key': key },
      }),
    meta: { silent: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: problemKeys.all }),
  });
}

export function useUpdateProblem(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ProblemInput> & { version: number }) =>
      apiPatch<ProblemDetail>(`/problems/${id}`, input),
    meta: { silent: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: problemKeys.all }),
  });
}

/** Fire a state transition (POST /problems/:id/events); the cache is refreshed either way. */
export function useProblemEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: EventInput) => apiPost<ProblemDetail>(`/problems/${id}/events`, input),
    onSettled: () => qc.invalidateQueries({ queryKey: problemKeys.all }),
  });
}

export const problemFileUrl = (problemId: string) => `/api/problems/${problemId}/files`;
