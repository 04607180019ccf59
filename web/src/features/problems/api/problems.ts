import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ProblemColor,
  ProblemEvent,
  ProblemSeverity,
  ProblemSource,
  ProblemState,
} from '../../../../../common/problems';
import { api, apiPatch, apiPost, type Page, type Query } from '../../../lib/api';

export type DeadlineType = 'date' | 'calendar' | 'working';

export interface Measure {
  id: string;
  seq: number;
  content: string;
  ownerPersonId: string | null;
  ownerName: string | null;
  deadlineType: DeadlineType;
  deadlineDays: number | null;
  deadline: string;
  done: boolean;
  doneAt?: string | null;
  progress: string | null;
  lastReportAt?: string | null;
  overdue: boolean;
}

export interface Problem {
  id: string;
  code: string;
  title: string;
  description: string;
  source: ProblemSource;
  sourceLabel: string;
  category: string;
  severity: ProblemSeverity;
  severityLabel: string;
  unitId: string;
  unitName: string | null;
  responsiblePersonId: string | null;
  responsibleName: string | null;
  leaderPersonId: string | null;
  leaderName: string | null;
  state: ProblemState;
  stateLabel: string;
  closeStage: 'unit_head' | 'office' | null;
  overdue: boolean;
  listed: boolean;
  color: ProblemColor | null;
  colorLabel: string | null;
  urgent: boolean;
  deadline: string | null;
  escalationLevel: number;
  pendingEscalation: number | null;
  commonGroupId: string | null;
  reopenCount: number;
  dispatchedAt: string | null;
  closedAt: string | null;
  createdAt?: string;
  version: number;
  measures: Measure[];
  actions: ProblemEvent[];
}

export interface ProblemEventRow {
  id?: string;
  type: string;
  fromState: string | null;
  toState: string | null;
  actorName: string | null;
  at: string;
  comment: string | null;
  payload: Record<string, unknown> | null;
  late: boolean;
}

export interface ProblemFile {
  id: string;
  name: string;
  size: number;
  mime: string;
  createdAt?: string;
}

export interface ProblemDetail extends Problem {
  events: ProblemEventRow[];
  files: ProblemFile[];
}

/** Filters of the ledger, the board, the stats and the export (all optional, as query strings). */
export interface ProblemFilters {
  unitId?: string;
  state?: ProblemState;
  color?: ProblemColor | 'none';
  source?: ProblemSource;
  category?: string;
  severity?: ProblemSeverity;
  leaderPersonId?: string;
  q?: string;
  deadlineBefore?: string;
  deadlineAfter?: string;
  overdue?: 'true' | 'false';
  listed?: 'true' | 'false';
  commonGroupId?: string;
}

export interface ProblemListQuery extends ProblemFilters {
  page?: number;
  pageSize?: number;
  sort?: string;
}

export interface StatRow {
  state: ProblemState;
  color: ProblemColor | null;
  count: number;
}

export interface MeasureInput {
  content: string;
  ownerPersonId?: string | null;
  deadlineType: DeadlineType;
  deadline?: string;
  days?: number;
}

export interface ProblemInput {
  title: string;
  description: string;
  source: ProblemSource;
  category: string;
  severity: ProblemSeverity;
  unitId: string;
  responsiblePersonId?: string | null;
  leaderPersonId?: string | null;
  urgent: boolean;
  measures: MeasureInput[];
}

export interface EventInput {
  type: ProblemEvent;
  version: number;
  comment?: string;
  measureId?: string;
  progress?: string;
  done?: boolean;
  fileIds?: string[];
  level?: number;
  deadline?: string;
}

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
