import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPost, apiPut } from '../../../lib/api';

export type DayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string | null;
}

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

export interface CalendarStatus {
  years: number[];
  nextYear: number;
  nextYearMissing: boolean;
}

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: ['calendar', 'year', year],
    queryFn: ({ signal }) => api<CalendarYear>('/calendar', { query: { year }, signal }),
  });
}

export function useCalendarStatus() {
  return useQuery({
    queryKey: ['calendar', 'status'],
    queryFn: ({ signal }) => api<CalendarStatus>('/calendar/status', { signal }),
  });
}

export function useSetDay() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ date, kind, name }: { date: string; kind: DayKind | 'normal'; name?: string }) =>
      apiPut<unknown>(`/calendar/days/${date}`, { kind, name: name || undefined }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export function useImportYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (year: number) => apiPost<{ year: number; days: number | CalendarDay[] }>('/calendar/import', { year }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }),
  });
}

export const addWorkingDays = (date: string, days: number) =>
  api<{ date: string }>('/calendar/add-working-days', { query: { date, days } });

export const workingDaysBetween = (from: string, to: string) =>
  api<{ days: number }>('/calendar/working-days-between', { query: { from, to } });
