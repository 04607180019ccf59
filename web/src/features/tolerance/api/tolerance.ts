import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ToleranceEvent } from '../../../../../common/tolerance';
import type { ZCreateFiling, ZFiling, ZFilingDetail, ZListFilings } from '../../../../../common/tolerance.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPatch, apiPost, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';
import { resource, useResourceList, useResourceDetail, useDetailChange } from '../../../lib/resource';

/** 容错免责 事前备案. */
export type Filing = Response<typeof ZFiling>;
export type FilingDetail = Response<typeof ZFilingDetail>;
export type FilingInput = Omit<z.input<typeof ZCreateFiling>, 'submit'>;

export type FilingFilters = ListFilters<typeof ZListFilings>;

const filings = resource<Page<Filing>, FilingDetail>('tolerance-filings', '/tolerance-filings');
export const filingKeys = filings.keys;
export const useFilings = (q: ListQueryOf<typeof ZListFilings>) => useResourceList(filings, q);
export const useFiling = (id: string | undefined) => useResourceDetail(filings, id);

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

export const useFilingEvent = (id: string) =>
  useDetailChange(
    filingKeys,
    id,
    (input: { type: ToleranceEvent; version: number; comment?: string }) =>
      apiPost<FilingDetail>(`/tolerance-filings/${id}/events`, input),
    { refetch: 'all' },
  );

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
