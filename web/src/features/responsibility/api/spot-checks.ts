import { useQuery } from '@tanstack/react-query';
import type {
  TCreateSpotCheck,
  TListSpotChecks,
  TVerdictInput,
  ZReportVerdicts,
  ZSpotCheck,
  ZSpotCheckDetail,
  ZSpotCheckVerdict,
} from '../../../../../common/responsibility.spot-checks.schema';
import type { Response } from '../../../../../common/zod';
import { type Page, type Query, api, apiDelete, apiPost, apiPut } from '../../../lib/api';
import { useRefetchingMutation } from '../../../lib/resource';
import { hasPermission, useMe } from '../../../lib/session';

export type SpotCheck = Response<typeof ZSpotCheck>;
export type SpotCheckDetail = Response<typeof ZSpotCheckDetail>;
export type SpotCheckVerdict = Response<typeof ZSpotCheckVerdict>;
export type ReportVerdicts = Response<typeof ZReportVerdicts>;
export type SpotCheckFilters = Pick<TListSpotChecks, 'state'> & { year?: string; quarter?: string };

/** Shares the module's key: a verdict turned into a problem, or a conclusion, refreshes reports and figures too. */
const KEY = ['responsibility'] as const;

/** Who sees spot checks: those who run them (监督室, 委领导) and region-wide readers (组织部). */
export function useReadsSpotChecks() {
  const { data: me } = useMe();
  return (
    hasPermission(me, 'responsibility:manage') || (hasPermission(me, 'responsibility:read') && !!me?.scope.allUnits)
  );
}

/** GET /api/spot-checks with the list's filters. */
export function useSpotChecks(query: Query) {
  return useQuery({
    queryKey: [...KEY, 'spot-checks', query],
    queryFn: ({ signal }) => api<Page<SpotCheck>>('/spot-checks', { query, signal }),
  });
}

export function useSpotCheck(id: string) {
  return useQuery({
    queryKey: [...KEY, 'spot-check', id],
    queryFn: ({ signal }) => api<SpotCheckDetail>(`/spot-checks/${id}`, { signal }),
  });
}

export function useCreateSpotCheck() {
  return useRefetchingMutation(KEY, (body: Partial<TCreateSpotCheck>) =>
    apiPost<SpotCheckDetail>('/spot-checks', body),
  );
}

export function useSpotCheckEvent(id: string) {
  return useRefetchingMutation(KEY, (body: { type: 'draw' | 'conclude'; version: number; comment?: string }) =>
    apiPost<SpotCheckDetail>(`/spot-checks/${id}/events`, body),
  );
}

export function useDeleteSpotCheck(id: string) {
  return useRefetchingMutation(KEY, (version: number) => apiDelete<void>(`/spot-checks/${id}`, { version }));
}

/** PUT /api/spot-checks/:id/verdicts/:verdictId: the verdict on one sampled item (属实 / 不实 / 不到位). */
export function useRecordVerdict(id: string) {
  return useRefetchingMutation(
    [...KEY, 'spot-check', id],
    ({ verdictId, ...body }: Partial<TVerdictInput> & { verdictId: string }) =>
      apiPut<SpotCheckVerdict>(`/spot-checks/${id}/verdicts/${verdictId}`, body),
  );
}

/** POST /api/spot-checks/:id/verdicts/:verdictId/problem: 转为问题, once per verdict. */
export function useConvertVerdict(id: string) {
  return useRefetchingMutation(
    KEY,
    ({ verdictId, ...body }: { verdictId: string; unitId?: string | null; deadline?: string | null }) =>
      apiPost<SpotCheckVerdict>(`/spot-checks/${id}/verdicts/${verdictId}/problem`, body),
  );
}

/** The verdicts on one report: asked only when the report says the caller may see them (`verdictsVisible`). */
export function useReportVerdicts(reportId: string) {
  return useQuery({
    queryKey: [...KEY, 'report-verdicts', reportId],
    queryFn: ({ signal }) => api<ReportVerdicts>(`/responsibility-reports/${reportId}/verdicts`, { signal }),
    retry: false,
    meta: { silent: true },
  });
}
