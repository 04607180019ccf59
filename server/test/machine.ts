import { describe, expect, it } from 'vitest';
import { actionsOf, findTransition, type Machine } from '../platform/workflow/machine.js';

/**
 * The exhaustive state × event × capacity test every machine gets: for each state (and each variant
 * of the guarded fields a module lists), each event of the table and each set of capacities, the
 * engine must allow exactly what `expected` — the rules written out by hand, independent of the
 * table's shape — allows, and `actions` must agree with `findTransition`.
 */
export function describeMachine<S extends string, E extends string, C extends string, X extends { state: string }>(
  name: string,
  m: Machine<S, E, C, X>,
  opts: {
    /** Variants of the guarded fields; each is tried in every state. */
    variants: Omit<X, 'state'>[];
    /** Capacity sets to try; the empty set and every single capacity are always added. */
    capacitySets?: C[][];
    expected: (event: E, caps: ReadonlySet<C>, subject: X) => boolean;
  },
) {
  const states = Object.keys(m.table.states) as S[];
  const events = Object.keys(m.table.events) as E[];
  const caps = Object.keys(m.table.capacities) as C[];
  const sets = [[], ...caps.map((c) => [c]), ...(opts.capacitySets ?? [])].map((s) => new Set<C>(s));

  describe(`${name} state machine`, () => {
    it('names every state, event and capacity its transitions use', () => {
      for (const t of m.table.transitions) {
        expect(m.table.events[t.event], t.event).toBeDefined();
        expect(m.table.capacities[t.by], t.by).toBeDefined();
        for (const s of [...t.from, ...(t.to ? [t.to] : [])]) expect(m.table.states[s], s).toBeDefined();
      }
    });

    it(`allows exactly the rules: ${states.length} states × ${events.length} events × ${sets.length} capacity sets`, () => {
      let checked = 0;
      for (const state of states) {
        for (const variant of opts.variants) {
          const subject = { ...variant, state } as unknown as X;
          for (const set of sets) {
            const actions = actionsOf(m, set, subject);
            for (const event of events) {
              const want = opts.expected(event, set, subject);
              const why = `${state} ${JSON.stringify(variant)} ${event} [${[...set]}]`;
              expect(actions.includes(event), why).toBe(want);
              expect('transition' in findTransition(m, event, set, subject), why).toBe(want);
              checked++;
            }
          }
        }
      }
      expect(checked).toBe(states.length * opts.variants.length * sets.length * events.length);
    });
  });
}
