import { useQuery } from '@tanstack/react-query';
import type { ZBurden } from '../../../../../common/dashboard.schema';
import type { Response } from '../../../../../common/zod';
import { api } from '../../../lib/api';
import type { DashboardQuery } from './query';

/** GET /api/dashboard/burden: what the system asked of each unit this quarter (减负). */
export type Burden = Response<typeof ZBurden>;
export type BurdenUnit = Burden['units'][number];

export function useBurden(q: DashboardQuery = {}) {
  return useQuery({
    queryKey: ['dashboard', 'burden', q],
    queryFn: ({ signal }) => api<Burden>('/dashboard/burden', { query: { ...q }, signal }),
    refetchInterval: 60_000,
  });
}
