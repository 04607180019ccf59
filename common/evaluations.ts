/**
 * 述职评议 / 述责述廉 / 三述一评 (SPEC M6, seeds 002 and 004): units (their leaders) report in a meeting, answer
 * questions (质询) drawn from what supervision found open against them (督+述), and the attendees score them.
 */
export const EVALUATION_KINDS = {
  duty: '述职评议',
  integrity: '述责述廉',
  three: '三述一评',
} as const;
export type EvaluationKind = keyof typeof EVALUATION_KINDS;

export const EVALUATION_STATES = { scheduled: '待召开', held: '评议中', closed: '已结束' } as const;
export type EvaluationState = keyof typeof EVALUATION_STATES;

export const EVALUATION_EVENTS = {
  redraw: '重新生成质询问题',
  ask: '补充质询问题',
  hold: '召开评议',
  close: '结束评议',
} as const;
export type EvaluationEvent = keyof typeof EVALUATION_EVENTS;

/** Where a question comes from: the owning module's open item, or asked in the meeting. */
export const QUESTION_SOURCES = {
  finding: '督查发现未交办',
  problem: '问题逾期未销号',
  warning: '模拟问责提醒函未化解',
  manual: '现场质询',
} as const;
export type QuestionSource = keyof typeof QUESTION_SOURCES;

/** Questions drawn for one reporter at most (the oldest first): a meeting hears a handful, not a ledger. */
export const QUESTIONS_PER_REPORTER = 10;
