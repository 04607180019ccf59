import { WARNING_EVENTS, WARNING_STATES, type WarningEvent, type WarningState } from './warnings.js';
import { defineTable } from './workflow.js';

/** In what capacity a caller acts on a warning: the office that reviews it, the unit that answers it. */
export const WARNING_CAPACITIES = { office: '督办部门', unit: '责任单位' } as const;
export type WarningCapacity = keyof typeof WARNING_CAPACITIES;

/** The flow of a simulated-accountability warning (SPEC M5); `created` and `facts_updated` are the scan's. */
export const WARNING_TABLE = defineTable<WarningState, WarningEvent, WarningCapacity>({
  states: WARNING_STATES,
  events: WARNING_EVENTS,
  capacities: WARNING_CAPACITIES,
  transitions: [
    { event: 'issue', from: ['pending_review'], to: 'issued', by: 'office' },
    { event: 'dismiss', from: ['pending_review', 'issued'], to: 'dismissed', by: 'office' },
    { event: 'resolve', from: ['issued', 'rectifying'], to: 'resolved', by: 'office' },
    { event: 'escalate', from: ['pending_review', 'issued', 'rectifying'], to: 'escalated', by: 'office' },
    { event: 'answer', from: ['issued'], to: 'rectifying', by: 'unit' },
  ],
});
