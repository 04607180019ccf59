import { describe, expect, it } from 'vitest';
import type {
  DispatchAction,
  DispatchCapacity,
  ReportAction,
  ReportCapacity,
} from '../../../common/responsibility.states.js';
import { findTransition } from '../../platform/workflow/machine.js';
import { describeMachine } from '../../test/machine.js';
import { dispatchMachine, reportMachine } from './responsibility.states.js';

/** The dispatch rules written out by hand. */
function dispatchExpected(action: DispatchAction, caps: ReadonlySet<DispatchCapacity>, d: { state: string }) {
  const office = caps.has('office');
  const recipient = caps.has('recipient');
  switch (action) {
    case 'update':
    case 'delete':
    case 'issue':
      return office && d.state === 'draft';
    case 'receive':
      return recipient && d.state === 'issued';
    case 'fulfil':
      return recipient && (d.state === 'issued' || d.state === 'received');
    case 'close':
      return office && (d.state === 'issued' || d.state === 'received');
  }
}

function reportExpected(action: ReportAction, caps: ReadonlySet<ReportCapacity>, r: { state: string }) {
  switch (action) {
    case 'update':
    case 'submit':
      return caps.has('reporter') && (r.state === 'draft' || r.state === 'returned');
    case 'approve':
    case 'return':
      return caps.has('approver') && r.state === 'submitted';
  }
}

describeMachine('dispatch', dispatchMachine, {
  variants: [{}],
  capacitySets: [['office', 'recipient']],
  expected: dispatchExpected,
});

describeMachine('responsibility report', reportMachine, {
  variants: [{}],
  capacitySets: [['reporter', 'approver']],
  expected: reportExpected,
});

describe('dispatch refusals', () => {
  it('answers 403 to a caller without the capacity, 422 in the wrong state', () => {
    expect(findTransition(dispatchMachine, 'issue', new Set(['recipient']), { state: 'draft' })).toEqual({
      error: 'actor',
    });
    expect(findTransition(dispatchMachine, 'issue', new Set(['office']), { state: 'closed' })).toEqual({
      error: 'state',
    });
    expect(findTransition(reportMachine, 'approve', new Set(['reporter']), { state: 'submitted' })).toEqual({
      error: 'actor',
    });
  });
});
