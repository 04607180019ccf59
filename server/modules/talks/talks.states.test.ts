import { describe, expect, it } from 'vitest';
import type { TalkAction, TalkCapacity } from '../../../common/talks.states.js';
import { findTransition } from '../../platform/workflow/machine.js';
import { describeMachine } from '../../test/machine.js';
import { talkMachine } from './talks.states.js';

/** What the rules say, written out by hand (independent of the transition table's shape). */
function expected(action: TalkAction, caps: ReadonlySet<TalkCapacity>, t: { state: string; followUpRequired: string }) {
  if (!caps.has('organizer')) return false;
  switch (action) {
    case 'update':
    case 'record':
      return t.state === 'planned' || t.state === 'recorded';
    case 'delete':
      return t.state === 'planned';
    case 'follow_up':
      return t.state === 'recorded' && t.followUpRequired !== '';
    case 'close':
      return t.state === 'recorded';
  }
}

describeMachine('talk', talkMachine, {
  variants: [{ followUpRequired: '' }, { followUpRequired: '一个月内报送整改报告' }],
  expected,
});

describe('talk refusals', () => {
  it('refuses a caller who does not organize talks (403) whatever the state', () => {
    const closed = { state: 'closed', followUpRequired: '' };
    expect(findTransition(talkMachine, 'record', new Set(), closed)).toEqual({ error: 'actor' });
    expect(findTransition(talkMachine, 'record', new Set(['organizer']), closed)).toEqual({ error: 'state' });
  });
});
