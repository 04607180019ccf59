import { useQuery } from '@tanstack/react-query';
import type { ZStalls } from '../../../../../common/dashboard.schema';
import type { Response } from '../../../../../common/zod';
import { api } from '../../../lib/api';

/** GET /api/dashboard/stalls: where the chain stalls (梗阻点), per link and unit. */
export type Stalls = Response<typeof ZStalls>;
export type StallLinkFigures = Stalls['links'][number];
export type StallRow = StallLinkFigures['rows'][number];

export function useStalls() {
  // A wall display: refreshed every minute besides the refetch on returning to the tab.
  return useQuery({
    queryKey: ['dashboard', 'stalls'],
    queryFn: ({ signal }) => api<Stalls>('/dashboard/stalls', { signal }),
    refetchInterval: 60_000,
  });
}
