import type { ProblemCapacity } from '../../../common/problems.states.js';
import type { Actor } from '../../platform/context.js';
import type { ProblemRow } from './problems.repository.js';

/** In what capacities the caller may act on this problem. */
export function capacitiesOf(actor: Actor, problem: Pick<ProblemRow, 'unitId'>): Set<ProblemCapacity> {
  const caps = new Set<ProblemCapacity>();
  if (actor.permissions.has('problems:manage')) caps.add('office');
  if (actor.permissions.has('problems:report')) {
    const ownUnit = actor.scope.allUnits || actor.scope.unitIds.includes(problem.unitId);
    if (ownUnit) {
      caps.add('unit');
      if (actor.roles.some((r) => r.role === 'unit_head')) caps.add('unit_head');
    }
  }
  return caps;
}
