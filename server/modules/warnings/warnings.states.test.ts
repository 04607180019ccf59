import { describe, expect, it } from 'vitest';
import type { WarningEvent } from '../../../common/warnings.js';
import type { WarningCapacity } from '../../../common/warnings.states.js';
import { findTransition } from '../../platform/workflow/machine.js';
import { describeMachine } from '../../test/machine.js';
import { warningMachine } from './warnings.states.js';

/** What the rules say, written out by hand (independent of the transition table's shape). */
function expected(event: WarningEvent, caps: ReadonlySet<WarningCapacity>, w: { state: string }) {
  const office = caps.has('office');
  switch (event) {
    case 'issue':
      return office && w.state === 'pending_review';
    case 'dismiss':
      return office && (w.state === 'pending_review' || w.state === 'issued');
    case 'resolve':
      return office && (w.state === 'issued' || w.state === 'rectifying');
    case 'escalate':
      return office && ['pending_review', 'issued', 'rectifying'].includes(w.state);
    case 'answer':
      return caps.has('unit') && w.state === 'issued';
    default:
      return false; // the scan's events (created, facts_updated) are never fired through the API
  }
}

describeMachine('warning', warningMachine, {
  variants: [{}],
  capacitySets: [['office', 'unit']],
  expected,
});

describe('warning refusals', () => {
  it('refuses a caller without the capacity (403) before looking at the state (422)', () => {
    const resolved = { state: 'resolved' };
    expect(findTransition(warningMachine, 'issue', new Set(['unit']), resolved)).toEqual({ error: 'actor' });
    expect(findTransition(warningMachine, 'issue', new Set(['office']), resolved)).toEqual({ error: 'state' });
    expect(findTransition(warningMachine, 'answer', new Set(['office']), { state: 'issued' })).toEqual({
      error: 'actor',
    });
  });
});
