import { useQuery } from '@tanstack/react-query';
import type { AssessmentEvent } from '../../../../../common/assessment';
import type {
  ZAssessment,
  ZAssessmentDetail,
  ZCreateAssessment,
  ZListAssessments,
  ZScores,
  ZUnitScore,
} from '../../../../../common/assessment.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';
import { resource, useResourceList, useResourceDetail, useCreate, useDetailChange } from '../../../lib/resource';

/** 考核 (an assessment run of an indicator system for a period). */
export type Assessment = Response<typeof ZAssessment>;
export type AssessmentDetail = Response<typeof ZAssessmentDetail>;
export type Scores = Response<typeof ZScores>;
export type ScoreRow = Scores['items'][number];
export type UnitScore = Response<typeof ZUnitScore>;
export type AssessmentInput = z.input<typeof ZCreateAssessment>;

export type AssessmentFilters = ListFilters<typeof ZListAssessments>;

const assessments = resource<Page<Assessment>, AssessmentDetail>('assessments', '/assessments');
export const assessmentKeys = {
  ...assessments.keys,
  scores: (id: string) => ['assessments', 'scores', id] as const,
  unit: (id: string, unitId: string) => ['assessments', 'unit', id, unitId] as const,
  person: (id: string, personId: string) => ['assessments', 'person', id, personId] as const,
};

export const useAssessments = (q: ListQueryOf<typeof ZListAssessments>) => useResourceList(assessments, q);
export const useAssessment = (id: string | undefined) => useResourceDetail(assessments, id);

/** The scores of the revision the caller may read (managers: the current one; others: the published one). */
export function useScores(id: string, enabled: boolean) {
  return useQuery({
    queryKey: assessmentKeys.scores(id),
    queryFn: ({ signal }) => api<Scores>(`/assessments/${id}/scores`, { signal }),
    enabled,
  });
}

export function useUnitScore(id: string | undefined, unitId: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.unit(id ?? '', unitId ?? ''),
    queryFn: ({ signal }) => api<UnitScore>(`/assessments/${id}/scores/${unitId}`, { signal }),
    enabled: !!id && !!unitId,
  });
}

/** One leader's score in a leader system (a leader reads their own only). */
export function usePersonScore(id: string | undefined, personId: string | undefined) {
  return useQuery({
    queryKey: assessmentKeys.person(id ?? '', personId ?? ''),
    queryFn: ({ signal }) => api<UnitScore>(`/assessments/${id}/people/${personId}`, { signal }),
    enabled: !!id && !!personId,
  });
}

/** Where a result's detail lives: the unit's page, or the person's in a leader system. */
export const scorePath = (runId: string, r: { unitId: string; personId: string | null }) =>
  r.personId ? `/assessment/${runId}/people/${r.personId}` : `/assessment/${runId}/units/${r.unitId}`;

export const useCreateAssessment = () => useCreate<AssessmentInput, AssessmentDetail>(assessmentKeys, '/assessments');

/** 计算 / 冻结 / 审批发布 / 修订: every transition refreshes the run and its scores. */
export const useAssessmentEvent = (id: string) =>
  useDetailChange(
    assessmentKeys,
    id,
    (input: { type: AssessmentEvent; version: number; comment?: string }) =>
      apiPost<AssessmentDetail>(`/assessments/${id}/events`, input),
    { silent: false, refetch: 'all' },
  );

export const assessmentExportPath = (id: string) => `/assessments/${id}/export.xlsx`;
export const assessmentReportPath = (id: string) => `/assessments/${id}/documents/report.docx`;
