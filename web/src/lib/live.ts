/**
 * The one event stream of the signed-in user (GET /api/notifications/stream), shared by every subscriber:
 * opened with the first subscription, closed with the last. The browser reconnects by itself; `open`
 * fires on the first connection and on every reconnection, so subscribers can refetch what they missed.
 */
export type LiveEventName = 'open' | 'unread' | 'notification' | 'read' | 'changed';
/** The stream's events and the EventSource's own `error` (a lost or refused connection). */
type StreamEventName = LiveEventName | 'error';
type Handler = (event: MessageEvent<string>) => void;

const STREAM_URL = '/api/notifications/stream';
const NAMES = ['open', 'unread', 'notification', 'read', 'changed', 'error'] as const satisfies StreamEventName[];
const handlers = new Map<StreamEventName, Set<Handler>>();
let source: EventSource | null = null;
/** The events the current connection has delivered since it (re)opened. */
const delivered = new Set<StreamEventName>();

function count(): number {
  let n = 0;
  for (const set of handlers.values()) n += set.size;
  return n;
}

function open(): EventSource {
  const s = new EventSource(STREAM_URL);
  delivered.clear();
  for (const name of NAMES) {
    s.addEventListener(name, (e) => {
      if (name === 'open' || name === 'error') delivered.clear();
      delivered.add(name);
      for (const fn of handlers.get(name) ?? []) fn(e as MessageEvent<string>);
    });
  }
  return s;
}

function listen(event: StreamEventName, fn: Handler): () => void {
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

/** Calls `fn` on each `event` of the stream; returns the unsubscribe function. */
export function subscribeLive(event: LiveEventName, fn: Handler): () => void {
  return listen(event, fn);
}

/**
 * The data of the current connection's first `event` (opening the stream if need be); null when this connection has
 * already delivered it (a later refetch asks the server itself), without EventSource, or when the stream errs or
 * stays silent for `timeoutMs` — the caller then asks over HTTP.
 */
export function firstLive(event: LiveEventName, timeoutMs: number, signal?: AbortSignal): Promise<string | null> {
  if (typeof EventSource === 'undefined' || delivered.has(event)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const offs: (() => void)[] = [];
    let settled = false;
    const done = (data: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', giveUp);
      for (const off of offs) off();
      resolve(data);
    };
    const giveUp = () => done(null);
    const timer = setTimeout(giveUp, timeoutMs);
    signal?.addEventListener('abort', giveUp);
    offs.push(
      listen(event, (e) => done(e.data)),
      listen('error', giveUp),
    );
  });
}
