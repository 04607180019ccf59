/**
 * The shape of every state machine of the product, shared by server and web (labels, buttons).
 * One row per (event, capacity): `by` is the capacity in which the caller acts on the object.
 */
export interface Transition<S extends string, E extends string, C extends string> {
  event: E;
  from: readonly S[];
  /** Target state; `null` keeps the current state. */
  to: S | null;
  by: C;
}

export interface TransitionTable<S extends string, E extends string, C extends string> {
  states: Record<S, string>;
  events: Record<E, string>;
  /** Every capacity that appears in `transitions`, with its label. */
  capacities: Record<C, string>;
  transitions: readonly Transition<S, E, C>[];
}

export const defineTable = <S extends string, E extends string, C extends string>(t: TransitionTable<S, E, C>) => t;
