import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ToleranceEvent } from '../../../../../common/tolerance';
import type { ZCreateFiling, ZFiling, ZFilingDetail, ZListFilings } from '../../../../../common/tolerance.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPatch, apiPost, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';

/** 容错免责 事前备案. */
export type Filing = Response<typeof ZFiling>;
export type FilingDetail = Response<typeof ZFilingDetail>;
export type FilingInput = Omit<z.input<typeof ZCreateFiling>, 'submit'>;

export type FilingFilters = ListFilters<typeof ZListFilings>;

export const filingKeys = {
  all: ['tolerance-filings'] as const,
  list: (q: object) => ['tolerance-filings', 'list', q] as const,
  detail: (id: string) => ['tolerance-filings', 'detail', id] as const,
};

export function useFilings(q: ListQueryOf<typeof ZListFilings>) {
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
