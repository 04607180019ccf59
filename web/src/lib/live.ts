/**
 * The one event stream of the signed-in user (GET /api/notifications/stream), shared by every subscriber:
 * opened with the first subscription, closed with the last. The browser reconnects by itself; `open`
 * fires on the first connection and on every reconnection, so subscribers can refetch what they missed.
 */
export type LiveEventName = 'open' | 'notification' | 'read' | 'changed';
type Handler = (event: MessageEvent<string>) => void;

const STREAM_URL = '/api/notifications/stream';
const handlers = new Map<LiveEventName, Set<Handler>>();
let source: EventSource | null = null;

function count(): number {
  let n = 0;
  for (const set of handlers.values()) n += set.size;
  return n;
}

function open(): EventSource {
  const s = new EventSource(STREAM_URL);
  for (const name of ['open', 'notification', 'read', 'changed'] as const) {
    s.addEventListener(name, (e) => {
      for (const fn of handlers.get(name) ?? []) fn(e as MessageEvent<string>);
    });
  }
  return s;
}

/** Calls `fn` on each `event` of the stream; returns the unsubscribe function. */
export function subscribeLive(event: LiveEventName, fn: Handler): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  let set = handlers.get(event);
  if (!set) {
    set = new Set();
    handlers.set(event, set);
  }
  set.add(fn);
  source ??= open();
  return () => {
    set.delete(fn);
    if (count() === 0) {
      source?.close();
      source = null;
    }
  };
}
