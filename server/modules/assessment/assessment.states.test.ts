import type { AssessmentAction, AssessmentCapacity } from '../../../common/assessment.states.js';
import { describeMachine } from '../../test/machine.js';
import { assessmentMachine } from './assessment.states.js';

/** What the rules say, written out by hand (independent of the transition table's shape). */
function expected(action: AssessmentAction, caps: ReadonlySet<AssessmentCapacity>, a: { state: string }) {
  switch (action) {
    case 'compute':
      return caps.has('office') && (a.state === 'draft' || a.state === 'computed');
    case 'freeze':
      return caps.has('office') && a.state === 'computed';
    case 'publish':
      return caps.has('approver') && a.state === 'frozen';
    case 'revise':
      return caps.has('office') && a.state === 'published';
  }
}

describeMachine('assessment', assessmentMachine, {
  variants: [{}],
  capacitySets: [['office', 'approver']],
  expected,
});
