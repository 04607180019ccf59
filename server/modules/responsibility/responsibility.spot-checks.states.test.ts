import { describe, expect, it } from 'vitest';
import type { SpotCheckAction, SpotCheckCapacity } from '../../../common/responsibility.spot-checks.js';
import { findTransition } from '../../platform/workflow/machine.js';
import { describeMachine } from '../../test/machine.js';
import { type SpotCheckSubject, spotCheckMachine } from './responsibility.spot-checks.states.js';

/** The spot-check rules written out by hand. */
function expected(action: SpotCheckAction, caps: ReadonlySet<SpotCheckCapacity>, s: SpotCheckSubject) {
  if (!caps.has('office')) return false;
  switch (action) {
    case 'delete':
    case 'draw':
      return s.state === 'draft';
    case 'record':
      return s.state === 'sampling';
    case 'conclude':
      return s.state === 'sampling';
    case 'convert':
      return s.state === 'concluded' && (s.verdict === 'untrue' || s.verdict === 'inadequate') && !s.converted;
  }
}

describeMachine('spot check', spotCheckMachine, {
  // The check itself, and each kind of sampled item: not judged, 属实, 不实, 不到位, already converted.
  variants: [
    {},
    { verdict: null, converted: false },
    { verdict: 'accurate', converted: false },
    { verdict: 'untrue', converted: false },
    { verdict: 'inadequate', converted: false },
    { verdict: 'untrue', converted: true },
    { verdict: 'inadequate', converted: true },
  ],
  expected,
});

describe('spot check refusals', () => {
  it('answers 403 without the office capacity, 422 in the wrong state or on a verdict that cannot be converted', () => {
    expect(findTransition(spotCheckMachine, 'draw', new Set(), { state: 'draft' })).toEqual({ error: 'actor' });
    expect(findTransition(spotCheckMachine, 'record', new Set(['office']), { state: 'concluded' })).toEqual({
      error: 'state',
    });
    expect(
      findTransition(spotCheckMachine, 'convert', new Set(['office']), {
        state: 'concluded',
        verdict: 'accurate',
        converted: false,
      }),
    ).toEqual({ error: 'state' });
    expect(
      findTransition(spotCheckMachine, 'convert', new Set(['office']), {
        state: 'sampling',
        verdict: 'untrue',
        converted: false,
      }),
    ).toEqual({ error: 'state' });
  });
});
