import { PROBLEM_EVENTS, PROBLEM_STATES, type ProblemEvent, type ProblemState } from './problems.js';
import { defineTable } from './workflow.js';

/** In what capacity a caller acts on a problem: the office, the unit (liaison or head), the unit head alone. */
export const PROBLEM_CAPACITIES = { office: '督办部门', unit: '责任单位', unit_head: '单位主要负责人' } as const;
export type ProblemCapacity = keyof typeof PROBLEM_CAPACITIES;

export const OPEN_STATES: readonly ProblemState[] = ['dispatched', 'rectifying', 'close_requested'];

/** The state machine of a problem (SPEC M4). Guards over the row live in the server's machine. */
export const PROBLEM_TABLE = defineTable<ProblemState, ProblemEvent, ProblemCapacity>({
  states: PROBLEM_STATES,
  events: PROBLEM_EVENTS,
  capacities: PROBLEM_CAPACITIES,
  transitions: [
    { event: 'dispatch', from: ['draft'], to: 'dispatched', by: 'office' },
    { event: 'receive', from: ['dispatched'], to: 'rectifying', by: 'unit' },
    { event: 'report_progress', from: ['rectifying'], to: null, by: 'unit' },
    { event: 'request_close', from: ['rectifying'], to: 'close_requested', by: 'unit' },
    { event: 'approve_close_request', from: ['close_requested'], to: null, by: 'unit_head' },
    { event: 'close', from: ['close_requested'], to: 'closed', by: 'office' },
    { event: 'reject_close', from: ['close_requested'], to: 'rectifying', by: 'office' },
    { event: 'reject_close', from: ['close_requested'], to: 'rectifying', by: 'unit_head' },
    { event: 'reopen', from: ['closed'], to: 'rectifying', by: 'office' },
    { event: 'escalate', from: OPEN_STATES, to: null, by: 'office' },
    { event: 'dismiss_escalation', from: OPEN_STATES, to: null, by: 'office' },
  ],
});
