import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCreateReview,
  ZListReviews,
  ZReview,
  ZReviewDetail,
  ZReviewEvent,
} from '../../../../../common/reviews.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';

/** 督导评估 (SPEC M6): visit, report, rectification, 复查. */
export type Review = Response<typeof ZReview>;
export type ReviewDetail = Response<typeof ZReviewDetail>;
export type ReviewEventInput = z.input<typeof ZReviewEvent>;
export type ReviewFilters = ListFilters<typeof ZListReviews>;

export const reviewKeys = {
  all: ['supervision-reviews'] as const,
  list: (q: object) => ['supervision-reviews', 'list', q] as const,
  detail: (id: string) => ['supervision-reviews', 'detail', id] as const,
};

export function useReviews(q: ListQueryOf<typeof ZListReviews>) {
  return useQuery({
    queryKey: reviewKeys.list(q),
    queryFn: ({ signal }) => api<Page<Review>>('/supervision-reviews', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useReview(id: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<ReviewDetail>(`/supervision-reviews/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useCreateReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ZCreateReview>) => apiPost<ReviewDetail>('/supervision-reviews', input),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: reviewKeys.all }),
  });
}

/** Fires an event; the answer is the whole review, which replaces the cached one. */
export function useReviewEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewEventInput) => apiPost<ReviewDetail>(`/supervision-reviews/${id}/events`, input),
    meta: { silent: true },
    onSuccess: (r) => {
      qc.setQueryData(reviewKeys.detail(id), r);
      void qc.invalidateQueries({ queryKey: ['supervision-reviews', 'list'] });
    },
  });
}
