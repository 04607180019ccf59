import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  TResponsibleRole,
  ZCreateSituation,
  ZListSituations,
  ZRulePreview,
  ZSituation,
  ZSituationPage,
} from '../../../../../common/warnings.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPatch, type ListQueryOf } from '../../../lib/api';
import { resource, useResourceList, useResourceDetail } from '../../../lib/resource';

export type RuleOp = '>=' | '>' | '<=' | '<' | '=' | '!=' | 'in' | 'contains';
export type RuleValue = number | string | boolean | string[];
export interface RuleCondition {
  field: string;
  op: RuleOp;
  value: RuleValue;
}
/** A situation's condition tree (server/modules/warnings/warnings.rules.ts). */
export type RuleNode = { all: RuleNode[] } | { any: RuleNode[] } | { not: RuleNode } | RuleCondition;

export type ResponsibleRole = TResponsibleRole;
/** 情形. */
export type Situation = Response<typeof ZSituation>;
export type SituationInput = z.input<typeof ZCreateSituation>;
export type PreviewRow = Response<typeof ZRulePreview>['items'][number];

export type SituationFilters = Pick<z.input<typeof ZListSituations>, 'q' | 'active'>;
/** The query of the list: all of ZListSituations the server reads, with the page and sort. */
export type SituationQuery = ListQueryOf<typeof ZListSituations>;

const situations = resource<Response<typeof ZSituationPage>, Situation>('situations', '/situations');
export const situationKeys = situations.keys;
/** One page of the catalogue (the 情形目录 page). */
export const useSituations = (q: SituationQuery) => useResourceList(situations, q);
export const useSituation = (id: string | undefined) => useResourceDetail(situations, id);

/** The whole catalogue, for choosing a situation (a region holds tens, not thousands). */
export const useSituationOptions = () => useSituations({ pageSize: 2000 });

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
      api<Response<typeof ZRulePreview>>('/situations/preview', { method: 'POST', body: { rule } }),
    meta: { silent: true },
  });
}
