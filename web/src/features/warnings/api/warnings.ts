import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ZListWarnings,
  ZWarning,
  ZWarningDetail,
  ZWarningEvent,
  ZWarningEventRow,
  ZWarningPage,
} from '../../../../../common/warnings.schema';
import type { Response, z } from '../../../../../common/zod';
import { apiPost, type ListFilters, type ListQueryOf } from '../../../lib/api';
import { resource, useResourceList, useResourceDetail } from '../../../lib/resource';

/** 模拟问责单. */
export type Warning = Response<typeof ZWarning>;
export type WarningAction = Warning['actions'][number];
export type WarningEventRow = Response<typeof ZWarningEventRow>;
export type WarningDetail = Response<typeof ZWarningDetail>;

export type WarningFilters = ListFilters<typeof ZListWarnings>;
export type WarningListQuery = ListQueryOf<typeof ZListWarnings>;
export type WarningEventInput = z.input<typeof ZWarningEvent>;

const warnings = resource<Response<typeof ZWarningPage>, WarningDetail>('warnings', '/warnings');
export const warningKeys = warnings.keys;
export const useWarnings = (q: WarningListQuery) => useResourceList(warnings, q);
export const useWarning = (id: string | undefined) => useResourceDetail(warnings, id);

/** Fire a step of the warning's flow (POST /warnings/:id/events); the cache is refreshed either way. */
export function useWarningEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: WarningEventInput) => apiPost<WarningDetail>(`/warnings/${id}/events`, input),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: warningKeys.all });
      // 转为问题交办 creates a problem.
      void qc.invalidateQueries({ queryKey: ['problems'] });
    },
  });
}

export const reminderDocPath = (id: string) => `/warnings/${id}/documents/reminder.docx`;
