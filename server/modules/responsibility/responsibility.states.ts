import { DISPATCH_TABLE, REPORT_TABLE } from '../../../common/responsibility.states.js';
import { defineMachine } from '../../platform/workflow/machine.js';

/** The dispatch machine: the shared table as is. */
export const dispatchMachine = defineMachine({
  table: DISPATCH_TABLE,
  noun: '派单',
  illegalCode: 'DISPATCH_ILLEGAL_TRANSITION',
  actorFirst: true,
  guard: (_event, _by, _d: { state: string }) => true,
});

/** The quarterly report machine: the shared table as is. */
export const reportMachine = defineMachine({
  table: REPORT_TABLE,
  noun: '季度报告',
  illegalCode: 'REPORT_ILLEGAL_TRANSITION',
  actorFirst: true,
  guard: (_event, _by, _r: { state: string }) => true,
});
