import type { Actor } from '../../platform/context.js';

/**
 * Which units' figures the caller sees: the region-wide roles (委领导, 监督室, 组织部 read-only) every unit of
 * their region; any other reader only the units of its grants. `null` = every unit of the region.
 */
export function visibleUnits(actor: Actor): string[] | null {
  return actor.scope.allUnits ? null : actor.scope.unitIds;
}

/** Whether a unit asked for by `unitId` lies in the caller's scope (its region is checked by the query). */
export function mayViewUnit(actor: Actor, unitId: string): boolean {
  const units = visibleUnits(actor);
  return units === null || units.includes(unitId);
}
