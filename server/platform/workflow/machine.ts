import type { TransitionTable } from '../../../common/workflow.js';
import type { AuditType } from '../audit/audit.types.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Ctx, actorOf } from '../context.js';
import { keepIssuedCopies } from '../documents/document-copies.js';
import { type AppError, badRequest, conflict, forbidden, ruleViolation } from '../errors.js';

/**
 * The one transition engine of the server (STYLE "Workflows"). A machine is the shared table of
 * `common/<feature>.states.ts` plus what only the server knows: the guards over the row and the
 * wording of its refusals. Every module fires its events through `fireTransition`, so load →
 * 403/422 → version → patch → event row → audit → effects happen in the same order everywhere.
 */
export interface Machine<S extends string, E extends string, C extends string, X> {
  table: TransitionTable<S, E, C>;
  /** The object's name in messages: 问题, 案件, 预警 … */
  noun: string;
  /** Code of the 422 answered when the state (or a guard) does not allow the event. */
  illegalCode: string;
  /** Extra state-aware conditions on top of the table; `false` hides the action and answers 422. */
  guard?: (event: E, by: C, subject: X) => boolean;
  /** Message of the 403 when the state allows the event but none of the caller's capacities does. */
  forbiddenMessage?: (eventLabel: string) => string;
  /** Message of the 422 in place of the default `<noun>当前状态为“<state>”，不能执行“<event>”`. */
  illegalMessage?: (stateLabel: string, eventLabel: string) => string;
  /**
   * `true`: a caller who holds no capacity that fires the event in any state gets 403 before the state
   * is looked at (warnings, talks, meetings, tolerance and patrol's findings, circulars and typical cases
   * always answered so); by default a wrong state answers 422 whoever asks. An event the table does not
   * know answers 422 either way.
   */
  actorFirst?: boolean;
}

export const defineMachine = <S extends string, E extends string, C extends string, X>(m: Machine<S, E, C, X>) => m;

type Stateful = { state: string };

/**
 * Why an event cannot be fired on the object as it stands beyond its state — facts the row alone does not hold
 * (its subjects, its appeals, the caller's office) — with the refusal's own code and words, or null. The same
 * function hides the action (`actionsOf`) and answers the refusal (`fireTransition`, after the version).
 */
export type Refusal<E extends string> = (event: E) => AppError | null;

/** Events the caller may fire now: the `actions` of an API response. */
export function actionsOf<S extends string, E extends string, C extends string, X extends Stateful>(
  m: Machine<S, E, C, X>,
  caps: ReadonlySet<C>,
  subject: X,
  refusal?: Refusal<E>,
): E[] {
  const out = new Set<E>();
  for (const t of m.table.transitions) {
    if (t.from.includes(subject.state as S) && caps.has(t.by) && (m.guard?.(t.event, t.by, subject) ?? true)) {
      out.add(t.event);
    }
  }
  if (!refusal) return [...out];
  // Only whether a refusal exists matters here: no stack trace for errors built to be dropped (every row of a list).
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return [...out].filter((e) => !refusal(e));
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The transition the caller may fire, or why not: `state` (wrong state or a guard) or `actor` (no capacity). */
export function findTransition<S extends string, E extends string, C extends string, X extends Stateful>(
  m: Machine<S, E, C, X>,
  event: E,
  caps: ReadonlySet<C>,
  subject: X,
) {
  const forEvent = m.table.transitions.filter((t) => t.event === event);
  if (m.actorFirst && forEvent.length > 0 && !forEvent.some((t) => caps.has(t.by))) return { error: 'actor' as const };
  const inState = forEvent.filter((t) => t.from.includes(subject.state as S));
  if (inState.length === 0) return { error: 'state' as const };
  const allowed = inState.filter((t) => caps.has(t.by));
  if (allowed.length === 0) return { error: 'actor' as const };
  const ok = allowed.find((t) => m.guard?.(event, t.by, subject) ?? true);
  return ok ? { transition: ok } : { error: 'state' as const };
}

/** `findTransition` that answers the API's refusals: 403 without the capacity, 422 in the wrong state. */
export function requireTransition<S extends string, E extends string, C extends string, X extends Stateful>(
  m: Machine<S, E, C, X>,
  event: E,
  caps: ReadonlySet<C>,
  subject: X,
) {
  const found = findTransition(m, event, caps, subject);
  const eventLabel = m.table.events[event] ?? event;
  if ('error' in found) {
    if (found.error === 'actor') throw forbidden(m.forbiddenMessage?.(eventLabel));
    const stateLabel = m.table.states[subject.state as S] ?? subject.state;
    const message =
      m.illegalMessage?.(stateLabel, eventLabel) ?? `${m.noun}当前状态为“${stateLabel}”，不能执行“${eventLabel}”`;
    throw ruleViolation(m.illegalCode, message);
  }
  return found.transition;
}

/** An event that needs the caller's words (a reason, an opinion): 400 `请填写<what>` on `comment` without them. */
export function requireComment(comment: string | undefined, what: string): asserts comment is string {
  if (!comment) throw badRequest('COMMENT_REQUIRED', `请填写${what}`, 'comment');
}

/** What an event's handler adds to the transition: the row's other changes and the event's record. */
export interface Step<Row, S extends string> {
  patch?: Partial<Row>;
  payload?: Record<string, unknown>;
  comment?: string;
  late?: boolean;
  /** Overrides the table's target (an event whose outcome decides the state). */
  to?: S;
  /** Work after the row, the event and the audit are written (notifications, linked objects). */
  after?: (updated: Row) => Promise<void>;
}

/** The first entry of an object's timeline: `created` by the caller, into `toState`. */
export function createdEvent<S extends string>(ctx: Ctx, toState: S) {
  const a = actorOf(ctx);
  return { type: 'created' as const, toState, actorUserId: a.userId, actorName: a.displayName, at: ctx.now };
}

/** One entry of the object's timeline, in the column names every `*_events` table shares. */
export interface EventRecord<S extends string, E extends string> {
  type: E;
  fromState: S;
  toState: S;
  actorUserId: string | null;
  actorName: string;
  at: Date;
  /** The handler's comment if it wrote one, else the caller's. */
  comment: string | undefined;
  payload: Record<string, unknown>;
  late: boolean;
}

export interface Fire<
  Row extends Stateful & { version: number },
  S extends string,
  E extends string,
  C extends string,
> {
  machine: Machine<S, E, C, Row>;
  /** The row, already read inside the caller's scope (404 is the loader's job). */
  row: Row;
  capacities: ReadonlySet<C>;
  event: E;
  /** The version the caller saw; a stale one answers 409. */
  version: number;
  /** The caller's comment on the event, recorded unless the handler's Step gives another. */
  comment?: string;
  /** What the object as it stands refuses (see `Refusal`); checked after the table, the guard and the version. */
  refusal?: Refusal<E>;
  /** The event's own checks and writes; runs after the table, the guard, the version and the refusal agreed. */
  apply?: (transition: { to: S | null; by: C }) => Promise<Step<Row, S>> | Step<Row, S>;
  /** Writes `patch` if the row still has `version`; `null` means someone else changed it. */
  update: (patch: Partial<Row>, version: number) => Promise<Row | null>;
  /** Appends the event to the object's timeline. */
  record: (event: EventRecord<S, E>) => Promise<unknown>;
  audit: { type: AuditType; entity: string; entityId: string };
}

/**
 * Fires one event in the caller's transaction: table and guard (403/422) → version (409) → the
 * event's handler → update with the version → event row → audit → after-effects. Returns the
 * updated row. Notifications written by the effects reach users only if the transaction commits. Documents
 * the event issued are rendered last and kept as issued.
 */
export async function fireTransition<
  Row extends Stateful & { version: number },
  S extends string,
  E extends string,
  C extends string,
>(ctx: Ctx, f: Fire<Row, S, E, C>): Promise<Row> {
  const transition = requireTransition(f.machine, f.event, f.capacities, f.row);
  if (f.row.version !== f.version) throw conflict();
  const refused = f.refusal?.(f.event);
  if (refused) throw refused;
  const step = (await f.apply?.(transition)) ?? {};
  const from = f.row.state as S;
  const to = step.to ?? transition.to ?? from;
  const updated = await f.update({ ...step.patch, state: to } as unknown as Partial<Row>, f.version);
  if (!updated) throw conflict();
  const payload = step.payload ?? {};
  const late = step.late ?? false;
  await f.record({
    type: f.event,
    fromState: from,
    toState: to,
    actorUserId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? '系统',
    at: ctx.now,
    comment: step.comment ?? f.comment,
    payload,
    late,
  });
  await recordAudit(ctx, {
    ...f.audit,
    before: { state: from, version: f.row.version },
    after: { event: f.event, state: to, version: updated.version, payload, ...(late ? { late } : {}) },
  });
  await step.after?.(updated);
  await keepIssuedCopies(ctx);
  return updated;
}
