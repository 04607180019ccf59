import { useQuery } from '@tanstack/react-query';
import type { ZStalls } from '../../../../../common/dashboard.schema';
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
