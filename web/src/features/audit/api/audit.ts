import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ZAuditEvent, ZChainReport, ZListAuditEvents } from '../../../../../common/system.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPost, type ListQueryOf, type Page } from '../../../lib/api';

export type AuditEvent = Response<typeof ZAuditEvent>;
export type VerifyResult = Response<typeof ZChainReport>;

export type AuditQuery = ListQueryOf<typeof ZListAuditEvents>;

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
