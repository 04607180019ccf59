import type { ComplaintCapacity } from '../../../common/complaints.states.js';
import type { Actor } from '../../platform/context.js';
import type { ComplaintReader, ComplaintRow } from './complaints.repository.js';

/** The reader the repository scopes every query by (decision "complaints confidentiality"). */
export const readerOf = (a: Actor): ComplaintReader => ({
  regionId: a.scope.regionId,
  userId: a.userId,
  leader: a.permissions.has('complaints:lead'),
});

/** In what capacities the caller acts on a complaint it can read. */
export function capacitiesOf(a: Actor, c: Pick<ComplaintRow, 'ownerUserId'>): Set<ComplaintCapacity> {
  const caps = new Set<ComplaintCapacity>();
  if (a.permissions.has('complaints:lead')) caps.add('leader');
  if (a.permissions.has('complaints:manage') && c.ownerUserId === a.userId) caps.add('owner');
  if (a.permissions.has('complaints:manage') && c.ownerUserId === null) caps.add('intake');
  return caps;
}
