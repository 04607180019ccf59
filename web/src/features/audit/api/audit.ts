import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ZAuditEvent, ZChainReport } from '../../../../../common/system.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPost, type Page } from '../../../lib/api';

export type AuditEvent = Response<typeof ZAuditEvent>;
export type VerifyResult = Response<typeof ZChainReport>;

export interface AuditQuery {
  page: number;
  pageSize: number;
  type?: string;
  actor?: string;
  entity?: string;
  from?: string;
  to?: string;
}

export function useAuditEvents(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit-events', query],
    queryFn: ({ signal }) => api<Page<AuditEvent>>('/audit-events', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiPost<VerifyResult>('/audit-events/verify') });
}
