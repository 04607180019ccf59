import { describe, expect, it } from 'vitest';
import type { MeetingEvent } from '../../../common/meetings.js';
import type { MeetingCapacity } from '../../../common/meetings.states.js';
import { findTransition } from '../../platform/workflow/machine.js';
import { describeMachine } from '../../test/machine.js';
import { meetingMachine } from './meetings.states.js';

/** What the rules say, written out by hand (independent of the transition table's shape). */
function expected(event: MeetingEvent, caps: ReadonlySet<MeetingCapacity>, m: { state: string }) {
  if (!caps.has('organizer')) return false;
  switch (event) {
    case 'add_item':
      return m.state === 'scheduled' || m.state === 'held';
    case 'hold':
      return m.state === 'scheduled';
    case 'decide':
    case 'close':
      return m.state === 'held';
  }
}

describeMachine('meeting', meetingMachine, { variants: [{}], expected });

describe('meeting refusals', () => {
  it('refuses a member who does not organize the meeting (403) whatever the state', () => {
    const closed = { state: 'closed' };
    expect(findTransition(meetingMachine, 'add_item', new Set(), closed)).toEqual({ error: 'actor' });
    expect(findTransition(meetingMachine, 'add_item', new Set(['organizer']), closed)).toEqual({ error: 'state' });
  });
});
