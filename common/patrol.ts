/** Supervision and patrol vocabulary (SPEC M3, seed 001), shared by server and web. */
export const PATROL_METHODS = {
  daily: '日常督导',
  special: '专项督查',
  unannounced: '暗访（四不两直）',
  meeting: '会议督导',
  attend: '列席旁听',
} as const;
export type PatrolMethod = keyof typeof PATROL_METHODS;

export const TASK_STATES = {
  draft: '拟稿',
  issued: '已交办',
  in_progress: '督导中',
  reported: '已报告',
  completed: '已办结',
  cancelled: '已撤销',
} as const;
export type TaskState = keyof typeof TASK_STATES;

export const TASK_EVENTS = {
  issue: '交办',
  start: '开始督导',
  report: '报告督导情况',
  complete: '办结',
  return: '退回补充',
  cancel: '撤销',
} as const;
export type TaskEvent = keyof typeof TASK_EVENTS;

export const FINDING_STATES = {
  submitted: '待审核',
  escalated: '已上报',
  dispatched: '已交办',
  merged: '已合并',
  closed: '已办结',
} as const;
export type FindingState = keyof typeof FINDING_STATES;

export const FINDING_EVENTS = {
  merge: '合并重复',
  dispatch: '交办为问题',
  escalate: '上报',
  instruct: '录入批示',
  close: '办结（不予交办）',
} as const;
export type FindingEvent = keyof typeof FINDING_EVENTS;

/** Escalation targets (seed 001): the leading group for cross-department/cross-region issues, the principal leaders for urgent or major ones. */
export const ESCALATION_TARGETS = {
  leading_group: '督导巡查领导小组',
  principal_leaders: '党委、政府主要负责同志',
} as const;
export type EscalationTarget = keyof typeof ESCALATION_TARGETS;

export const CIRCULAR_KINDS = { circular: '督导巡查通报', interview: '督导巡查约谈建议书' } as const;
export type CircularKind = keyof typeof CIRCULAR_KINDS;
export const CIRCULAR_STATES = { draft: '拟稿', approved: '已审批', published: '已发布' } as const;
export type CircularState = keyof typeof CIRCULAR_STATES;
export const CIRCULAR_EVENTS = { approve: '审批', publish: '发布' } as const;
export type CircularEvent = keyof typeof CIRCULAR_EVENTS;

/** 典型案例 of patrol work (not the accountability cases of common/cases.ts). */
export const TYPICAL_CASE_KINDS = { positive: '正面典型', negative: '反面典型' } as const;
export type TypicalCaseKind = keyof typeof TYPICAL_CASE_KINDS;
export const TYPICAL_CASE_STATES = { draft: '拟稿', published: '已发布' } as const;
export type TypicalCaseState = keyof typeof TYPICAL_CASE_STATES;
export const TYPICAL_CASE_EVENTS = { publish: '发布' } as const;
export type TypicalCaseEvent = keyof typeof TYPICAL_CASE_EVENTS;

export const REVIEW_KINDS = { semiannual: '半年工作报告', annual: '年度述职评议' } as const;
export type ReviewKind = keyof typeof REVIEW_KINDS;
