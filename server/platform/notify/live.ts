/**
 * Live events across app instances: `publishLive` sends PostgreSQL NOTIFY on the caller's
 * connection, so an event published inside a transaction is delivered only if it commits
 * (and after it commits); `LiveHub` LISTENs once per process and fans events out to in-process
 * subscribers. The same code runs on PostgreSQL (a dedicated pg client) and PGlite (`pglite.listen`).
 */
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Database, Executor } from '../db/client.js';

export const LIVE_CHANNEL = 'zelian_live';
/** NOTIFY payloads must stay under 8000 bytes. */
const MAX_PAYLOAD_BYTES = 7900;

export interface LiveEvent {
  topic: string;
  payload: unknown;
}

/** Queues events in the caller's transaction (one statement for the whole batch). */
export async function publishLive(db: Executor, events: LiveEvent[]): Promise<void> {
  const texts = events.map((e) => JSON.stringify(e)).filter((text) => Buffer.byteLength(text) <= MAX_PAYLOAD_BYTES);
  if (texts.length === 0) return;
  const values = sql.join(
    texts.map((t) => sql`${t}`),
    sql`, `,
  );
  await db.execute(sql`SELECT pg_notify(${LIVE_CHANNEL}, x) FROM unnest(ARRAY[${values}]::text[]) AS x`);
}

type Listener = (payload: unknown) => void;
/** `true`: the listener is live (every committed event from now on is delivered); `false`: it was lost or closed. */
type StatusListener = (live: boolean) => void;

/** One LISTEN connection per process, shared by every subscriber. */
export class LiveHub {
  private readonly emitter = new EventEmitter();
  private started: Promise<void> | null = null;
  private stop: (() => Promise<void>) | null = null;
  private closed = false;
  private live = false;
  private readonly statusListeners = new Set<StatusListener>();

  constructor(private readonly database: Database) {
    this.emitter.setMaxListeners(0);
  }

  /** Calls `fn` with the payload of each event on `topic`; returns the unsubscribe function. */
  async subscribe(topic: string, fn: Listener): Promise<() => void> {
    // A failed start (database unreachable) is retried by the next subscriber instead of failing them all.
    this.started ??= this.start().catch((err) => {
      this.started = null;
      throw err;
    });
    await this.started;
    this.emitter.on(topic, fn);
    return () => this.emitter.off(topic, fn);
  }

  /** Whether the listener is connected now: while it is, no committed event goes undelivered. */
  get isLive(): boolean {
    return this.live;
  }

  /**
   * Calls `fn` whenever the listener becomes live (first start, reconnect) or is lost (events may be missed
   * until it is back); returns the unsubscribe function. Caches that rely on the events use it.
   */
  onStatus(fn: StatusListener): () => void {
    this.statusListeners.add(fn);
    return () => this.statusListeners.delete(fn);
  }

  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    for (const fn of [...this.statusListeners]) fn(live);
  }

  listenerCount(topic: string): number {
    return this.emitter.listenerCount(topic);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.setLive(false);
    this.statusListeners.clear();
    this.emitter.removeAllListeners();
    await this.started?.catch(() => undefined);
    await this.stop?.();
    this.stop = null;
  }

  private dispatch = (text: string) => {
    try {
      const event = JSON.parse(text) as LiveEvent;
      if (typeof event.topic === 'string') this.emitter.emit(event.topic, event.payload);
    } catch {
      // Not ours: ignore.
    }
  };

  private async start(): Promise<void> {
    if (this.database.pglite) {
      const unlisten = await this.database.pglite.listen(LIVE_CHANNEL, this.dispatch);
      this.stop = () => unlisten();
      if (!this.closed) this.setLive(true);
      return;
    }
    await this.connectPg();
  }

  private async connectPg(): Promise<void> {
    const client = new pg.Client({ ...this.database.pool?.options });
    client.on('notification', (msg) => {
      if (msg.channel === LIVE_CHANNEL && msg.payload) this.dispatch(msg.payload);
    });
    // Only a listener that was live reconnects: a failed attempt is retried by its caller, so a second
    // reconnect loop (and a second listener delivering every event twice) never starts.
    let state: 'connecting' | 'live' | 'ended' = 'connecting';
    const onLost = () => {
      // The listener dropped (database restart, network): reconnect; events in between are missed,
      // which the clients tolerate by refetching when their own stream reconnects.
      const wasLive = state === 'live';
      state = 'ended';
      if (!wasLive) return;
      this.setLive(false);
      void client.end().catch(() => undefined);
      if (!this.closed) void this.reconnectPg();
    };
    client.on('error', onLost);
    client.on('end', onLost);
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (err) {
      state = 'ended';
      void client.end().catch(() => undefined);
      throw err;
    }
    if (state !== 'connecting') throw new Error('live listener lost while connecting');
    state = 'live';
    this.stop = async () => {
      state = 'ended';
      this.setLive(false);
      await client.end();
    };
    if (this.closed) await this.stop();
    else this.setLive(true);
  }

  /** Tries again with growing pauses (1 s, 2 s, 4 s … 10 s) until the listener is back or the hub closes. */
  private async reconnectPg(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** attempt, 10_000)).unref());
      if (this.closed) return;
      try {
        await this.connectPg();
        return;
      } catch {
        // Still unreachable: wait longer.
      }
    }
  }
}

const hubs = new WeakMap<Database, LiveHub>();

/** The hub of this database in this process. */
export function liveHub(database: Database): LiveHub {
  let hub = hubs.get(database);
  if (!hub) {
    hub = new LiveHub(database);
    hubs.set(database, hub);
  }
  return hub;
}

export async function closeLiveHub(database: Database): Promise<void> {
  const hub = hubs.get(database);
  hubs.delete(database);
  await hub?.close();
}
