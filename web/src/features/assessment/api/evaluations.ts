import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCreateEvaluation,
  ZEvaluation,
  ZEvaluationDetail,
  ZEvaluationEvent,
  ZEvaluationScores,
  ZListEvaluations,
} from '../../../../../common/evaluations.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost, apiPut, apiUpload, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';

/** 述职评议 / 述责述廉 / 三述一评 meetings (SPEC M6). */
export type Evaluation = Response<typeof ZEvaluation>;
export type EvaluationDetail = Response<typeof ZEvaluationDetail>;
export type Reporter = EvaluationDetail['reporters'][number];
export type EvaluationInput = z.input<typeof ZCreateEvaluation>;
export type EvaluationEventInput = z.input<typeof ZEvaluationEvent>;
export type EvaluationFilters = ListFilters<typeof ZListEvaluations>;

export const evaluationKeys = {
  all: ['evaluations'] as const,
  list: (q: object) => ['evaluations', 'list', q] as const,
  detail: (id: string) => ['evaluations', 'detail', id] as const,
};

export function useEvaluations(q: ListQueryOf<typeof ZListEvaluations>) {
  return useQuery({
    queryKey: evaluationKeys.list(q),
    queryFn: ({ signal }) => api<Page<Evaluation>>('/evaluations', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useEvaluation(id: string | undefined) {
  return useQuery({
    queryKey: evaluationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<EvaluationDetail>(`/evaluations/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useCreateEvaluation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: EvaluationInput) => apiPost<EvaluationDetail>('/evaluations', input),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: evaluationKeys.all }),
  });
}

/** Every change answers the whole meeting: it replaces the cached one. */
function useEvaluationChange<I>(id: string, call: (input: I) => Promise<EvaluationDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: call,
    meta: { silent: true },
    onSuccess: (e) => {
      qc.setQueryData(evaluationKeys.detail(id), e);
      void qc.invalidateQueries({ queryKey: ['evaluations', 'list'] });
    },
  });
}

export const useEvaluationEvent = (id: string) =>
  useEvaluationChange(id, (input: EvaluationEventInput) =>
    apiPost<EvaluationDetail>(`/evaluations/${id}/events`, input),
  );

export const useAnswerQuestion = (id: string) =>
  useEvaluationChange(id, ({ questionId, answer }: { questionId: string; answer: string }) =>
    apiPut<EvaluationDetail>(`/evaluations/${id}/questions/${questionId}`, { answer }),
  );

export const useQuestionToProblem = (id: string) =>
  useEvaluationChange(id, ({ questionId, deadline }: { questionId: string; deadline: string }) =>
    apiPost<EvaluationDetail>(`/evaluations/${id}/questions/${questionId}/problem`, { deadline }),
  );

export const useScoreReporters = (id: string) =>
  useEvaluationChange(id, (input: z.input<typeof ZEvaluationScores>) =>
    apiPost<EvaluationDetail>(`/evaluations/${id}/scores`, input),
  );

export const useUploadReport = (id: string) =>
  useEvaluationChange(id, ({ reporterId, file }: { reporterId: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<EvaluationDetail>(`/evaluations/${id}/reporters/${reporterId}/report`, form, () => undefined);
  });
