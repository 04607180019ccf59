import { describe, expect, it } from 'vitest';
import {
  PROBLEM_EVENTS,
  PROBLEM_STATES,
  PROBLEM_TRANSITIONS,
  type ProblemActor,
  type ProblemEvent,
  type ProblemState,
} from '../../../common/problems.js';
import { actionsFor, findTransition } from './problems.states.js';

const STATES = Object.keys(PROBLEM_STATES) as ProblemState[];
const EVENTS = Object.keys(PROBLEM_EVENTS) as ProblemEvent[];
const ACTORS: ProblemActor[] = ['office', 'unit', 'unit_head'];
const base = { closeStage: null as string | null, pendingEscalation: null as number | null, escalationLevel: 0 };

/** What the rules say, written out by hand (independent of the transition table's shape). */
function expected(
  state: ProblemState,
  event: ProblemEvent,
  caps: Set<ProblemActor>,
  stage: string | null,
  pending: number | null,
) {
  const open = state === 'dispatched' || state === 'rectifying' || state === 'close_requested';
  const office = caps.has('office');
  const unit = caps.has('unit');
  const head = caps.has('unit_head');
  switch (event) {
    case 'dispatch':
      return state === 'draft' && office;
    case 'receive':
      return state === 'dispatched' && unit;
    case 'report_progress':
    case 'request_close':
      return state === 'rectifying' && unit;
    case 'approve_close_request':
      return state === 'close_requested' && stage === 'unit_head' && head;
    case 'close':
      return state === 'close_requested' && stage === 'office' && office;
    case 'reject_close':
      return state === 'close_requested' && ((stage === 'office' && office) || (stage === 'unit_head' && head));
    case 'reopen':
      return state === 'closed' && office;
    case 'escalate':
      return open && office;
    case 'dismiss_escalation':
      return open && office && pending !== null;
    default:
      return false; // system events (colour, proposals, common groups) are never fired through the API
  }
}

describe('problem state machine', () => {
  const capSets: Set<ProblemActor>[] = [
    new Set(),
    ...ACTORS.map((a) => new Set([a])),
    new Set<ProblemActor>(['unit', 'unit_head']),
    new Set<ProblemActor>(['office', 'unit']),
  ];
  for (const state of STATES) {
    for (const stage of state === 'close_requested' ? ['unit_head', 'office'] : [null]) {
      for (const pending of [null, 1]) {
        it(`${state}${stage ? `/${stage}` : ''}${pending ? '/pending' : ''}: every event × every capacity`, () => {
          for (const caps of capSets) {
            const p = { ...base, state, closeStage: stage, pendingEscalation: pending };
            const allowed = EVENTS.filter((e) => expected(state, e, caps, stage, pending));
            expect(actionsFor(caps, p).sort(), `${[...caps]}`).toEqual(allowed.sort());
            for (const e of EVENTS) {
              const r = findTransition(e, caps, p);
              expect('transition' in r, `${e} by ${[...caps]}`).toBe(allowed.includes(e));
            }
          }
        });
      }
    }
  }

  it('lands every transition in a known state', () => {
    for (const t of PROBLEM_TRANSITIONS) {
      if (t.to) expect(STATES).toContain(t.to);
      for (const f of t.from) expect(STATES).toContain(f);
    }
  });

  it('tells a wrong state (422) from a wrong person (403)', () => {
    const p = { ...base, state: 'dispatched' as ProblemState };
    expect(findTransition('close', new Set(['office']), p)).toEqual({ error: 'state' });
    expect(findTransition('receive', new Set(['office']), p)).toEqual({ error: 'actor' });
  });
});
