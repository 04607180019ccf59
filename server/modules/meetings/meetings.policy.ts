import type { MeetingCapacity } from '../../../common/meetings.states.js';
import type { Actor } from '../../platform/context.js';

/** Meeting managers see every meeting of the region, not only those their unit sits in. */
export const managesMeetings = (actor: Actor) => actor.permissions.has('meetings:manage');

/** In what capacities the caller may act on a meeting of its scope: only its organizers act on it. */
export function capacitiesOf(actor: Actor): Set<MeetingCapacity> {
  return new Set(managesMeetings(actor) ? ['organizer'] : []);
}
