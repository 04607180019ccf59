import { useQuery } from '@tanstack/react-query';
import type { ZBurden } from '../../../../../common/dashboard.schema';
import type { Response } from '../../../../../common/zod';
import { api } from '../../../lib/api';

/** GET /api/dashboard/burden: what the system asked of each unit this quarter (减负). */
export type Burden = Response<typeof ZBurden>;
export type BurdenUnit = Burden['units'][number];

export function useBurden() {
  return useQuery({
    queryKey: ['dashboard', 'burden'],
    queryFn: ({ signal }) => api<Burden>('/dashboard/burden', { signal }),
    refetchInterval: 60_000,
  });
}
