import type { Permission } from './roles.js';

/**
 * The links of the responsibility chain the stalls view (梗阻点 / 衰减点) measures, in chain order. Each link is a
 * span from one step to the next; `limitDays` is the documented default limit (calendar days) for links whose
 * module keeps no deadline of its own (`deadline` names the module's own deadline where one exists).
 */
export const STALL_LINKS = {
  'problem.receive': { label: '问题派发 → 签收', chain: '问题整改', limitDays: 3, deadline: null },
  'problem.progress': { label: '签收 → 首次报告进展', chain: '问题整改', limitDays: 15, deadline: null },
  'problem.close_request': {
    label: '报告进展 → 申请销号',
    chain: '问题整改',
    limitDays: null,
    deadline: '整改期限',
  },
  'problem.close': { label: '申请销号 → 销号', chain: '问题整改', limitDays: 10, deadline: null },
  'warning.answer': { label: '提醒函下发 → 答复', chain: '模拟问责', limitDays: null, deadline: '答复期限' },
  'warning.resolve': { label: '答复 → 化解', chain: '模拟问责', limitDays: 30, deadline: null },
  'finding.dispatch': { label: '巡查发现 → 交办', chain: '督导巡查', limitDays: 5, deadline: null },
  'proposal.case': { label: '问责建议 → 立案（或不予）', chain: '问责', limitDays: 15, deadline: null },
  'case.decide': { label: '立项 → 作出决定', chain: '问责', limitDays: 90, deadline: null },
  'case.execute': { label: '作出决定 → 执行', chain: '问责', limitDays: 30, deadline: '执行期限' },
} as const satisfies Record<
  string,
  { label: string; chain: string; limitDays: number | null; deadline: string | null }
>;
export type StallLink = keyof typeof STALL_LINKS;
export const STALL_LINK_KEYS = Object.keys(STALL_LINKS) as StallLink[];

/** The permission a caller needs to open a link's drill-down list. */
export const STALL_LINK_PERMISSION: Record<StallLink, Permission> = {
  'problem.receive': 'problems:read',
  'problem.progress': 'problems:read',
  'problem.close_request': 'problems:read',
  'problem.close': 'problems:read',
  'warning.answer': 'warnings:read',
  'warning.resolve': 'warnings:read',
  'finding.dispatch': 'patrol:read',
  'proposal.case': 'cases:manage',
  'case.decide': 'cases:read',
  'case.execute': 'cases:read',
};

/**
 * The over-reach monitor's thresholds (问责泛化, SPEC M12): a unit is flagged when, with at least `minActs` acts in
 * the period, its share of the catch-all 第七条第（十一）项 is at least `catchAllShare` and `ratio` times the region's,
 * its share of the heavier 第三、四种形态 is at least `heavyShare` and `ratio` times the region's, or its number of
 * accountability acts is `volumeRatio` times the region's mean per unit with any.
 */
export const OVERREACH = { minActs: 3, catchAllShare: 0.5, heavyShare: 0.3, ratio: 2, volumeRatio: 3 } as const;
/** 第七条第（十一）项 “其他应当问责的失职失责情形”: the catch-all a careful office uses sparingly. */
export const CATCH_ALL_SITUATION = 11;

/**
 * What the burden meter (减负) counts of a unit, by what it demands: an `item` to handle, a `report` to file, a
 * `message` to read. A quarterly report's `reused` are the 履责纪实 records it was assembled from (not typed again).
 */
export const BURDEN_KINDS = {
  'problems.received': { label: '交办问题', demand: 'item' },
  'warnings.letters': { label: '提醒函', demand: 'item' },
  'responsibility.items': { label: '责任事项', demand: 'item' },
  'problems.progress': { label: '进展报告', demand: 'report' },
  'responsibility.records': { label: '履责纪实', demand: 'report' },
  'responsibility.reports': { label: '季度报告', demand: 'report' },
  'notifications.messages': { label: '消息', demand: 'message' },
} as const satisfies Record<string, { label: string; demand: 'item' | 'report' | 'message' }>;
export type BurdenKind = keyof typeof BURDEN_KINDS;
export const BURDEN_KIND_KEYS = Object.keys(BURDEN_KINDS) as BurdenKind[];
