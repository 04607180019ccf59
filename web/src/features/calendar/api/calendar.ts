import { useQuery } from '@tanstack/react-query';
import type {
  ZCalendarDay,
  ZCalendarDayChange,
  ZCalendarImport,
  ZCalendarStatus,
  ZCalendarYear,
  ZDayKind,
  ZWorkingDate,
  ZWorkingDays,
} from '../../../../../common/system.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPost, apiPut } from '../../../lib/api';
import { useRefetchingMutation } from '../../../lib/resource';

export type DayKind = Response<typeof ZDayKind>;
export type CalendarDay = Response<typeof ZCalendarDay>;
export type CalendarYear = Response<typeof ZCalendarYear>;
export type CalendarStatus = Response<typeof ZCalendarStatus>;

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
  return useRefetchingMutation(
    ['calendar'],
    ({ date, kind, name }: { date: string; kind: DayKind | 'normal'; name?: string }) =>
      apiPut<Response<typeof ZCalendarDayChange>>(`/calendar/days/${date}`, { kind, name: name || undefined }),
  );
}

export function useImportYear() {
  return useRefetchingMutation(['calendar'], (year: number) =>
    apiPost<Response<typeof ZCalendarImport>>('/calendar/import', { year }),
  );
}

export const addWorkingDays = (date: string, days: number) =>
  api<Response<typeof ZWorkingDate>>('/calendar/add-working-days', { query: { date, days } });

export const workingDaysBetween = (from: string, to: string) =>
  api<Response<typeof ZWorkingDays>>('/calendar/working-days-between', { query: { from, to } });
