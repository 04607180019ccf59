import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, apiPost, type Page } from '../../../lib/api';

export interface AuditEvent {
  seq: number;
  at: string;
  actorUsername: string | null;
  ip: string | null;
  type: string;
  entity: string | null;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  page: number;
  pageSize: number;
  type?: string;
  actor?: string;
  entity?: string;
  from?: string;
  to?: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problem?: { seq: number; reason: string } | null;
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
