import { TOLERANCE_EVENTS, TOLERANCE_STATES, type ToleranceState } from './tolerance.js';
import { defineTable } from './workflow.js';

/** What may be done to a filing: its events, and editing it. */
export const TOLERANCE_ACTIONS = { update: '修改备案', ...TOLERANCE_EVENTS } as const;
export type ToleranceAction = keyof typeof TOLERANCE_ACTIONS;

/** The unit that files (tolerance:file, own unit) and the commission leader who approves (tolerance:approve). */
export const TOLERANCE_CAPACITIES = { unit: '备案单位', approver: '审批领导' } as const;
export type ToleranceCapacity = keyof typeof TOLERANCE_CAPACITIES;

/** The flow of a pre-registration (事前备案, SPEC M8): the unit edits and submits, the leader approves or returns. */
export const TOLERANCE_TABLE = defineTable<ToleranceState, ToleranceAction, ToleranceCapacity>({
  states: TOLERANCE_STATES,
  events: TOLERANCE_ACTIONS,
  capacities: TOLERANCE_CAPACITIES,
  transitions: [
    { event: 'update', from: ['draft', 'returned'], to: null, by: 'unit' },
    { event: 'submit', from: ['draft', 'returned'], to: 'submitted', by: 'unit' },
    { event: 'approve', from: ['submitted'], to: 'approved', by: 'approver' },
    { event: 'return', from: ['submitted'], to: 'returned', by: 'approver' },
  ],
});
