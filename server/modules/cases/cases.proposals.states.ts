import { PROPOSAL_TABLE } from '../../../common/proposals.states.js';
import { defineMachine } from '../../platform/workflow/machine.js';

/** The 问责建议 machine: the shared table, no guard beyond it. */
export const proposalMachine = defineMachine({
  table: PROPOSAL_TABLE,
  noun: '问责建议',
  illegalCode: 'PROPOSAL_ILLEGAL_TRANSITION',
  actorFirst: true,
  forbiddenMessage: (e) => `只有案件审理部门或委领导可以${e}`,
});
