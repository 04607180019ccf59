import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type {
  ZCircular,
  ZFinding,
  ZFindingDetail,
  ZGroupPerformance,
  ZGroupWork,
  ZInspection,
  ZInspectionDetail,
  ZInspectionFile,
  ZPatrolEvent,
  ZPatrolFigures,
  ZReviewPage,
  ZTask,
  ZTaskDetail,
  ZTypicalCase,
} from '../../../../../common/patrol.responses';
import type { Response } from '../../../../../common/zod';
import { api, type Page, type Query } from '../../../lib/api';

export type NamedRef = Task['targetUnits'][number];
export type PatrolEvent = Response<typeof ZPatrolEvent>;
/** 督导巡查工作任务交办单. */
export type Task = Response<typeof ZTask>;
export type TaskDetail = Response<typeof ZTaskDetail>;
export type Inspection = Response<typeof ZInspection>;
export type InspectionDetail = Response<typeof ZInspectionDetail>;
export type Finding = Response<typeof ZFinding>;
export type FindingDetail = Response<typeof ZFindingDetail>;
export type Circular = Response<typeof ZCircular>;
export type TypicalCase = Response<typeof ZTypicalCase>;
export type GroupWork = Response<typeof ZGroupWork>;
export type PatrolFigures = Response<typeof ZPatrolFigures>;
export type Review = Response<typeof ZReviewPage>['items'][number];

function usePatrolList<T>(key: string, path: string, query: Query) {
  return useQuery({
    queryKey: ['patrol', key, query],
    queryFn: ({ signal }) => api<Page<T>>(path, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export const useTasks = (q: Query) => usePatrolList<Task>('tasks', '/tasks', q);
export const useInspections = (q: Query) => usePatrolList<Inspection>('inspections', '/inspections', q);
export const useFindings = (q: Query) => usePatrolList<Finding>('findings', '/findings', q);
export const useCirculars = (q: Query) => usePatrolList<Circular>('circulars', '/circulars', q);
export const useTypicalCases = (q: Query) => usePatrolList<TypicalCase>('typical-cases', '/typical-cases', q);

function usePatrolOne<T>(key: string, path: string | null) {
  return useQuery({
    queryKey: ['patrol', key, path],
    queryFn: ({ signal }) => api<T>(path as string, { signal }),
    enabled: !!path,
  });
}

export const useTask = (id?: string | null) => usePatrolOne<TaskDetail>('task', id ? `/tasks/${id}` : null);
export const useInspection = (id?: string) =>
  usePatrolOne<InspectionDetail>('inspection', id ? `/inspections/${id}` : null);
export const useFinding = (id?: string) => usePatrolOne<FindingDetail>('finding', id ? `/findings/${id}` : null);

export const usePerformance = (year: number) =>
  useQuery({
    queryKey: ['patrol', 'performance', year],
    queryFn: ({ signal }) =>
      api<Response<typeof ZGroupPerformance>>('/patrol/performance', { query: { year }, signal }),
  });
export const useFigures = (year: number, enabled: boolean) =>
  useQuery({
    queryKey: ['patrol', 'figures', year],
    queryFn: ({ signal }) => api<PatrolFigures>('/patrol/figures', { query: { year }, signal }),
    enabled,
  });
export const useReviews = () =>
  useQuery({
    queryKey: ['patrol', 'reviews'],
    queryFn: ({ signal }) => api<Page<Review>>('/group-reviews', { signal }),
  });

/** A UUID for Idempotency-Key (crypto.randomUUID needs a secure context; plain-HTTP intranets lack it). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * A write under /api that refreshes every patrol query afterwards. Creates carry one Idempotency-Key until
 * they succeed, so a double tap or a retry on a poor field connection records the visit once.
 */
export function usePatrolWrite<T, B = Record<string, unknown>>(path: string | ((b: B) => string)) {
  const qc = useQueryClient();
  const key = useRef(newKey());
  const creates = typeof path === 'string' && !path.endsWith('/events');
  return useMutation({
    mutationFn: (body: B) =>
      api<T>(typeof path === 'string' ? path : path(body), {
        method: 'POST',
        body,
        headers: creates ? { 'idempotency-key': key.current } : undefined,
      }),
    onSuccess: () => {
      key.current = newKey();
      return qc.invalidateQueries({ queryKey: ['patrol'] });
    },
  });
}

/** Uploads one photo or file of an inspection. */
export function useUploadInspectionFile() {
  return useMutation({
    mutationFn: ({ inspectionId, file }: { inspectionId: string; file: File }) => {
      const formData = new FormData();
      formData.append('file', file);
      return api<Response<typeof ZInspectionFile>>(`/inspections/${inspectionId}/files`, { method: 'POST', formData });
    },
  });
}
