import { useQuery } from '@tanstack/react-query';
import type { ZOverview } from '../../../../../common/dashboard.schema';
import type { Response } from '../../../../../common/zod';
import { api } from '../../../lib/api';
import type { DashboardQuery } from './query';

/** GET /api/dashboard: the region's figures, each element with the list behind it. */
export type Overview = Response<typeof ZOverview>;
export type OverviewSection = Overview['sections'][number];

export function useOverview(q: DashboardQuery = {}) {
  // A wall display: refreshed every minute besides the refetch on returning to the tab.
  return useQuery({
    queryKey: ['dashboard', 'overview', q],
    queryFn: ({ signal }) => api<Overview>('/dashboard', { query: { ...q }, signal }),
    refetchInterval: 60_000,
  });
}
