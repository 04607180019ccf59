import type { ZCaseOfficers } from '../../../../../common/cases.officers.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  TCaseForm,
  ZCase,
  ZCaseAppeal,
  ZCaseDetail,
  ZCaseEvent,
  ZCaseFigures,
  ZCasePage,
  ZCaseSubject,
  ZListCases,
  ZCurrentInfluencePeriod,
  ZCurrentInfluencePeriodPage,
  ZEvaluation,
  ZEvaluationPage,
  ZInfluencePeriod,
  ZSample,
  ZSampled,
  ZScoreEvaluation,
} from '../../../../../common/cases.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost, type ListQueryOf } from '../../../lib/api';
import {
  resource,
  useResourceList,
  useResourceDetail,
  useDetailChange,
  useRefetchingMutation,
} from '../../../lib/resource';

export type CaseForm = TCaseForm;
export type CaseRow = Response<typeof ZCase>;
export type CaseSubject = Response<typeof ZCaseSubject>;
export type CaseAppeal = Response<typeof ZCaseAppeal>;
/** A period of a case file, or one in force with its person (the 影响期 list). */
export type InfluencePeriod = Response<typeof ZInfluencePeriod> | Response<typeof ZCurrentInfluencePeriod>;
export type CaseDetail = Response<typeof ZCaseDetail>;

/** The list's query (ZListCases): the page, and the filters as the URL holds them. */
export type CaseFilter = ListQueryOf<typeof ZListCases>;

export type CaseEventInput = z.input<typeof ZCaseEvent>;

const cases = resource<Response<typeof ZCasePage>, CaseDetail>('cases', '/cases');
export const caseKeys = cases.keys;
export const useCases = (q: CaseFilter) => useResourceList(cases, q);
export const useCase = (id: string | undefined) => useResourceDetail(cases, id);

export function useCaseOfficers() {
  return useQuery({
    queryKey: ['cases', 'officers'],
    queryFn: ({ signal }) => api<Response<typeof ZCaseOfficers>>('/cases/officers', { signal }),
    staleTime: 60_000,
  });
}

export function useCreateCase() {
  return useRefetchingMutation(caseKeys.all, (body: Record<string, unknown>) => apiPost<CaseDetail>('/cases', body));
}

export const useCaseEvent = (id: string) =>
  useDetailChange(caseKeys, id, (body: CaseEventInput) => apiPost<CaseDetail>(`/cases/${id}/events`, body), {
    silent: false,
  });

export function useInfluencePeriods(q: { page: number; pageSize: number; sort?: string }) {
  return useQuery({
    queryKey: ['influence-periods', q],
    queryFn: ({ signal }) =>
      api<Response<typeof ZCurrentInfluencePeriodPage>>('/influence-periods', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export type CaseFigures = Response<typeof ZCaseFigures>;

export function useCaseFigures() {
  return useQuery({
    queryKey: ['cases', 'figures'],
    queryFn: ({ signal }) => api<CaseFigures>('/cases/figures', { signal }),
  });
}

export type Evaluation = Response<typeof ZEvaluationPage>['items'][number];

export function useEvaluations(q: { period?: string; page: number; pageSize: number; sort?: string }) {
  return useQuery({
    queryKey: ['case-evaluations', q],
    queryFn: ({ signal }) => api<Response<typeof ZEvaluationPage>>('/case-evaluations', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSampleEvaluations() {
  return useRefetchingMutation(['case-evaluations'], (body: z.input<typeof ZSample>) =>
    apiPost<Response<typeof ZSampled>>('/case-evaluations/sample', body),
  );
}

export function useScoreEvaluation() {
  return useRefetchingMutation(
    ['case-evaluations'],
    ({ id, ...body }: z.input<typeof ZScoreEvaluation> & { id: string }) =>
      apiPost<Response<typeof ZEvaluation>>(`/case-evaluations/${id}/score`, body),
  );
}
