import { useQuery } from '@tanstack/react-query';
import type {
  ZListProposals,
  ZProposal,
  ZProposalDetail,
  ZProposalEvent,
} from '../../../../../common/proposals.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';
import { resource, useResourceList, useResourceDetail, useDetailChange } from '../../../lib/resource';

/** 问责建议 (issue #17). */
export type Proposal = Response<typeof ZProposal>;
export type ProposalDetail = Response<typeof ZProposalDetail>;

export type ProposalFilters = ListFilters<typeof ZListProposals>;

const proposals = resource<Page<Proposal>, ProposalDetail>('proposals', '/accountability-proposals');
export const proposalKeys = proposals.keys;
export const useProposals = (q: ListQueryOf<typeof ZListProposals>) => useResourceList(proposals, q);
export const useProposal = (id: string | undefined) => useResourceDetail(proposals, id);

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

export const useProposalEvent = (id: string) =>
  useDetailChange(
    proposalKeys,
    id,
    (input: z.input<typeof ZProposalEvent>) => apiPost<ProposalDetail>(`/accountability-proposals/${id}/events`, input),
    { refetch: 'all' },
  );
