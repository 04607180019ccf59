import { describe, expect, it } from 'vitest';
import type { ToleranceAction, ToleranceCapacity } from '../../../common/tolerance.states.js';
import { findTransition } from '../../platform/workflow/machine.js';
import { describeMachine } from '../../test/machine.js';
import { filingMachine } from './tolerance.states.js';

/** What the rules say, written out by hand (independent of the transition table's shape). */
function expected(action: ToleranceAction, caps: ReadonlySet<ToleranceCapacity>, f: { state: string }) {
  const editable = f.state === 'draft' || f.state === 'returned';
  switch (action) {
    case 'update':
    case 'submit':
      return caps.has('unit') && editable;
    case 'approve':
    case 'return':
      return caps.has('approver') && f.state === 'submitted';
  }
}

describeMachine('tolerance filing', filingMachine, {
  variants: [{}],
  capacitySets: [['unit', 'approver']],
  expected,
});

describe('tolerance filing refusals', () => {
  it('refuses a caller without the capacity (403) before looking at the state (422)', () => {
    const draft = { state: 'draft' };
    expect(findTransition(filingMachine, 'approve', new Set(['unit']), draft)).toEqual({ error: 'actor' });
    expect(findTransition(filingMachine, 'approve', new Set(['approver']), draft)).toEqual({ error: 'state' });
  });
});
