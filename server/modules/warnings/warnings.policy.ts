import type { WarningCapacity } from '../../../common/warnings.states.js';
import type { Actor } from '../../platform/context.js';
import type { WarningRow } from './warnings.repository.js';

/** Warning managers (the office) see every warning of the region, not only the issued ones of their units. */
export const managesWarnings = (actor: Actor) => actor.permissions.has('warnings:manage');

/** In what capacities the caller may act on this warning. */
export function capacitiesOf(actor: Actor, warning: Pick<WarningRow, 'unitId'>): Set<WarningCapacity> {
  const caps = new Set<WarningCapacity>();
  if (managesWarnings(actor)) caps.add('office');
  const ownUnit = actor.scope.allUnits || actor.scope.unitIds.includes(warning.unitId);
  if (ownUnit && actor.permissions.has('problems:report')) caps.add('unit');
  return caps;
}
