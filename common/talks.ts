/** 谈话 (SPEC M8) vocabulary shared by server and web. */

export const TALK_KINDS = {
  integrity: '廉政谈话',
  appointment: '任职谈话',
  reminder: '提醒谈话',
  warning: '警示谈话',
  admonition: '诫勉谈话',
  interview: '约谈',
} as const;
export type TalkKind = keyof typeof TALK_KINDS;

/**
 * 四种形态 tag of a talk (SPEC 2b): 谈话提醒、诫勉 and 约谈 are applications of the first form;
 * routine 廉政谈话 and 任职谈话 are preventive and not counted.
 */
export const TALK_FORM_OF_FOUR: Record<TalkKind, 1 | null> = {
  integrity: null,
  appointment: null,
  reminder: 1,
  warning: 1,
  admonition: 1,
  interview: 1,
};

export const TALK_STATES = {
  planned: '待谈话',
  recorded: '已谈话',
  closed: '已办结',
} as const;
export type TalkState = keyof typeof TALK_STATES;

export const TALK_EVENTS = {
  record: '记录谈话',
  follow_up: '跟踪整改',
  close: '办结',
} as const;
export type TalkEvent = keyof typeof TALK_EVENTS;
