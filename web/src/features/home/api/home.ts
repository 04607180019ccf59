import { useQuery } from '@tanstack/react-query';
import type { ZHome, ZHomeSection } from '../../../../../common/home.schema';
import type { Response } from '../../../../../common/zod';
import { api } from '../../../lib/api';

/** 今日工作: the caller's entries, each with its count, first rows and the list it opens. */
export type Home = Response<typeof ZHome>;
export type HomeSection = Response<typeof ZHomeSection>;

export function useHome() {
  // Work arrives all day: besides the refetch on returning to the tab (query-client), every two minutes.
  return useQuery({
    queryKey: ['home'],
    queryFn: ({ signal }) => api<Home>('/home', { signal }),
    refetchInterval: 120_000,
  });
}
