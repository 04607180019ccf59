import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WarningState } from '../../../../../common/warnings';
import type { Facts, WarningPerson } from '../../../components/warning-facts';
import { api, apiPost, type Page, type Query } from '../../../lib/api';

export type WarningAction = 'issue' | 'dismiss' | 'answer' | 'resolve' | 'escalate';

/** 模拟问责单. */
export interface Warning {
  id: string;
  code: string;
  situationId: string;
  situationName: string;
  article?: number;
  articleText: string;
  forms: string[];
  problemId: string;
  unitId: string;
  state: WarningState;
  stateLabel: string;
  facts: Facts;
  /** Live warnings: today's facts (null when the rule no longer fires). */
  currentFacts?: Facts | null;
  lastSeenAt: string;
  people: WarningPerson[];
  deadline: string;
  answer: string | null;
  outcome: string | null;
  issuedAt: string | null;
  closedAt: string | null;
  firstSeenAt: string;
  version: number;
  actions: WarningAction[];
}

export interface WarningEventRow {
  id?: string;
  type: string;
  fromState: string | null;
  toState: string | null;
  actorName: string | null;
  at: string;
  comment: string | null;
  payload: { target?: 'problem' | 'proposal'; outcome?: string } | null;
}

export interface WarningDetail extends Warning {
  events: WarningEventRow[];
}

export interface WarningFilters {
  situationId?: string;
  unitId?: string;
  state?: WarningState;
  problemId?: string;
  /** Warning code, problem code or words of the problem's title. */
  q?: string;
}

export interface WarningListQuery extends WarningFilters {
  page?: number;
  pageSize?: number;
}

export interface WarningEventInput {
  type: WarningAction;
  version: number;
  comment?: string;
  target?: 'problem' | 'proposal';
}

export const warningKeys = {
  all: ['warnings'] as const,
  list: (q: WarningListQuery) => ['warnings', 'list', q] as const,
  detail: (id: string) => ['warnings', 'detail', id] as const,
};

export function useWarnings(query: WarningListQuery) {
  return useQuery({
    queryKey: warningKeys.list(query),
    queryFn: ({ signal }) => api<Page<Warning>>('/warnings', { query: query as Query, signal }),
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

/** If nothing changes on the problem by `date`, which situations would fire. */
export const reminderDocPath = (id: string) => `/warnings/${id}/documents/reminder.docx`;
