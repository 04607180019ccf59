import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, type Page, type Query } from '../../../lib/api';

export interface NamedRef {
  id: string;
  name: string;
}

export interface PatrolEvent {
  id: string;
  type: string;
  fromState: string | null;
  toState: string | null;
  actorName: string;
  at: string;
  comment: string;
}

/** 督导巡查工作任务交办单. */
export interface Task {
  id: string;
  code: string;
  groupId: string;
  groupName: string;
  title: string;
  targetUnitIds: string[];
  targetUnits: NamedRef[];
  projects: string[];
  focus: string;
  method: string;
  methodLabel: string;
  periodStart: string;
  periodEnd: string;
  deadline: string;
  requirements: string;
  state: string;
  stateLabel: string;
  report: string;
  overdue: boolean;
  issuedAt: string | null;
  version: number;
  actions: string[];
  events?: PatrolEvent[];
}

export interface Inspection {
  id: string;
  groupId: string;
  groupName: string;
  taskId: string | null;
  date: string;
  place: string;
  method: string;
  methodLabel: string;
  units: NamedRef[];
  project: string;
  peopleMet: string;
  notes: string;
  createdByName: string;
  files?: { id: string; name: string; size: number }[];
  findings?: { id: string; code: string; title: string; state: string }[];
}

export interface Finding {
  id: string;
  code: string;
  groupId: string;
  groupName: string;
  taskId: string | null;
  inspectionId: string | null;
  unitId: string;
  unitName: string;
  project: string;
  title: string;
  description: string;
  suggestion: string;
  category: string;
  severity: string;
  severityLabel: string;
  state: string;
  stateLabel: string;
  escalatedToLabel: string | null;
  instruction: string | null;
  instructedBy: string | null;
  closeReason: string | null;
  reportedByName: string;
  createdAt: string;
  version: number;
  problems: { id: string; code: string; state: string; stateLabel: string }[];
  actions: string[];
  mergedInto?: { id: string; code: string; title: string } | null;
  duplicates?: { id: string; code: string; title: string }[];
  events?: PatrolEvent[];
}

export interface Circular {
  id: string;
  code: string;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  units: NamedRef[];
  people: string[];
  audience: string;
  namedMatters: number;
  state: string;
  stateLabel: string;
  approvedBy: string | null;
  publishedAt: string | null;
  createdAt: string;
  version: number;
  actions: string[];
}

export interface TypicalCase {
  id: string;
  kind: string;
  kindLabel: string;
  title: string;
  body: string;
  unitName: string;
  state: string;
  stateLabel: string;
  publishedAt: string | null;
  createdAt: string;
  version: number;
  actions: string[];
}

export interface GroupWork {
  groupId: string;
  groupName: string;
  tasks: number;
  tasksDone: number;
  inspections: number;
  fieldDays: number;
  unannouncedDays: number;
  findings: number;
  dispatched: number;
  problems: number;
  problemsClosed: number;
  semiannualReports: string[];
  annualScore: number | null;
}

export interface PatrolFigures {
  year: number;
  inspections: number;
  unitsInspected: number;
  projectsInspected: number;
  findings: number;
  findingsByState: Record<string, number>;
  findingsByMonth: { month: string; count: number }[];
  circulars: number;
  interviews: number;
  namedMatters: number;
  namedPeople: number;
  namedUnits: number;
  positiveCases: number;
  negativeCases: number;
  problems: number;
  problemsClosed: number;
  rectificationRate: number | null;
  fieldDays: number;
  unannouncedShare: number | null;
  byGroup: GroupWork[];
}

export interface Review {
  id: string;
  groupId: string;
  groupName: string;
  kind: string;
  kindLabel: string;
  period: string;
  report: string;
  score: number | null;
  comment: string;
  submittedBy: string;
  createdAt: string;
}

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

export const useTask = (id?: string | null) => usePatrolOne<Task>('task', id ? `/tasks/${id}` : null);
export const useInspection = (id?: string) => usePatrolOne<Inspection>('inspection', id ? `/inspections/${id}` : null);
export const useFinding = (id?: string) => usePatrolOne<Finding>('finding', id ? `/findings/${id}` : null);

export const usePerformance = (year: number) =>
  useQuery({
    queryKey: ['patrol', 'performance', year],
    queryFn: ({ signal }) =>
      api<{ year: number; items: GroupWork[] }>('/patrol/performance', { query: { year }, signal }),
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
      return api<{ id: string; name: string }>(`/inspections/${inspectionId}/files`, { method: 'POST', formData });
    },
  });
}
