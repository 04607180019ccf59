import { describe, expect, it } from 'vitest';
import type { ProposalCapacity } from '../../../common/proposals.states.js';
import type { ProposalEvent } from '../../../common/proposals.js';
import { findTransition } from '../../platform/workflow/machine.js';
import { describeMachine } from '../../test/machine.js';
import { proposalMachine } from './cases.proposals.states.js';

/** What the rules say, written out by hand: only the intake acts, and only on a pending proposal. */
const expected = (_e: ProposalEvent, caps: ReadonlySet<ProposalCapacity>, p: { state: string }) =>
  caps.has('intake') && p.state === 'pending';

describeMachine('accountability proposal', proposalMachine, { variants: [{}], expected });

describe('proposal refusals', () => {
  it('answers 403 to a non-intake caller whatever the state, 422 to the intake on a decided proposal', () => {
    expect(findTransition(proposalMachine, 'accept', new Set(), { state: 'pending' })).toEqual({ error: 'actor' });
    expect(findTransition(proposalMachine, 'decline', new Set(['intake']), { state: 'accepted' })).toEqual({
      error: 'state',
    });
  });
});
