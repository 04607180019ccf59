import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponsibleWho } from '../../../../../common/warnings';
import { api, apiPatch, type Page } from '../../../lib/api';
import type { Facts } from '../../../components/warning-facts';

export type RuleOp = '>=' | '>' | '<=' | '<' | '=' | '!=' | 'in' | 'contains';
export type RuleValue = number | string | boolean | string[];
export interface RuleCondition {
  field: string;
  op: RuleOp;
  value: RuleValue;
}
/** A situation's condition tree (server/modules/warnings/warnings.rules.ts). */
export type RuleNode = { all: RuleNode[] } | { any: RuleNode[] } | { not: RuleNode } | RuleCondition;

export interface ResponsibleRole {
  who: ResponsibleWho;
  responsibility: string;
  duty: string;
}

/** 情形. */
export interface Situation {
  id: string;
  code: string;
  name: string;
  description: string;
  article: number;
  articleText: string;
  responsibleRoles: ResponsibleRole[];
  forms: string[];
  rectifyDays: number;
  rectifyDayType: 'working' | 'calendar';
  rule: unknown;
  active: boolean;
  version: number;
}

export type SituationInput = Omit<Situation, 'id' | 'articleText' | 'version'>;

export interface PreviewRow {
  problem_id: string;
  code: string;
  title: string;
  unit_id: string;
  facts: Facts;
}

export const situationKeys = {
  all: ['situations'] as const,
  list: ['situations', 'list'] as const,
  detail: (id: string) => ['situations', 'detail', id] as const,
};

export function useSituations() {
  return useQuery({
    queryKey: situationKeys.list,
    queryFn: ({ signal }) => api<Page<Situation>>('/situations', { signal }),
    staleTime: 30_000,
  });
}

export function useSituation(id: string | undefined) {
  return useQuery({
    queryKey: situationKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Situation>(`/situations/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useCreateSituation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: SituationInput; key: string }) =>
      api<Situation>('/situations', { method: 'POST', body: input, headers: { 'idempotency-key': key } }),
    meta: { silent: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: situationKeys.all }),
  });
}

/** PATCH with the record's version; `silent` when the caller shows the error itself (a form). */
export function useUpdateSituation(silent = true) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...input }: Partial<SituationInput> & { id: string; version: number }) =>
      apiPatch<Situation>(`/situations/${id}`, input),
    meta: { silent },
    onSuccess: (data) => {
      qc.setQueryData(situationKeys.detail(data.id), data);
      void qc.invalidateQueries({ queryKey: situationKeys.all });
      // Situation names and forms are shown on warnings.
      void qc.invalidateQueries({ queryKey: ['warnings'] });
    },
  });
}

/** "What would fire now" under a rule as edited, saved or not (managers). */
export function useRulePreview() {
  return useMutation({
    mutationFn: (rule: unknown) =>
      api<{ total: number; items: PreviewRow[] }>('/situations/preview', { method: 'POST', body: { rule } }),
    meta: { silent: true },
  });
}
