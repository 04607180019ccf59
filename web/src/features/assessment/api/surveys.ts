import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZBallot,
  ZCreateSurvey,
  ZIssued,
  ZListSurveys,
  ZSurvey,
  ZSurveyResults,
} from '../../../../../common/assessment.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';
import { resource, useResourceList, useCreate } from '../../../lib/resource';

/** 民主测评 (SPEC M6): the office's surveys and the voter's one-time ballot. */
export type Survey = Response<typeof ZSurvey>;
export type SurveyResults = Response<typeof ZSurveyResults>;
export type SurveyInput = z.input<typeof ZCreateSurvey>;
export type Issued = Response<typeof ZIssued>;
export type Ballot = Response<typeof ZBallot>;

export type SurveyFilters = ListFilters<typeof ZListSurveys>;

const surveys = resource<Page<Survey>, Survey>('surveys', '/surveys');
export const surveyKeys = { ...surveys.keys, results: (id: string) => ['surveys', 'results', id] as const };
export const useSurveys = (q: ListQueryOf<typeof ZListSurveys>) => useResourceList(surveys, q);

/** The survey with its participation and the counts per question (the office's view). */
export function useSurveyResults(id: string | undefined) {
  return useQuery({
    queryKey: surveyKeys.results(id ?? ''),
    queryFn: ({ signal }) => api<SurveyResults>(`/surveys/${id}/results`, { signal }),
    enabled: !!id,
  });
}

export const useCreateSurvey = () => useCreate<SurveyInput, Survey>(surveyKeys, '/surveys');

/** Issues the ballots once: the tokens come back this one time only. */
export function useIssueBallots(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiPost<Issued>(`/surveys/${id}/issue`, { version }),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

export function useCloseSurvey(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiPost<Survey>(`/surveys/${id}/close`, { version }),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: surveyKeys.all }),
  });
}

/** The public ballot: no sign-in, no CSRF token, no redirect to the login page on 401. */
const publicCall = { noSession: true, allowUnauthenticated: true } as const;
export const openBallot = (token: string, signal?: AbortSignal) =>
  api<Ballot>(`/ballots/${encodeURIComponent(token)}`, { ...publicCall, signal });
export const castBallot = (token: string, answers: number[]) =>
  api<{ ok: boolean }>(`/ballots/${encodeURIComponent(token)}`, { ...publicCall, method: 'POST', body: { answers } });

/** The link printed on a ballot slip. */
export const ballotUrl = (token: string) => `${window.location.origin}/ballot/${token}`;
