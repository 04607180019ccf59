/**
 * 督导评估 (SPEC M6, seed 002 教育督导): a unit evaluated against an indicator system on a visit, a published report
 * (its public part marked), rectification items with deadlines handed to the problem ledger, and a re-inspection
 * (复查) with its own verdict — a failed one sends the unit back to rectifying.
 */
export const REVIEW_STATES = {
  draft: '评估中',
  published: '已发布报告',
  rectifying: '限期整改',
  recheck_scheduled: '待复查',
  closed: '复查合格',
} as const;
export type ReviewState = keyof typeof REVIEW_STATES;

export const REVIEW_EVENTS = {
  score: '评分',
  publish: '发布评估报告',
  rectify: '下达整改',
  schedule: '安排复查',
  recheck: '复查',
} as const;
export type ReviewEvent = keyof typeof REVIEW_EVENTS;

export const RECHECK_VERDICTS = { passed: '复查合格', failed: '复查不合格，继续整改' } as const;
export type RecheckVerdict = keyof typeof RECHECK_VERDICTS;
