import type { TalkCapacity } from '../../../common/talks.states.js';
import type { Actor } from '../../platform/context.js';

/** In what capacities the caller may act on a talk of its scope: only its organizers act on it. */
export function capacitiesOf(actor: Actor): Set<TalkCapacity> {
  return new Set(actor.permissions.has('talks:manage') ? ['organizer'] : []);
}
