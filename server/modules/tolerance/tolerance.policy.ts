import type { ToleranceCapacity } from '../../../common/tolerance.states.js';
import type { Actor } from '../../platform/context.js';
import type { FilingRow } from './tolerance.repository.js';

/** Filing units (tolerance:file) also see their own drafts. */
export const filesTolerance = (actor: Actor) => actor.permissions.has('tolerance:file');

/** In what capacities the caller may act on this filing. */
export function capacitiesOf(actor: Actor, filing: Pick<FilingRow, 'unitId'>): Set<ToleranceCapacity> {
  const caps = new Set<ToleranceCapacity>();
  const ownUnit = actor.scope.allUnits || actor.scope.unitIds.includes(filing.unitId);
  if (filesTolerance(actor) && ownUnit) caps.add('unit');
  if (actor.permissions.has('tolerance:approve')) caps.add('approver');
  return caps;
}
