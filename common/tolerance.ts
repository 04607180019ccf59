/** 容错免责 事前备案 (SPEC M8, 2b 第十七条) vocabulary shared by server and web. */

export const TOLERANCE_STATES = {
  draft: '草稿',
  submitted: '待审批',
  approved: '已备案',
  returned: '已退回',
} as const;
export type ToleranceState = keyof typeof TOLERANCE_STATES;

export const TOLERANCE_EVENTS = {
  submit: '提交备案',
  approve: '同意备案',
  return: '退回',
} as const;
export type ToleranceEvent = keyof typeof TOLERANCE_EVENTS;
