import { EVALUATION_EVENTS, EVALUATION_STATES, type EvaluationEvent, type EvaluationState } from './evaluations.js';
import { defineTable } from './workflow.js';

/** The assessment office (assessment:manage) convenes and runs the meetings. */
export const EVALUATION_CAPACITIES = { office: '考核办' } as const;
export type EvaluationCapacity = keyof typeof EVALUATION_CAPACITIES;

/**
 * A 述职评议 meeting: questions are drawn when it is scheduled (and may be drawn again until it is held), asked
 * until it ends; answers and scores are recorded while it is held; ending it issues the numbered 纪要.
 */
export const EVALUATION_TABLE = defineTable<EvaluationState, EvaluationEvent, EvaluationCapacity>({
  states: EVALUATION_STATES,
  events: EVALUATION_EVENTS,
  capacities: EVALUATION_CAPACITIES,
  transitions: [
    { event: 'redraw', from: ['scheduled'], to: null, by: 'office' },
    { event: 'ask', from: ['scheduled', 'held'], to: null, by: 'office' },
    { event: 'hold', from: ['scheduled'], to: 'held', by: 'office' },
    { event: 'close', from: ['held'], to: 'closed', by: 'office' },
  ],
});
