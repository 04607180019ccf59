import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZClockState, ZJobRun, ZJobRunsPage } from '../../../../../common/system.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPost } from '../../../lib/api';
import { useRefetchingMutation } from '../../../lib/resource';

export type JobRun = Response<typeof ZJobRun>;
export type ClockState = Response<typeof ZClockState>;
/** A page of runs, with the jobs this server knows. */
export type JobRunsPage = Response<typeof ZJobRunsPage>;

/** Fallback labels for runs of jobs the server did not describe. */
export const JOB_LABELS: Record<string, string> = {
  'audit-verify': '校验审计链',
};

export function useJobRuns(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['jobs', page, pageSize],
    queryFn: ({ signal }) => api<JobRunsPage>('/jobs', { query: { page, pageSize }, signal }),
    refetchInterval: 5000,
  });
}

export function useRunJob() {
  return useRefetchingMutation(['jobs'], (name: string) => apiPost<JobRun>(`/jobs/${encodeURIComponent(name)}/run`));
}

export function useClock(enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['admin', 'clock'],
    queryFn: ({ signal }) => api<ClockState>('/admin/clock', { signal }),
    refetchInterval: 30_000,
  });
}

export function useSetClock() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (now: string) => apiPost<ClockState>('/admin/clock', { now }),
    onSuccess: () => qc.invalidateQueries(),
  });
}
