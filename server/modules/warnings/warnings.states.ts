import { WARNING_TABLE } from '../../../common/warnings.states.js';
import { defineMachine } from '../../platform/workflow/machine.js';

/** The warning machine: the shared table; no guard beyond the state. */
export const warningMachine = defineMachine({
  table: WARNING_TABLE,
  noun: '预警',
  illegalCode: 'WARNING_ILLEGAL_TRANSITION',
  actorFirst: true,
});
