import { MEETING_TABLE } from '../../../common/meetings.states.js';
import { defineMachine } from '../../platform/workflow/machine.js';

/** The meeting machine: the shared table; no guard beyond the state. */
export const meetingMachine = defineMachine({
  table: MEETING_TABLE,
  noun: '会议',
  illegalCode: 'MEETING_ILLEGAL_TRANSITION',
  actorFirst: true,
});
