import { TALK_TABLE } from '../../../common/talks.states.js';
import { defineMachine } from '../../platform/workflow/machine.js';
import type { TalkRow } from './talks.repository.js';

/** The talk machine: the shared table, and follow-up only of a talk that set a requirement. */
export const talkMachine = defineMachine({
  table: TALK_TABLE,
  noun: '谈话',
  illegalCode: 'TALK_ILLEGAL_TRANSITION',
  actorFirst: true,
  guard: (event, _by, t: Pick<TalkRow, 'state' | 'followUpRequired'>) =>
    event !== 'follow_up' || t.followUpRequired !== '',
});
