import type { DispatchCapacity, ReportCapacity } from '../../../common/responsibility.states.js';
import type { Actor } from '../../platform/context.js';

export interface Addressed {
  recipientKind: string;
  recipientPersonId: string | null;
  unitId: string | null;
}

/** The unit accounts (liaison or head) granted on exactly this unit. */
const ofUnit = (actor: Actor, unitId: string | null, roles: string[]) =>
  !!unitId && actor.roles.some((g) => roles.includes(g.role) && g.unitId === unitId);

/** Whether the caller answers for a list: the county leader it names, or the accounts of its unit. */
export function isRecipient(actor: Actor, d: Addressed) {
  if (!actor.permissions.has('responsibility:report')) return false;
  if (d.recipientKind === 'leader') return !!actor.personId && actor.personId === d.recipientPersonId;
  return ofUnit(actor, d.unitId, ['unit_liaison', 'unit_head']);
}

/** In what capacities the caller acts on a dispatch of its scope. */
export function dispatchCapacities(actor: Actor, d: Addressed): Set<DispatchCapacity> {
  const caps = new Set<DispatchCapacity>();
  if (actor.permissions.has('responsibility:manage')) caps.add('office');
  if (isRecipient(actor, d)) caps.add('recipient');
  return caps;
}

/** The recipient reports; a unit's head (or the office, for a county leader's report) approves. */
export function reportCapacities(actor: Actor, r: Addressed): Set<ReportCapacity> {
  const caps = new Set<ReportCapacity>();
  if (isRecipient(actor, r)) caps.add('reporter');
  const approves =
    r.recipientKind === 'leader'
      ? actor.permissions.has('responsibility:manage')
      : ofUnit(actor, r.unitId, ['unit_head']) && actor.permissions.has('responsibility:report');
  if (approves) caps.add('approver');
  return caps;
}
