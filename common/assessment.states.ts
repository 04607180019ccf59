import { ASSESSMENT_EVENTS, ASSESSMENT_STATES, type AssessmentEvent, type AssessmentState } from './assessment.js';
import { defineTable } from './workflow.js';

export const ASSESSMENT_ACTIONS = { ...ASSESSMENT_EVENTS } as const;
export type AssessmentAction = AssessmentEvent;

/** The office runs an assessment; a commission leader approves its publication (SPEC M6). */
export const ASSESSMENT_CAPACITIES = { office: '考核办', approver: '审批领导' } as const;
export type AssessmentCapacity = keyof typeof ASSESSMENT_CAPACITIES;

/**
 * An assessment run: computed (recompute as often as needed, idempotent), frozen (never changes), published
 * (approved; visible to units and 组织部). A published run is revised as a new version: the published
 * version stays readable while the next one is computed.
 */
export const ASSESSMENT_TABLE = defineTable<AssessmentState, AssessmentAction, AssessmentCapacity>({
  states: ASSESSMENT_STATES,
  events: ASSESSMENT_ACTIONS,
  capacities: ASSESSMENT_CAPACITIES,
  transitions: [
    { event: 'compute', from: ['draft', 'computed'], to: 'computed', by: 'office' },
    { event: 'freeze', from: ['computed'], to: 'frozen', by: 'office' },
    { event: 'publish', from: ['frozen'], to: 'published', by: 'approver' },
    { event: 'revise', from: ['published'], to: 'draft', by: 'office' },
  ],
});
