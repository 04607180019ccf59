import { describe, expect, it } from 'vitest';
import type { CaseCapacity } from '../../../common/cases.states.js';
import type { CaseEventType, CaseState } from '../../../common/cases.js';
import type { Actor } from '../../platform/context.js';
import { actionsOf, findTransition } from '../../platform/workflow/machine.js';
import { describeMachine } from '../../test/machine.js';
import { capacitiesOf, jointReviewSigners, teamRefusalOf } from './cases.policy.js';
import { caseRulesSetting } from './cases.rules.js';
import { caseMachine } from './cases.states.js';

/** The procedure's rules written out by hand: what each state offers, in the order the UI shows it … */
const OFFERED: Record<CaseState, CaseEventType[]> = {
  proposed: ['approve_launch', 'reject_launch', 'change_team'],
  investigating: ['record_facts', 'issue_statement', 'record_defense', 'determine', 'spawn_dual', 'change_team'],
  reviewing: ['request_prereview', 'record_prereview', 'sign_joint_review', 'decide', 'spawn_dual', 'change_team'],
  decided: [
    'execute',
    'record_service',
    'appeal',
    'decide_appeal',
    'pause_clock',
    'resume_clock',
    'correct',
    'recommend',
    'spawn_dual',
    'change_team',
  ],
  executed: [
    'record_service',
    'appeal',
    'decide_appeal',
    'pause_clock',
    'resume_clock',
    'follow_up',
    'close',
    'correct',
    'recommend',
    'spawn_dual',
    'change_team',
  ],
  closed: ['correct', 'recommend'],
};
/**
 * … and who fires it: leaders alone (结案 included: the leaders approve it), joint reviewers alone, otherwise the
 * team alone — a leader investigates only as a member of the team (issue #20).
 */
const LEADER_ONLY: CaseEventType[] = [
  'approve_launch',
  'reject_launch',
  'record_prereview',
  'decide',
  'decide_appeal',
  'close',
  'correct',
  'change_team',
];
const REVIEWER_ONLY: CaseEventType[] = ['sign_joint_review'];

function expected(event: CaseEventType, caps: ReadonlySet<CaseCapacity>, c: { state: string }) {
  if (!OFFERED[c.state as CaseState].includes(event)) return false;
  if (REVIEWER_ONLY.includes(event)) return caps.has('reviewer');
  if (LEADER_ONLY.includes(event)) return caps.has('leader');
  return caps.has('investigator');
}

const CAPACITIES: CaseCapacity[] = ['leader', 'investigator', 'reviewer', 'evaluator'];
/** Every combination of capacities (a leader may also be on the team, a reviewer also evaluate …). */
const ALL_SETS = Array.from({ length: 2 ** CAPACITIES.length }, (_, bits) =>
  CAPACITIES.filter((_, i) => bits & (2 ** i)),
);

describeMachine('case', caseMachine, {
  variants: [{}],
  capacitySets: ALL_SETS.filter((set) => set.length > 1),
  expected,
});

describe('case actions', () => {
  it('come in the order of the procedure, for every state and capacity set', () => {
    for (const state of Object.keys(OFFERED) as CaseState[]) {
      for (const set of ALL_SETS) {
        const caps = new Set(set);
        const want = OFFERED[state].filter((e) => expected(e, caps, { state }));
        expect(actionsOf(caseMachine, caps, { state }), `${state} [${set}]`).toEqual(want);
      }
    }
  });

  it('tell a wrong state (422) from a wrong person (403)', () => {
    const reviewing = { state: 'reviewing' };
    expect(findTransition(caseMachine, 'execute', new Set(['investigator']), reviewing)).toEqual({ error: 'state' });
    expect(findTransition(caseMachine, 'record_facts', new Set(['leader']), { state: 'investigating' })).toEqual({
      error: 'actor',
    });
    expect(findTransition(caseMachine, 'close', new Set(['investigator']), { state: 'executed' })).toEqual({
      error: 'actor',
    });
    expect(findTransition(caseMachine, 'decide', new Set(['investigator']), reviewing)).toEqual({ error: 'actor' });
    expect(findTransition(caseMachine, 'sign_joint_review', new Set(['leader']), reviewing)).toEqual({
      error: 'actor',
    });
    expect(findTransition(caseMachine, 'opened', new Set(CAPACITIES), { state: 'proposed' })).toEqual({
      error: 'state',
    });
  });
});

describe('case capacities', () => {
  const rules = caseRulesSetting.defaults;
  const actor = (leader: boolean) =>
    ({ userId: 'me', permissions: new Set(leader ? ['cases:approve'] : ['cases:read']) }) as unknown as Actor;
  const member = (role: string, unitCode: string | null = null, userId = 'me') => ({ userId, role, unitCode });

  it("come from the case permission and the caller's own memberships", () => {
    expect(capacitiesOf(actor(true), [], rules)).toEqual({ capacities: new Set(['leader']), reviewerOffice: null });
    const mine = capacitiesOf(
      actor(false),
      [member('investigator'), member('evaluator'), member('investigator', null, 'x')],
      rules,
    );
    expect(mine).toEqual({ capacities: new Set(['investigator', 'evaluator']), reviewerOffice: null });
  });

  it('make a reviewer of the office whose unit the reviewer belongs to, and of no other', () => {
    const sl = capacitiesOf(actor(false), [member('reviewer', rules.jointReviewUnits.sl)], rules);
    expect(sl).toEqual({ capacities: new Set(['reviewer']), reviewerOffice: 'sl' });
    const elsewhere = capacitiesOf(actor(false), [member('reviewer', 'NOT-AN-OFFICE')], rules);
    expect(elsewhere).toEqual({ capacities: new Set(), reviewerOffice: null });
  });
});

describe('who may be on a team (issue #20)', () => {
  const rules = caseRulesSetting.defaults;
  const officer = (userId: string, unitCode: string | null, roles: string[], principal = false) => ({
    userId,
    displayName: userId,
    unitCode,
    unitName: null,
    roles,
    principal,
  });
  const head = officer('head', rules.jointReviewUnits.sl, ['case_office'], true);
  const deputy = officer('deputy', rules.jointReviewUnits.sl, ['case_office']);
  const alone = officer('alone', rules.jointReviewUnits.ag, ['case_office']);
  const investigator = officer('inv', 'JW-OTHER', ['case_office']);
  const leader = officer('leader', null, ['commission_leader']);

  it('signs 联审 as the head of the office, or as any of its officers when the head has no account', () => {
    const signers = jointReviewSigners([head, deputy, alone, investigator], rules);
    expect([...signers]).toEqual([
      ['alone', 'ag'],
      ['head', 'sl'],
    ]);
  });

  it('keeps leaders and signers off the team, with the reason', () => {
    const signers = jointReviewSigners([head, deputy, alone, investigator], rules);
    expect(teamRefusalOf(leader, signers)).toContain('委领导');
    expect(teamRefusalOf(head, signers)).toContain('案件审理室联审签署人');
    expect(teamRefusalOf(deputy, signers)).toBeNull();
    expect(teamRefusalOf(investigator, signers)).toBeNull();
    expect(teamRefusalOf(officer('office', null, ['supervision_office']), signers)).toContain('案件工作人员');
  });
});
