import { z } from './zod.js';

/** The header's search box: one query over every kind of record the caller may read. */
export const ZSearchQuery = z.object({
  q: z.string().trim().min(1, { message: '请输入要搜索的内容' }).max(50, { message: '搜索内容不能超过50个字' }),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;

export const SEARCH_KINDS = {
  problem: '问题',
  finding: '督导发现',
  case: '问责案件',
  unit: '单位',
  person: '人员',
} as const;
export type SearchKind = keyof typeof SEARCH_KINDS;

export const ZSearchHit = z.object({
  id: z.string(),
  /** What the record is called: a code and title, a person's name. */
  title: z.string(),
  /** A second line: state, unit, post. */
  detail: z.string(),
  /** Where the web shows it. */
  link: z.string(),
});

export const ZSearchResult = z.object({
  groups: z.array(
    z.object({
      kind: z.enum(Object.keys(SEARCH_KINDS) as [SearchKind, ...SearchKind[]]),
      label: z.string(),
      /** How many match in all (the hits are the first few); the list page shows the rest. */
      total: z.number(),
      /** The list page with the same query. */
      more: z.string(),
      items: z.array(ZSearchHit),
    }),
  ),
});
export type TSearchResult = z.infer<typeof ZSearchResult>;
