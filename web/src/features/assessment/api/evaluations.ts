import type {
  ZCreateEvaluation,
  ZEvaluation,
  ZEvaluationDetail,
  ZEvaluationEvent,
  ZEvaluationScores,
  ZListEvaluations,
} from '../../../../../common/evaluations.schema';
import type { Response, z } from '../../../../../common/zod';
import { apiPost, apiPut, apiUpload, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';
import { resource, useResourceList, useResourceDetail, useCreate, useDetailChange } from '../../../lib/resource';

/** 述职评议 / 述责述廉 / 三述一评 meetings (SPEC M6). */
export type Evaluation = Response<typeof ZEvaluation>;
export type EvaluationDetail = Response<typeof ZEvaluationDetail>;
export type Reporter = EvaluationDetail['reporters'][number];
export type EvaluationInput = z.input<typeof ZCreateEvaluation>;
export type EvaluationEventInput = z.input<typeof ZEvaluationEvent>;
export type EvaluationFilters = ListFilters<typeof ZListEvaluations>;

const evaluations = resource<Page<Evaluation>, EvaluationDetail>('evaluations', '/evaluations');
export const evaluationKeys = evaluations.keys;
export const useEvaluations = (q: ListQueryOf<typeof ZListEvaluations>) => useResourceList(evaluations, q);
export const useEvaluation = (id: string | undefined) => useResourceDetail(evaluations, id);

export const useCreateEvaluation = () => useCreate<EvaluationInput, EvaluationDetail>(evaluationKeys, '/evaluations');

/** Every change answers the whole meeting: it replaces the cached one. */
const useEvaluationChange = <I>(id: string, call: (input: I) => Promise<EvaluationDetail>) =>
  useDetailChange(evaluationKeys, id, call);

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
