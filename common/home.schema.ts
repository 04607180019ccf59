import { z } from './zod.js';

/** What a home section is about: things to act on, deadlines, copies and messages, or a few figures. */
export const HOME_GROUPS = {
  todo: '待我处理',
  due: '临期与逾期',
  copies: '抄告与消息',
  figures: '关注数据',
} as const;
export type HomeGroup = keyof typeof HOME_GROUPS;

export const ZHomeItem = z.object({
  id: z.string(),
  label: z.string(),
  /** The object's page in the web app. */
  path: z.string(),
});

export const ZHomeSection = z.object({
  key: z.string(),
  group: z.enum(Object.keys(HOME_GROUPS) as [HomeGroup, ...HomeGroup[]]),
  title: z.string(),
  /** Equal to the `total` of `api`: the count is the list's own. */
  count: z.number().int(),
  /** The web list with the filters that show exactly these rows. */
  path: z.string(),
  /** The same list in the API (and its `export.xlsx` with the same query). */
  api: z.string(),
  /** The first rows of the list, nearest first. */
  items: z.array(ZHomeItem),
});
export type THomeSection = z.infer<typeof ZHomeSection>;

export const ZHome = z.object({
  today: z.string(),
  sections: z.array(ZHomeSection),
});
export type THome = z.infer<typeof ZHome>;
