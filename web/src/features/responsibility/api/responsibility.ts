import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateDispatch,
  TCreateResponsibilityItem,
  TListDispatches,
  TListResponsibilityItems,
  TUpdateResponsibilityItem,
  ZDispatch,
  ZDispatchDetail,
  ZFigures,
  ZSourceSummary,
  ZYearEnd,
  ZImportResult,
  ZReport,
  ZReportDetail,
  ZResponsibilityItem,
} from '../../../../../common/responsibility.schema';
import type { Response } from '../../../../../common/zod';
import {
  api,
  apiDelete,
  leaveRecord,
  apiPatch,
  apiPost,
  apiUpload,
  type Page,
  type Query,
  type UploadProgress,
} from '../../../lib/api';
import { useRefetchingMutation } from '../../../lib/resource';

export type ResponsibilityFigures = Response<typeof ZFigures>;
export type YearEndRow = Response<typeof ZYearEnd>['items'][number];
export type Dispatch = Response<typeof ZDispatch>;
export type DispatchDetail = Response<typeof ZDispatchDetail>;
export type DispatchItem = DispatchDetail['items'][number];
export type CatalogueItem = Response<typeof ZResponsibilityItem>;
export type Report = Response<typeof ZReport>;
export type ReportDetail = Response<typeof ZReportDetail>;
export type DispatchFilters = Pick<TListDispatches, 'kind' | 'state' | 'unitId' | 'overdue' | 'mine' | 'q'> & {
  year?: string;
};
export type CatalogueFilters = Pick<TListResponsibilityItems, 'subjectKind' | 'frequency' | 'active' | 'q'>;

const KEY = ['responsibility'] as const;

/** GET /api/responsibility/figures?year=: the year's lists, items and fulfilment (seed 004's numbers). */
export function useResponsibilityFigures(year: number) {
  return useQuery({
    queryKey: [...KEY, 'figures', year],
    queryFn: ({ signal }) => api<ResponsibilityFigures>(`/responsibility/figures?year=${year}`, { signal }),
  });
}

/** GET /api/responsibility/year-end?year=: the year per recipient (年终考核制). */
export function useYearEnd(year: number) {
  return useQuery({
    queryKey: [...KEY, 'year-end', year],
    queryFn: ({ signal }) => api<Response<typeof ZYearEnd>>(`/responsibility/year-end?year=${year}`, { signal }),
  });
}

/** GET /api/dispatches with the list's filters. */
export function useDispatches(query: Query) {
  return useQuery({
    queryKey: [...KEY, 'dispatches', query],
    queryFn: ({ signal }) => api<Page<Dispatch>>('/dispatches', { query, signal }),
  });
}

export function useDispatch(id: string) {
  return useQuery({
    queryKey: [...KEY, 'dispatch', id],
    queryFn: ({ signal }) => api<DispatchDetail>(`/dispatches/${id}`, { signal }),
  });
}

/** Re-reads a dispatch, e.g. after an evidence file was stored on one of its records. */
export function useRefreshDispatch(id: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: [...KEY, 'dispatch', id] });
}

export function useDispatchSource(source?: { sourceType: string; sourceId: string }) {
  return useQuery({
    queryKey: [...KEY, 'source', source?.sourceType, source?.sourceId],
    queryFn: ({ signal }) => api<Response<typeof ZSourceSummary>>('/dispatches/source', { query: source, signal }),
    enabled: !!source,
    staleTime: 60_000,
  });
}

export function useCreateDispatch() {
  return useRefetchingMutation(KEY, (body: Partial<TCreateDispatch>) => apiPost<DispatchDetail>('/dispatches', body));
}

export function useDispatchEvent(id: string) {
  return useRefetchingMutation(
    KEY,
    (body: { type: 'issue' | 'receive' | 'close'; version: number; comment?: string }) =>
      apiPost<DispatchDetail>(`/dispatches/${id}/events`, body),
  );
}

export function useDeleteDispatch(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiDelete<void>(`/dispatches/${id}`, { version }),
    onSuccess: () => void leaveRecord(qc, KEY, id),
  });
}

/** POST /api/dispatches/:id/items/:itemId/fulfilment: 履责纪实 of one item (late ones are kept and marked). */
export function useRecordFulfilment(id: string) {
  return useRefetchingMutation(KEY, ({ itemId, ...body }: { itemId: string; doneOn: string; description: string }) =>
    apiPost<DispatchDetail>(`/dispatches/${id}/items/${itemId}/fulfilment`, body),
  );
}

export const fulfilmentUploadPath = (id: string, fulfilmentId: string) =>
  `/dispatches/${id}/fulfilments/${fulfilmentId}/files`;
export const fulfilmentFileHref = (id: string, fileId: string) => `/api/dispatches/${id}/files/${fileId}`;

/** GET /api/calendar/add-working-days: the date a working-day deadline falls on, as the server will compute it. */
export function useWorkingDate(from: string, days: number | null) {
  return useQuery({
    queryKey: ['calendar', 'add-working-days', from, days],
    enabled: !!days && days > 0,
    queryFn: ({ signal }) =>
      api<{ date: string }>('/calendar/add-working-days', { query: { date: from, days }, signal }),
  });
}

// ---- catalogue

export function useCatalogue(query: Query) {
  return useQuery({
    queryKey: [...KEY, 'catalogue', query],
    queryFn: ({ signal }) => api<Page<CatalogueItem>>('/responsibility-items', { query, signal }),
  });
}

export function useSaveCatalogueItem() {
  return useRefetchingMutation(
    KEY,
    ({ id, ...body }: Partial<TCreateResponsibilityItem> & Partial<TUpdateResponsibilityItem> & { id?: string }) =>
      id
        ? apiPatch<CatalogueItem>(`/responsibility-items/${id}`, body)
        : apiPost<CatalogueItem>('/responsibility-items', body),
  );
}

export function useImportCatalogue() {
  return useRefetchingMutation(KEY, ({ file, onProgress }: { file: File; onProgress: (p: UploadProgress) => void }) => {
    const formData = new FormData();
    formData.append('file', file);
    return apiUpload<Response<typeof ZImportResult>>('/responsibility-items/import', formData, onProgress);
  });
}

// ---- quarterly reports

export function useReports(query: Query) {
  return useQuery({
    queryKey: [...KEY, 'reports', query],
    queryFn: ({ signal }) => api<Page<Report>>('/responsibility-reports', { query, signal }),
  });
}

export function useReport(id: string) {
  return useQuery({
    queryKey: [...KEY, 'report', id],
    queryFn: ({ signal }) => api<ReportDetail>(`/responsibility-reports/${id}`, { signal }),
  });
}

export function useCreateReport() {
  return useRefetchingMutation(
    KEY,
    (body: { year: number; quarter: number; recipientKind: string; unitId: string | null }) =>
      apiPost<ReportDetail>('/responsibility-reports', body),
  );
}

export function useReportEvent(id: string) {
  return useRefetchingMutation(
    KEY,
    (body: { type: 'submit' | 'approve' | 'return'; version: number; summary?: string; comment?: string }) =>
      apiPost<ReportDetail>(`/responsibility-reports/${id}/events`, body),
  );
}
