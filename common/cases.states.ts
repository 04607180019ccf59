import { CASE_EVENTS, CASE_MEMBER_ROLES, CASE_STATES, type CaseEventType, type CaseState } from './cases.js';
import { defineTable, type Transition } from './workflow.js';

/**
 * In what capacity a caller acts on a case: a commission leader, a member of the investigation
 * team, a joint reviewer of one of the three offices, an evaluator (who reads the file and fires
 * nothing).
 */
export const CASE_CAPACITIES = { leader: '委领导', ...CASE_MEMBER_ROLES } as const;
export type CaseCapacity = keyof typeof CASE_CAPACITIES;

/**
 * Events the investigation team fires, and only the team: a commission leader investigates only a case whose team
 * they are on (issue #20, separation of duties: the leaders approve and decide, the team investigates).
 */
const team = (
  event: CaseEventType,
  from: CaseState[],
  to: CaseState | null = null,
): Transition<CaseState, CaseEventType, CaseCapacity> => ({ event, from, to, by: 'investigator' });

const AFTER_DECISION: CaseState[] = ['decided', 'executed'];

/**
 * The procedure of an accountability case (SPEC M8, 2b), in the order of the procedure: the
 * `actions` of a case follow the order of these rows.
 */
export const CASE_TABLE = defineTable<CaseState, CaseEventType, CaseCapacity>({
  states: CASE_STATES,
  events: CASE_EVENTS,
  capacities: CASE_CAPACITIES,
  transitions: [
    { event: 'approve_launch', from: ['proposed'], to: 'investigating', by: 'leader' },
    { event: 'reject_launch', from: ['proposed'], to: 'closed', by: 'leader' },
    team('record_facts', ['investigating']),
    team('issue_statement', ['investigating']),
    team('record_defense', ['investigating']),
    team('determine', ['investigating'], 'reviewing'),
    team('request_prereview', ['reviewing']),
    { event: 'record_prereview', from: ['reviewing'], to: null, by: 'leader' },
    { event: 'sign_joint_review', from: ['reviewing'], to: null, by: 'reviewer' },
    { event: 'decide', from: ['reviewing'], to: 'decided', by: 'leader' },
    team('execute', ['decided'], 'executed'),
    team('record_service', AFTER_DECISION),
    team('appeal', AFTER_DECISION),
    { event: 'decide_appeal', from: AFTER_DECISION, to: null, by: 'leader' },
    team('pause_clock', AFTER_DECISION),
    team('resume_clock', AFTER_DECISION),
    team('follow_up', ['executed']),
    // 结案 is approved by a commission leader once the team has recorded the follow-up visit (SPEC 1: leaders approve cases).
    { event: 'close', from: ['executed'], to: 'closed', by: 'leader' },
    { event: 'correct', from: [...AFTER_DECISION, 'closed'], to: null, by: 'leader' },
    team('recommend', [...AFTER_DECISION, 'closed']),
    team('spawn_dual', ['investigating', 'reviewing', ...AFTER_DECISION]),
    // The leaders compose the team (SPEC 1: leaders approve cases); a team short of two cannot be launched.
    {
      event: 'change_team',
      from: ['proposed', 'investigating', 'reviewing', ...AFTER_DECISION],
      to: null,
      by: 'leader',
    },
  ],
});
