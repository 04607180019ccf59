import { describe, expect, it } from 'vitest';
import type { ProblemCapacity } from '../../../common/problems.states.js';
import type { ProblemEvent } from '../../../common/problems.js';
import { findTransition } from '../../platform/workflow/machine.js';
import { describeMachine } from '../../test/machine.js';
import { problemMachine } from './problems.states.js';

const base = { closeStage: null as string | null, pendingEscalation: null as number | null, escalationLevel: 0 };

/** What the rules say, written out by hand (independent of the transition table's shape). */
function expected(event: ProblemEvent, caps: ReadonlySet<ProblemCapacity>, p: typeof base & { state: string }) {
  const { state, closeStage: stage, pendingEscalation: pending } = p;
  const open = state === 'dispatched' || state === 'rectifying' || state === 'close_requested';
  const office = caps.has('office');
  const unit = caps.has('unit');
  const head = caps.has('unit_head');
  switch (event) {
    case 'dispatch':
      return state === 'draft' && office;
    case 'receive':
      return state === 'dispatched' && unit;
    case 'report_progress':
    case 'request_close':
      return state === 'rectifying' && unit;
    case 'approve_close_request':
      return state === 'close_requested' && stage === 'unit_head' && head;
    case 'close':
      return state === 'close_requested' && stage === 'office' && office;
    case 'reject_close':
      return state === 'close_requested' && ((stage === 'office' && office) || (stage === 'unit_head' && head));
    case 'reopen':
      return state === 'closed' && office;
    case 'escalate':
      return open && office && p.escalationLevel < 4;
    case 'dismiss_escalation':
      return open && office && pending !== null;
    default:
      return false; // system events (colour, proposals, common groups) are never fired through the API
  }
}

describeMachine('problem', problemMachine, {
  variants: [null, 'unit_head', 'office'].flatMap((closeStage) =>
    [null, 1].flatMap((pendingEscalation) =>
      [0, 4].map((escalationLevel) => ({ ...base, closeStage, pendingEscalation, escalationLevel })),
    ),
  ),
  capacitySets: [
    ['unit', 'unit_head'],
    ['office', 'unit'],
  ],
  expected,
});

describe('problem refusals', () => {
  it('tells a wrong state (422) from a wrong person (403)', () => {
    const p = { ...base, state: 'dispatched' };
    expect(findTransition(problemMachine, 'close', new Set(['office']), p)).toEqual({ error: 'state' });
    expect(findTransition(problemMachine, 'receive', new Set(['office']), p)).toEqual({ error: 'actor' });
  });
});
