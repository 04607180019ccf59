import { useQuery } from '@tanstack/react-query';
import type { ZLeaderStalls, ZStalls } from '../../../../../common/dashboard.schema';
import type { Response } from '../../../../../common/zod';
import { api } from '../../../lib/api';
import type { DashboardQuery } from './query';

/** GET /api/dashboard/stalls: where the chain stalls (梗阻点), per link and unit. */
export type Stalls = Response<typeof ZStalls>;
export type StallLinkFigures = Stalls['links'][number];
export type StallRow = StallLinkFigures['rows'][number];

export function useStalls(q: DashboardQuery = {}) {
  // A wall display: refreshed every minute besides the refetch on returning to the tab.
  return useQuery({
    queryKey: ['dashboard', 'stalls', q],
    queryFn: ({ signal }) => api<Stalls>('/dashboard/stalls', { query: { ...q }, signal }),
    refetchInterval: 60_000,
  });
}

/** GET /api/dashboard/stalls/by-leader: the same links per 分管县领导. */
export type LeaderStalls = Response<typeof ZLeaderStalls>;

export function useLeaderStalls(q: DashboardQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['dashboard', 'stalls-by-leader', q],
    queryFn: ({ signal }) => api<LeaderStalls>('/dashboard/stalls/by-leader', { query: { ...q }, signal }),
    refetchInterval: 60_000,
    enabled,
  });
}
