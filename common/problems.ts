/** Problem ledger vocabulary (SPEC M4), shared by server and web. */
export const PROBLEM_SOURCES = {
  daily: '日常监督',
  special: '专项督查',
  patrol: '督导巡查',
  inspection: '巡视巡察反馈',
  audit: '审计',
  complaint: '信访举报',
  case: '案件查办',
  warning: '模拟问责',
  inquiry: '述责述廉质询',
} as const;
export type ProblemSource = keyof typeof PROBLEM_SOURCES;

export const PROBLEM_SEVERITIES = { general: '一般', serious: '较重', critical: '严重' } as const;
export type ProblemSeverity = keyof typeof PROBLEM_SEVERITIES;

export const PROBLEM_STATES = {
  draft: '待交办',
  dispatched: '已交办',
  rectifying: '整改中',
  close_requested: '申请销号',
  closed: '已销号',
} as const;
export type ProblemState = keyof typeof PROBLEM_STATES;

export const PROBLEM_COLORS = { blue: '蓝色', yellow: '黄色', red: '红色' } as const;
export type ProblemColor = keyof typeof PROBLEM_COLORS;

/** Escalation ladder after the colours (SPEC 2b): 通报 → 约谈 → 挂牌督办 → 问责建议. */
export const ESCALATION_LEVELS = { 1: '通报', 2: '约谈', 3: '挂牌督办', 4: '问责建议' } as const;
export type EscalationLevel = 1 | 2 | 3 | 4;

export const PROBLEM_EVENTS = {
  dispatch: '交办',
  receive: '签收',
  report_progress: '报告进展',
  request_close: '申请销号',
  approve_close_request: '单位审核同意销号申请',
  close: '销号',
  reject_close: '退回重改',
  reopen: '反弹重开',
  escalate: '升级督办',
  dismiss_escalation: '不予升级',
  color_changed: '预警变色',
  escalation_proposed: '建议升级',
  link_common: '归入共性问题',
  assign_lead_unit: '明确牵头单位',
} as const;
export type ProblemEvent = keyof typeof PROBLEM_EVENTS;
