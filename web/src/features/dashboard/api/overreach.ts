import { useQuery } from '@tanstack/react-query';
import type { ZOverreach } from '../../../../../common/dashboard.schema';
import type { Response } from '../../../../../common/zod';
import { api } from '../../../lib/api';
import type { DashboardQuery } from './query';

/** GET /api/dashboard/overreach: 问责泛化 per unit against the region, with plain-language flags. */
export type Overreach = Response<typeof ZOverreach>;
export type OverreachUnit = Overreach['units'][number];

export function useOverreach(q: DashboardQuery = {}) {
  return useQuery({
    queryKey: ['dashboard', 'overreach', q],
    queryFn: ({ signal }) => api<Overreach>('/dashboard/overreach', { query: { ...q }, signal }),
    refetchInterval: 60_000,
  });
}
