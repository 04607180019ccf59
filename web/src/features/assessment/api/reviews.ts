import type {
  ZCreateReview,
  ZListReviews,
  ZReview,
  ZReviewDetail,
  ZReviewEvent,
} from '../../../../../common/reviews.schema';
import type { Response, z } from '../../../../../common/zod';
import { apiPost, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';
import { resource, useResourceList, useResourceDetail, useCreate, useDetailChange } from '../../../lib/resource';

/** 督导评估 (SPEC M6): visit, report, rectification, 复查. */
export type Review = Response<typeof ZReview>;
export type ReviewDetail = Response<typeof ZReviewDetail>;
export type ReviewEventInput = z.input<typeof ZReviewEvent>;
export type ReviewFilters = ListFilters<typeof ZListReviews>;

const reviews = resource<Page<Review>, ReviewDetail>('supervision-reviews', '/supervision-reviews');
export const reviewKeys = reviews.keys;
export const useReviews = (q: ListQueryOf<typeof ZListReviews>) => useResourceList(reviews, q);
export const useReview = (id: string | undefined) => useResourceDetail(reviews, id);

export const useCreateReview = () =>
  useCreate<z.input<typeof ZCreateReview>, ReviewDetail>(reviewKeys, '/supervision-reviews');

/** Fires an event; the answer is the whole review, which replaces the cached one. */
export const useReviewEvent = (id: string) =>
  useDetailChange(reviewKeys, id, (input: ReviewEventInput) =>
    apiPost<ReviewDetail>(`/supervision-reviews/${id}/events`, input),
  );
