import type {
  CircularCapacity,
  FindingCapacity,
  TaskCapacity,
  TypicalCaseCapacity,
} from '../../../common/patrol.states.js';
import type { Actor } from '../../platform/context.js';
import type { TaskRow } from './patrol.repository.js';

/** The leading group's office: it issues tasks and decides on findings, circulars and typical cases. */
export const isManager = (a: Actor) => a.permissions.has('patrol:manage');

/** The patrol groups the caller belongs to (a dispatched group's grant does not count). */
export const groupIdsOf = (a: Actor) =>
  a.roles.filter((r) => r.role === 'patrol_group' && r.groupId).map((r) => r.groupId as string);

/** In what capacities the caller may act on a task: the office, and the members of the group it is addressed to. */
export function taskCapacitiesOf(actor: Actor, task: Pick<TaskRow, 'groupId'>): Set<TaskCapacity> {
  const caps = new Set<TaskCapacity>();
  if (isManager(actor)) caps.add('office');
  if (groupIdsOf(actor).includes(task.groupId)) caps.add('group');
  return caps;
}

/** Deciding on a finding may create problems, so the office needs the problems' management too. */
export function findingCapacitiesOf(actor: Actor): Set<FindingCapacity> {
  return new Set(isManager(actor) && actor.permissions.has('problems:manage') ? ['office'] : []);
}

/** The office publishes circulars; approving one takes the approval permission as well (a commission leader). */
export function circularCapacitiesOf(actor: Actor): Set<CircularCapacity> {
  const caps = new Set<CircularCapacity>();
  if (!isManager(actor)) return caps;
  caps.add('office');
  if (actor.permissions.has('patrol:approve')) caps.add('approver');
  return caps;
}

export function typicalCaseCapacitiesOf(actor: Actor): Set<TypicalCaseCapacity> {
  return new Set(isManager(actor) ? ['office'] : []);
}
