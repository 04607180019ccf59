import {
  PROBLEM_EVENTS,
  PROBLEM_STATES,
  PROBLEM_TRANSITIONS,
  type ProblemActor,
  type ProblemEvent,
  type ProblemState,
} from '../../../common/problems.js';
import type { Actor } from '../../platform/context.js';
import type { ProblemRow } from './problems.repository.js';

/** In what capacities the caller may act on this problem. */
export function capacitiesOf(actor: Actor, problem: Pick<ProblemRow, 'unitId'>): Set<ProblemActor> {
  const caps = new Set<ProblemActor>();
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

type Guarded = Pick<ProblemRow, 'state' | 'closeStage' | 'pendingEscalation' | 'escalationLevel'>;

/** Extra conditions on top of the transition table: the two-step closure and the escalation ladder. */
function guardHolds(event: ProblemEvent, actor: ProblemActor, p: Guarded): boolean {
  switch (event) {
    case 'approve_close_request':
      return p.closeStage === 'unit_head';
    case 'close':
      return p.closeStage === 'office';
    case 'reject_close':
      return p.closeStage === (actor === 'office' ? 'office' : 'unit_head');
    case 'escalate':
      return p.escalationLevel < 4;
    case 'dismiss_escalation':
      return p.pendingEscalation !== null;
    default:
      return true;
  }
}

/** The transition the caller may fire, or why not: 'state' (wrong state) or 'actor' (not allowed). */
export function findTransition(event: ProblemEvent, caps: Set<ProblemActor>, p: Guarded) {
  const forEvent = PROBLEM_TRANSITIONS.filter((t) => t.event === event);
  const inState = forEvent.filter((t) => t.from.includes(p.state as ProblemState));
  if (inState.length === 0) return { error: 'state' as const };
  const allowed = inState.filter((t) => caps.has(t.actor));
  if (allowed.length === 0) return { error: 'actor' as const };
  const ok = allowed.find((t) => guardHolds(event, t.actor, p));
  return ok ? { transition: ok } : { error: 'state' as const };
}

/** Events the caller may fire now (the `actions` of the API response). */
export function actionsFor(caps: Set<ProblemActor>, p: Guarded): ProblemEvent[] {
  const out = new Set<ProblemEvent>();
  for (const t of PROBLEM_TRANSITIONS) {
    if (t.from.includes(p.state as ProblemState) && caps.has(t.actor) && guardHolds(t.event, t.actor, p))
      out.add(t.event);
  }
  return [...out];
}

export const stateLabel = (s: string) => PROBLEM_STATES[s as ProblemState] ?? s;
export const eventLabel = (e: string) => PROBLEM_EVENTS[e as ProblemEvent] ?? e;
