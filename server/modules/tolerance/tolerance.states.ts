import { TOLERANCE_TABLE } from '../../../common/tolerance.states.js';
import { defineMachine } from '../../platform/workflow/machine.js';

/** The filing machine: the shared table; no guard beyond the state. */
export const filingMachine = defineMachine({
  table: TOLERANCE_TABLE,
  noun: '备案',
  illegalCode: 'TOLERANCE_ILLEGAL_TRANSITION',
  actorFirst: true,
});
