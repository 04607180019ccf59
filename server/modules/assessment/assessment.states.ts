import type { AssessmentState } from '../../../common/assessment.js';
import { ASSESSMENT_TABLE, type AssessmentAction, type AssessmentCapacity } from '../../../common/assessment.states.js';
import type { Actor } from '../../platform/context.js';
import { defineMachine } from '../../platform/workflow/machine.js';

/** The assessment run machine: the shared table, no guards (the state says it all). */
export const assessmentMachine = defineMachine<
  AssessmentState,
  AssessmentAction,
  AssessmentCapacity,
  { state: string }
>({
  table: ASSESSMENT_TABLE,
  noun: '考核',
  illegalCode: 'ASSESSMENT_ILLEGAL_TRANSITION',
  actorFirst: true,
});

/** The office runs assessments (assessment:manage); a commission leader approves publication. */
export function capacitiesOf(actor: Actor): Set<AssessmentCapacity> {
  const caps = new Set<AssessmentCapacity>();
  if (actor.permissions.has('assessment:manage')) caps.add('office');
  if (actor.permissions.has('assessment:approve')) caps.add('approver');
  return caps;
}
