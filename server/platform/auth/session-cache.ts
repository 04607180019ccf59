/**
 * In-process cache of what a request's authentication reads (issue #19): the session, its user, the user's role
 * grants and the stored security policy, keyed by session id, so that a request with a known session makes no
 * database round trip before its own work.
 *
 * It must never serve what the database no longer says, on this instance or after a write by another one:
 * - Every write to sessions (but the touch of last_seen_at), users, user_roles and the security policy is announced
 *   by database triggers (migration 0041) on the live hub's channel, topic `auth.invalidate`, when it commits; each
 *   instance evicts what it names. The cache is therefore used only while this process's listener is live, and
 *   emptied whenever the listener is (re)connected or lost.
 * - The repository functions that write those tables evict at once on this instance too (`evictSessions`), so a
 *   sign-out is final before its answer, even before the notification arrives. A write inside a transaction also
 *   keeps what it touched out of the cache until the transaction ends (`transactionEnded`, called by the request
 *   runner after commit or rollback): a read in between would still see the old rows.
 * - Each eviction bumps a generation: a read started before it is not stored after it.
 * - Entries live at most TTL_MS, and at most MAX_ENTRIES are kept (the oldest go first).
 * The caller (authenticate) trusts an entry only when it lets the request through; a cached copy that would refuse
 * (idle, expired, disabled) is checked against a fresh read first.
 */
import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Database, Db, Executor } from '../db/client.js';
import { liveHub } from '../notify/live.js';

export const AUTH_INVALIDATE_TOPIC = 'auth.invalidate';
const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;
/** How long a transaction that never reports its end (not run by a request) keeps its keys out of the cache. */
const PENDING_MS = 30_000;

/** What authentication reads for a session (auth.repository findSessionWithUser), as far as it uses it. */
export interface SessionAuth {
  session: { id: string; userId: string; csrfToken: string; createdAt: Date; lastSeenAt: Date };
  user: {
    id: string;
    username: string;
    displayName: string;
    personId: string | null;
    totpEnabled: boolean;
    disabled: boolean;
    mustChangePassword: boolean;
  } | null;
  roles: { role: string; regionId: string | null; unitId: string | null; groupId: string | null }[];
  setting: { value: unknown; version: number } | null;
}

/** What an eviction names: one session, every session of a user, or everything. */
export type Eviction = { session: string } | { user: string } | 'all';

interface Entry {
  value: SessionAuth;
  userId: string;
  storedAt: number;
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private hubLive = false;
  private subscribed = false;
  /** Requests answered from the cache, and reads that went to the database (for tests and diagnostics). */
  readonly stats = { hits: 0, reads: 0 };

  /** Used only while the listener is live and this cache hears its topic. */
  get usable(): boolean {
    return this.hubLive && this.subscribed;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached read of `sessionId`, if any (and not held back by a transaction that changed it). */
  get(sessionId: string): SessionAuth | undefined {
    if (!this.usable) return undefined;
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (performance.now() - entry.storedAt > TTL_MS || pendingFor(sessionId, entry.userId)) {
      this.entries.delete(sessionId);
      return undefined;
    }
    this.stats.hits++;
    return entry.value;
  }

  /** Called before a database read: the token `put` needs, so that an eviction in between wins. */
  begin(): number {
    this.stats.reads++;
    return this.generation;
  }

  /** Stores a read that let the request through, unless anything was evicted since `begin` returned `token`. */
  put(sessionId: string, found: SessionAuth, token: number): void {
    const { session, user } = found;
    if (!this.usable || token !== this.generation || !user || pendingFor(sessionId, session.userId)) return;
    // Only what authentication uses: no password hash or TOTP secret kept in memory.
    const value: SessionAuth = {
      session: {
        id: session.id,
        userId: session.userId,
        csrfToken: session.csrfToken,
        createdAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
      },
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        personId: user.personId,
        totpEnabled: user.totpEnabled,
        disabled: user.disabled,
        mustChangePassword: user.mustChangePassword,
      },
      roles: found.roles,
      setting: found.setting,
    };
    this.entries.delete(sessionId);
    while (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(sessionId, { value, userId: session.userId, storedAt: performance.now() });
  }

  /** This instance has just written `at` as the session's last_seen_at (which notifies nobody). */
  touched(sessionId: string, at: Date): void {
    const entry = this.entries.get(sessionId);
    if (entry) entry.value.session.lastSeenAt = at;
  }

  evict(what: Eviction): void {
    this.generation++;
    if (what === 'all') this.entries.clear();
    else if ('session' in what) this.entries.delete(what.session);
    else for (const [id, entry] of this.entries) if (entry.userId === what.user) this.entries.delete(id);
  }

  /** A notification of the triggers: `{ session }`, `{ user }` or `{ all: true }`; anything else empties the cache. */
  invalidate(payload: unknown): void {
    const p = (payload ?? {}) as { session?: unknown; user?: unknown };
    if (typeof p.session === 'string') this.evict({ session: p.session });
    else if (typeof p.user === 'string') this.evict({ user: p.user });
    else this.evict('all');
  }

  /** The listener or the subscription changed: whatever was cached may have missed events. */
  setState(state: { hubLive?: boolean; subscribed?: boolean }): void {
    this.hubLive = state.hubLive ?? this.hubLive;
    this.subscribed = state.subscribed ?? this.subscribed;
    this.evict('all');
  }
}

const byDb = new WeakMap<Db, { cache: SessionCache; refs: number; stop: () => void }>();
const running = new Set<SessionCache>();

/** The session cache of this database handle when it may be used now, else undefined. */
export function sessionCacheOf(db: Executor): SessionCache | undefined {
  const cache = byDb.get(db as Db)?.cache;
  return cache?.usable ? cache : undefined;
}

/**
 * Starts the session cache of `database` in this process: subscribes to the invalidations on the live hub (which
 * starts the listener) and follows the listener's state. Returns the function that stops it.
 */
export async function startSessionCache(database: Database): Promise<() => void> {
  const existing = byDb.get(database.db);
  if (existing) {
    existing.refs++;
    return once(() => release(database.db));
  }
  const cache = new SessionCache();
  const hub = liveHub(database);
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let offTopic = () => {};
  const offStatus = hub.onStatus((live) => cache.setState({ hubLive: live }));
  const subscribe = async () => {
    try {
      offTopic = await hub.subscribe(AUTH_INVALIDATE_TOPIC, (payload) => cache.invalidate(payload));
      if (stopped) return offTopic();
      cache.setState({ subscribed: true, hubLive: hub.isLive });
    } catch {
      // The database cannot be reached now: no cache until the listener is up.
      if (!stopped) retry = setTimeout(subscribe, 10_000).unref();
    }
  };
  const stop = () => {
    stopped = true;
    clearTimeout(retry);
    offStatus();
    offTopic();
    cache.setState({ hubLive: false, subscribed: false });
    running.delete(cache);
  };
  byDb.set(database.db, { cache, refs: 1, stop });
  running.add(cache);
  await subscribe();
  return once(() => release(database.db));
}

function release(db: Db): void {
  const started = byDb.get(db);
  if (!started || --started.refs > 0) return;
  byDb.delete(db);
  started.stop();
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) fn();
    done = true;
  };
}

/** Keys written by transactions that have not ended: `s:<session>`, `u:<user>`, `*`, with their count. */
const pendingKeys = new Map<string, number>();
const pendingTx = new Map<Executor, { keys: Set<string>; until: number }>();

const keyOf = (what: Eviction) => (what === 'all' ? '*' : 'session' in what ? `s:${what.session}` : `u:${what.user}`);

function pendingFor(sessionId: string, userId: string): boolean {
  if (pendingKeys.size === 0) return false;
  const now = performance.now();
  for (const [tx, p] of pendingTx) if (p.until < now) settle(tx);
  return pendingKeys.has('*') || pendingKeys.has(`s:${sessionId}`) || pendingKeys.has(`u:${userId}`);
}

function settle(tx: Executor): Set<string> | undefined {
  const p = pendingTx.get(tx);
  if (!p) return undefined;
  pendingTx.delete(tx);
  for (const key of p.keys) {
    const n = (pendingKeys.get(key) ?? 1) - 1;
    if (n > 0) pendingKeys.set(key, n);
    else pendingKeys.delete(key);
  }
  return p.keys;
}

/**
 * Called by the repository right after a write that changes what authentication reads: evicts it in every cache
 * of this process, and when `db` is a transaction keeps it out of the caches until `transactionEnded(db)`.
 */
export function evictSessions(db: Executor, what: Eviction): void {
  for (const cache of running) cache.evict(what);
  if (!is(db, PgTransaction) || running.size === 0) return;
  let p = pendingTx.get(db);
  if (!p) {
    p = { keys: new Set(), until: 0 };
    pendingTx.set(db, p);
  }
  p.until = performance.now() + PENDING_MS;
  const key = keyOf(what);
  if (!p.keys.has(key)) {
    p.keys.add(key);
    pendingKeys.set(key, (pendingKeys.get(key) ?? 0) + 1);
  }
}

/** A transaction ended (committed or rolled back): what it wrote is evicted once more and may be cached again. */
export function transactionEnded(tx: Executor): void {
  const keys = settle(tx);
  if (!keys) return;
  for (const key of keys) {
    const what: Eviction =
      key === '*' ? 'all' : key.startsWith('s:') ? { session: key.slice(2) } : { user: key.slice(2) };
    for (const cache of running) cache.evict(what);
  }
}
