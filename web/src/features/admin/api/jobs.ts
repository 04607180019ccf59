import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPost, type Page } from '../../../lib/api';

export interface JobRun {
  id: string;
  name: string;
  startedAt: string | null;
  finishedAt: string | null;
  ok: boolean | null;
  result: unknown;
}

export interface ClockState {
  now: string;
  allowed: boolean;
}

export interface JobDefinition {
  name: string;
  label: string;
  cron?: string | null;
}

export interface JobRunsPage extends Page<JobRun> {
  /** The jobs this server knows, sent with the run list. */
  jobs?: JobDefinition[];
}

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
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiPost<{ id: string }>(`/jobs/${encodeURIComponent(name)}/run`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['jobs'] }),
  });
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
