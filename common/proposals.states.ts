import { PROPOSAL_EVENTS, PROPOSAL_STATES, type ProposalEvent, type ProposalState } from './proposals.js';
import { defineTable } from './workflow.js';

/** The case office (案管/审理室) and the commission leaders receive proposals (cases:manage). */
export const PROPOSAL_CAPACITIES = { intake: '问责受理部门' } as const;
export type ProposalCapacity = keyof typeof PROPOSAL_CAPACITIES;

/** A proposal waits in the queue until it is accepted (a case is opened) or declined with a reason. */
export const PROPOSAL_TABLE = defineTable<ProposalState, ProposalEvent, ProposalCapacity>({
  states: PROPOSAL_STATES,
  events: PROPOSAL_EVENTS,
  capacities: PROPOSAL_CAPACITIES,
  transitions: [
    { event: 'accept', from: ['pending'], to: 'accepted', by: 'intake' },
    { event: 'decline', from: ['pending'], to: 'declined', by: 'intake' },
  ],
});
