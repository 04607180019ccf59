import { useQuery } from '@tanstack/react-query';
import { ARTICLE_7, CIRCUMSTANCES, FORM_KEYS } from '../../../common/cases';
import { situationArticle } from '../../../common/rules';
import type { ZRuleSet } from '../../../common/rules.schema';
import type { Response } from '../../../common/zod';
import { api } from './api';

type ListRuleSet = 'situations' | 'forms' | 'circumstances';
interface RuleItem {
  key: string;
  text: string;
}

/** The release's version 1, shown until the version in force has loaded (or to a reader without rules:read). */
const BUILT_IN: Record<ListRuleSet, RuleItem[]> = {
  situations: Object.entries(ARTICLE_7).map(([key, text]) => ({ key, text })),
  forms: FORM_KEYS.map((key) => ({ key, text: key })),
  circumstances: (Object.keys(CIRCUMSTANCES) as (keyof typeof CIRCUMSTANCES)[]).flatMap((g) =>
    Object.entries(CIRCUMSTANCES[g].items).map(([k, text]) => ({ key: `${g}.${k}`, text })),
  ),
};

/**
 * The items of a rule set in force for the caller's region today (问责情形, 问责方式, 第十七至十九条情形): forms and
 * pages word them as the published version does, so a revision of the law reaches every screen the day it takes
 * effect. Shares its cache with the 问责规则 pages (publishing there refreshes it).
 */
export function useRuleItems(key: ListRuleSet) {
  const query = useQuery({
    queryKey: ['rules', key],
    queryFn: ({ signal }) => api<Response<typeof ZRuleSet>>(`/rules/${key}`, { signal }),
    staleTime: 5 * 60_000,
    retry: false,
    meta: { silent: true },
  });
  const content = query.data?.inForce.content as { items?: RuleItem[] } | undefined;
  const items = content?.items ?? BUILT_IN[key];
  const texts = new Map(items.map((i) => [i.key, i.text]));
  return { items, text: (k: string) => texts.get(k) ?? k };
}

/** 问责情形 options: “第七条第（九）项：…” (第二十一条 for abuse), as the version in force words them. */
export function useSituationOptions() {
  const { items } = useRuleItems('situations');
  return items.map((i) => ({ value: Number(i.key), label: `${situationArticle(Number(i.key))}：${i.text}` }));
}
