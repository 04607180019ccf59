import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CaseEventType, CaseKind, CaseSource, CaseState, FormKey } from '../../../../../common/cases';
import { api, apiPost, type Page } from '../../../lib/api';

export interface CaseForm {
  form: FormKey;
  mode: 'impose' | 'propose';
}

export interface CaseRow {
  id: string;
  code: string;
  kind: CaseKind;
  kindLabel: string;
  title: string;
  summary: string;
  situation: number;
  situationText: string;
  sourceType: CaseSource;
  sourceLabel: string;
  parentCaseId: string | null;
  state: CaseState;
  stateLabel: string;
  field: string;
  highAttention: boolean;
  importantPost: boolean;
  createdAt: string;
  decisionDate: string | null;
  version: number;
}

export interface CaseSubject {
  id: string;
  seq: number;
  subjectType: 'person' | 'unit';
  personId: string | null;
  unitId: string | null;
  name: string;
  post: string;
  statementShownAt: string | null;
  defense: string | null;
  signedAt: string | null;
  responsibility: string | null;
  duty: string | null;
  circumstances: Partial<Record<'exemption' | 'mitigating' | 'aggravating', string[]>>;
  tolerance: { outcome: string; reasons: string; filingIds: string[] } | null;
  forms: CaseForm[];
  originalForms: CaseForm[] | null;
  formOfFour: number | null;
}

export interface CaseAppeal {
  id: string;
  subjectId: string;
  kind: string;
  kindLabel: string;
  filedOn: string;
  fileDeadline: string;
  reason: string;
  pauses: { from: string; to: string | null }[];
  decideDeadline: string | null;
  state: 'pending' | 'decided';
  result: string | null;
  decidedOn: string | null;
}

export interface InfluencePeriod {
  id: string;
  caseId: string;
  personId: string;
  kind: 'sanction' | 'no_promotion';
  form: string;
  startsOn: string;
  endsOn: string;
  source: string;
  state: 'active' | 'ended';
  endReason?: string | null;
  personName?: string;
  post?: string;
  unitName?: string | null;
}

export interface CaseDetail extends CaseRow {
  facts: Partial<Record<'problem' | 'result' | 'responsibility' | 'causation', string>>;
  statementIssuedAt: string | null;
  prereviewRequired: boolean;
  prereview: { requestedAt?: string; reasons?: string; opinion?: string; by?: string; at?: string } | null;
  jointReview: Partial<Record<'df' | 'ag' | 'sl', { name: string; opinion: string; at: string }>>;
  decisionNumber: string | null;
  consistency: { subject: string; message: string }[] | null;
  executionDeadline: string | null;
  execution: string | null;
  followUp: { date: string; by: string; notes: string } | null;
  outcome: string | null;
  subjects: CaseSubject[];
  members: { userId: string; role: string; displayName: string }[];
  events: {
    id: string;
    type: string;
    typeLabel: string;
    actorName: string;
    at: string;
    comment: string;
    payload: Record<string, unknown> | null;
  }[];
  files: { id: string; fact: string; name: string; size: number; createdAt: string }[];
  appeals: CaseAppeal[];
  influencePeriods: InfluencePeriod[];
  readiness: { factsComplete: boolean; missing: string[] };
  toleranceMatches: {
    id: string;
    code: string;
    unitName: string;
    matter: string;
    decision: string;
    decidedOn: string;
    dissent: string;
    exploratory: boolean;
    reasons: string[];
  }[];
  talks: { id: string; code: string; kind: string; kindLabel?: string; talkOn: string; reason: string }[];
  myOffice: 'df' | 'ag' | 'sl' | null;
  actions: CaseEventType[];
}

export interface CaseFilter {
  page: number;
  pageSize: number;
  q?: string;
  state?: string;
  kind?: string;
}

export type CaseEventInput = { type: CaseEventType; version: number } & Record<string, unknown>;

export const caseKeys = {
  all: ['cases'] as const,
  list: (f: CaseFilter) => ['cases', 'list', f] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
};

export function useCases(f: CaseFilter) {
  return useQuery({
    queryKey: caseKeys.list(f),
    queryFn: ({ signal }) => api<Page<CaseRow>>('/cases', { query: { ...f }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | undefined) {
  return useQuery({
    queryKey: caseKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<CaseDetail>(`/cases/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useCaseOfficers() {
  return useQuery({
    queryKey: ['cases', 'officers'],
    queryFn: ({ signal }) => api<{ items: { userId: string; displayName: string }[] }>('/cases/officers', { signal }),
    staleTime: 60_000,
  });
}

export function useCreateCase() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => apiPost<CaseDetail>('/cases', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: caseKeys.all }),
  });
}

export function useCaseEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseEventInput) => apiPost<CaseDetail>(`/cases/${id}/events`, body),
    onSuccess: (data) => {
      qc.setQueryData(caseKeys.detail(id), data);
      void qc.invalidateQueries({ queryKey: ['cases', 'list'] });
    },
  });
}

export function useInfluencePeriods(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['influence-periods', page, pageSize],
    queryFn: ({ signal }) => api<Page<InfluencePeriod>>('/influence-periods', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface CaseFigures {
  total: number;
  bySituation: { situation: number; n: number }[];
  byState: { state: string; n: number }[];
  byForm: { form: string; n: number }[];
  byFormOfFour: { formOfFour: number; n: number }[];
  catchAllShare: number;
  tolerance: { outcome: string; n: number }[];
  appeals: { kind: string; result: string | null; n: number }[];
}

export function useCaseFigures() {
  return useQuery({
    queryKey: ['cases', 'figures'],
    queryFn: ({ signal }) => api<CaseFigures>('/cases/figures', { signal }),
  });
}

export interface Evaluation {
  id: string;
  period: string;
  caseId: string;
  caseCode: string;
  caseTitle: string;
  scores: Record<string, Record<string, number>>;
  total: number | null;
  defects: string;
  corrections: string;
  state: 'sampled' | 'scored';
  version: number;
}

export function useEvaluations(period: string | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['case-evaluations', period ?? '', page, pageSize],
    queryFn: ({ signal }) => api<Page<Evaluation>>('/case-evaluations', { query: { period, page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSampleEvaluations() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { period: string; size: number }) =>
      apiPost<{ sampled: number }>('/case-evaluations/sample', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['case-evaluations'] }),
  });
}

export function useScoreEvaluation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      scores: Evaluation['scores'];
      defects: string;
      corrections: string;
    }) => apiPost<Evaluation>(`/case-evaluations/${id}/score`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['case-evaluations'] }),
  });
}
