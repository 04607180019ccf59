import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TPublishRuleVersion, ZListRuleSets, ZRuleSet, ZRuleSets } from '../../../../../common/rules.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPost, type ListFilters, type ListQueryOf } from '../../../lib/api';

/** 问责规则: the rule sets, their versions and publishing a new one. */
export type RuleSets = Response<typeof ZRuleSets>;
export type RuleSet = Response<typeof ZRuleSet>;

export const ruleKeys = { all: ['rules'] as const, set: (key: string) => ['rules', key] as const };

export type RuleSetFilters = ListFilters<typeof ZListRuleSets>;

export const useRuleSets = (q: ListQueryOf<typeof ZListRuleSets>) =>
  useQuery({
    queryKey: [...ruleKeys.all, 'list', q],
    queryFn: ({ signal }) => api<RuleSets>('/rules', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });

export const useRuleSet = (key: string) =>
  useQuery({ queryKey: ruleKeys.set(key), queryFn: ({ signal }) => api<RuleSet>(`/rules/${key}`, { signal }) });

export function usePublishRuleVersion(key: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TPublishRuleVersion) => apiPost<RuleSet>(`/rules/${key}/versions`, input),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: ruleKeys.all }),
  });
}
