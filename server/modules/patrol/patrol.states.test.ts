import { describe, expect, it } from 'vitest';
import type { CircularEvent, FindingEvent, TaskEvent, TypicalCaseEvent } from '../../../common/patrol.js';
import type {
  CircularCapacity,
  FindingCapacity,
  TaskCapacity,
  TypicalCaseCapacity,
} from '../../../common/patrol.states.js';
import { ROLE_PERMISSIONS, type Role } from '../../../common/roles.js';
import type { Actor } from '../../platform/context.js';
import { findTransition } from '../../platform/workflow/machine.js';
import { describeMachine } from '../../test/machine.js';
import {
  circularCapacitiesOf,
  findingCapacitiesOf,
  taskCapacitiesOf,
  typicalCaseCapacitiesOf,
} from './patrol.policy.js';
import { circularMachine, findingMachine, taskMachine, typicalCaseMachine } from './patrol.states.js';

// What the rules say, written out by hand (independent of the transition tables' shape).

function taskExpected(event: TaskEvent, caps: ReadonlySet<TaskCapacity>, { state }: { state: string }) {
  const office = caps.has('office');
  const group = caps.has('group');
  switch (event) {
    case 'issue':
      return state === 'draft' && office;
    case 'start':
      return state === 'issued' && group;
    case 'report':
      return (state === 'issued' || state === 'in_progress') && group;
    case 'complete':
    case 'return':
      return state === 'reported' && office;
    case 'cancel':
      return (state === 'draft' || state === 'issued' || state === 'in_progress') && office;
  }
}

function findingExpected(event: FindingEvent, caps: ReadonlySet<FindingCapacity>, { state }: { state: string }) {
  if (!caps.has('office')) return false;
  switch (event) {
    case 'merge':
    case 'escalate':
      return state === 'submitted';
    case 'dispatch':
    case 'close':
      return state === 'submitted' || state === 'escalated';
    case 'instruct':
      return state === 'escalated';
  }
}

function circularExpected(event: CircularEvent, caps: ReadonlySet<CircularCapacity>, { state }: { state: string }) {
  if (event === 'approve') return state === 'draft' && caps.has('approver');
  return state === 'approved' && caps.has('office');
}

function typicalCaseExpected(
  _: TypicalCaseEvent,
  caps: ReadonlySet<TypicalCaseCapacity>,
  { state }: { state: string },
) {
  return state === 'draft' && caps.has('office');
}

const stateOnly = [{}];

describeMachine('patrol task', taskMachine, {
  variants: stateOnly,
  capacitySets: [['office', 'group']],
  expected: taskExpected,
});
describeMachine('patrol finding', findingMachine, { variants: stateOnly, expected: findingExpected });
describeMachine('patrol circular', circularMachine, {
  variants: stateOnly,
  capacitySets: [['office', 'approver']],
  expected: circularExpected,
});
describeMachine('typical case', typicalCaseMachine, { variants: stateOnly, expected: typicalCaseExpected });

describe('patrol refusals', () => {
  it('tell a wrong state (422) from a wrong person (403)', () => {
    const office = new Set<TaskCapacity>(['office']);
    expect(findTransition(taskMachine, 'complete', office, { state: 'issued' })).toEqual({ error: 'state' });
    expect(findTransition(taskMachine, 'start', office, { state: 'issued' })).toEqual({ error: 'actor' });
    // An office without the approval permission may publish an approved circular but not approve a draft.
    const publisher = new Set<CircularCapacity>(['office']);
    expect(findTransition(circularMachine, 'approve', publisher, { state: 'draft' })).toEqual({ error: 'actor' });
    expect(findTransition(circularMachine, 'publish', publisher, { state: 'draft' })).toEqual({ error: 'state' });
  });
});

describe('patrol capacities', () => {
  const actor = (role: Role, groupId: string | null = null) =>
    ({
      roles: [{ role, regionId: 'r', unitId: null, groupId }],
      permissions: new Set(ROLE_PERMISSIONS[role]),
    }) as unknown as Actor;
  const sorted = (caps: ReadonlySet<string>) => [...caps].sort();

  it('give the office every decision, the approval to the commission leader, a task to its own group', () => {
    const task = { groupId: 'g1' };
    expect(sorted(taskCapacitiesOf(actor('supervision_office'), task))).toEqual(['office']);
    expect(sorted(taskCapacitiesOf(actor('patrol_group', 'g1'), task))).toEqual(['group']);
    expect(sorted(taskCapacitiesOf(actor('patrol_group', 'g2'), task))).toEqual([]);
    expect(sorted(taskCapacitiesOf(actor('unit_liaison'), task))).toEqual([]);

    expect(sorted(findingCapacitiesOf(actor('supervision_office')))).toEqual(['office']);
    expect(sorted(findingCapacitiesOf(actor('patrol_group', 'g1')))).toEqual([]);

    expect(sorted(circularCapacitiesOf(actor('commission_leader')))).toEqual(['approver', 'office']);
    expect(sorted(circularCapacitiesOf(actor('supervision_office')))).toEqual(['office']);
    expect(sorted(circularCapacitiesOf(actor('unit_head')))).toEqual([]);

    expect(sorted(typicalCaseCapacitiesOf(actor('supervision_office')))).toEqual(['office']);
    expect(sorted(typicalCaseCapacitiesOf(actor('patrol_group', 'g1')))).toEqual([]);
  });
});
