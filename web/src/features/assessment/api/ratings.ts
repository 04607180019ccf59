import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TRating, ZListRatings, ZRatingSheet } from '../../../../../common/assessment.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost } from '../../../lib/api';

/** 评价人打分: one evaluator's sheet of one qualitative indicator, a row per assessed unit. */
export type RatingSheet = Response<typeof ZRatingSheet>;
export type RatingRow = RatingSheet['items'][number];
export type RatingSheetQuery = Pick<z.output<typeof ZListRatings>, 'indicatorId' | 'evaluator' | 'page' | 'pageSize'>;

const sheetKey = (id: string) => ['assessments', 'ratings', id] as const;

export function useRatingSheet(id: string, q: Partial<RatingSheetQuery>) {
  return useQuery({
    queryKey: [...sheetKey(id), q],
    queryFn: ({ signal }) => api<RatingSheet>(`/assessments/${id}/ratings`, { query: { ...q }, signal }),
    enabled: !!q.indicatorId && !!q.evaluator,
    placeholderData: keepPreviousData,
  });
}

export function useRate(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Omit<TRating, 'comment'> & { comment?: string }) =>
      apiPost<{ ok: boolean }>(`/assessments/${id}/ratings`, input),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: sheetKey(id) }),
  });
}
