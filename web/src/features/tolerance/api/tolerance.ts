import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ToleranceEvent, ToleranceState } from '../../../../../common/tolerance';
import { api, apiPatch, apiPost, type Page } from '../../../lib/api';

/** 容错免责 事前备案. */
export interface Filing {
  id: string;
  code: string;
  unitId: string;
  unitName: string;
  personIds: string[];
  people: { id: string; name: string; post: string }[];
  matter: string;
  decision: string;
  basis: string;
  exploratory: boolean;
  minutes: string;
  dissent: string;
  risk: string;
  decidedOn: string;
  reviewOn: string;
  state: ToleranceState;
  stateLabel: string;
  returnReason: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  approvalComment: string | null;
  minutesFileName: string | null;
  hasMinutesFile: boolean;
  version: number;
  createdAt: string;
  actions: ('update' | ToleranceEvent)[];
}

export interface FilingDetail extends Filing {
  events: { id: string; type: string; label: string; actorName: string; at: string; comment: string }[];
}

export interface FilingFilters {
  state?: string;
  unitId?: string;
  q?: string;
}

export interface FilingInput {
  unitId: string;
  personIds: string[];
  matter: string;
  decision: string;
  basis: string;
  exploratory: boolean;
  minutes: string;
  dissent: string;
  risk: string;
  decidedOn: string;
  reviewOn: string;
}

export const filingKeys = {
  all: ['tolerance-filings'] as const,
  list: (q: object) => ['tolerance-filings', 'list', q] as const,
  detail: (id: string) => ['tolerance-filings', 'detail', id] as const,
};

export function useFilings(q: FilingFilters & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: filingKeys.list(q),
    queryFn: ({ signal }) => api<Page<Filing>>('/tolerance-filings', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFiling(id: string | undefined) {
  return useQuery({
    queryKey: filingKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<FilingDetail>(`/tolerance-filings/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useSaveFiling(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      input,
      submit,
      version,
      key,
    }: {
      input: FilingInput;
      submit: boolean;
      version?: number;
      key: string;
    }) =>
      id
        ? apiPatch<FilingDetail>(`/tolerance-filings/${id}`, { ...input, unitId: undefined, version })
        : api<FilingDetail>('/tolerance-filings', {
            method: 'POST',
            body: { ...input, submit },
            headers: { 'idempotency-key': key },
          }),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: filingKeys.all }),
  });
}

export function useFilingEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { type: ToleranceEvent; version: number; comment?: string }) =>
      apiPost<FilingDetail>(`/tolerance-filings/${id}/events`, input),
    meta: { silent: true },
    onSuccess: (f) => qc.setQueryData(filingKeys.detail(id), f),
    onSettled: () => void qc.invalidateQueries({ queryKey: filingKeys.all }),
  });
}

export function useUploadMinutes(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('file', file);
      return api<FilingDetail>(`/tolerance-filings/${id}/minutes-file`, { method: 'POST', formData });
    },
    onSuccess: (f) => qc.setQueryData(filingKeys.detail(id), f),
  });
}

export const minutesFilePath = (id: string) => `/tolerance-filings/${id}/minutes-file`;
