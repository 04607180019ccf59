import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZListProposals,
  ZProposal,
  ZProposalDetail,
  ZProposalEvent,
} from '../../../../../common/proposals.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';

/** 问责建议 (issue #17). */
export type Proposal = Response<typeof ZProposal>;
export type ProposalDetail = Response<typeof ZProposalDetail>;

export type ProposalFilters = ListFilters<typeof ZListProposals>;

export const proposalKeys = {
  all: ['proposals'] as const,
  list: (q: object) => ['proposals', 'list', q] as const,
  detail: (id: string) => ['proposals', 'detail', id] as const,
};

export function useProposals(q: ListQueryOf<typeof ZListProposals>) {
  return useQuery({
    queryKey: proposalKeys.list(q),
    queryFn: ({ signal }) => api<Page<Proposal>>('/accountability-proposals', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** How many proposals wait for the intake (the menu's count); 0 for whoever cannot see the queue. */
export function usePendingProposalCount(enabled: boolean) {
  return useQuery({
    queryKey: proposalKeys.list({ state: 'pending', count: true }),
    queryFn: ({ signal }) =>
      api<Page<Proposal>>('/accountability-proposals', { query: { state: 'pending', pageSize: 1 }, signal }),
    enabled,
    staleTime: 60_000,
    meta: { silent: true },
    select: (p) => p.total,
  });
}

export function useProposal(id: string | undefined) {
  return useQuery({
    queryKey: proposalKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<ProposalDetail>(`/accountability-proposals/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useProposalEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ZProposalEvent>) =>
      apiPost<ProposalDetail>(`/accountability-proposals/${id}/events`, input),
    meta: { silent: true },
    onSuccess: (p) => qc.setQueryData(proposalKeys.detail(id), p),
    onSettled: () => void qc.invalidateQueries({ queryKey: proposalKeys.all }),
  });
}
