import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/harness.js';
import { type Database, openDatabase } from '../db/client.js';
import { LiveHub, publishLive } from './live.js';

let test: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  test = await openTestDatabase();
});
afterAll(() => test.drop());

/** Publishes on `topic` until `hub` delivers it or `ms` pass; the number of tries it took, or 0. */
async function deliveredWithin(hub: LiveHub, db: Database, topic: string, ms: number): Promise<number> {
  let got = false;
  const unsubscribe = await hub.subscribe(topic, () => {
    got = true;
  });
  try {
    const until = Date.now() + ms;
    for (let tries = 1; Date.now() < until; tries++) {
      await publishLive(db.db, [{ topic, payload: { tries } }]);
      await new Promise((r) => setTimeout(r, 200));
      if (got) return tries;
    }
    return 0;
  } finally {
    unsubscribe();
  }
}

/** A TCP relay to PostgreSQL that can drop every connection and refuse new ones, like a database restart. */
async function relayTo(url: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const listen = (port: number) =>
    new Promise<number>((resolve) => {
      const relay = net.createServer((client) => {
        const upstream = net.connect(Number(url.port || 5432), url.hostname);
        track(client);
        track(upstream);
        client.pipe(upstream).pipe(client);
        client.on('close', () => upstream.destroy());
        upstream.on('close', () => client.destroy());
      });
      server = relay;
      relay.listen(port, '127.0.0.1', () => resolve((relay.address() as net.AddressInfo).port));
    });
  const port = await listen(0);
  return {
    url: Object.assign(new URL(url), { hostname: '127.0.0.1', port: String(port) }).toString(),
    down: async () => {
      const closed = new Promise((r) => server?.close(r));
      for (const s of sockets) s.destroy();
      await closed;
    },
    up: () => listen(port),
  };
}

describe('live events across instances (LISTEN/NOTIFY)', () => {
  it('delivers an event published in a committed transaction, and none from a rolled-back one', async () => {
    const hub = new LiveHub(test.database);
    try {
      const got: unknown[] = [];
      await hub.subscribe('t-commit', (p) => got.push(p));
      await test.database.db.transaction(async (tx) => publishLive(tx, [{ topic: 't-commit', payload: 'kept' }]));
      await test.database.db
        .transaction(async (tx) => {
          await publishLive(tx, [{ topic: 't-commit', payload: 'dropped' }]);
          throw new Error('rollback');
        })
        .catch(() => undefined);
      const until = Date.now() + 5000;
      while (got.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      expect(got).toEqual(['kept']);
    } finally {
      await hub.close();
    }
  });

  /**
   * Runs `fn` with a hub whose database is reached through a relay the test can take down. PGlite runs in this
   * process and cannot go away: there the reconnect path does not exist, so these tests are skipped on it.
   */
  async function withRelayedHub(fn: (hub: LiveHub, relay: Awaited<ReturnType<typeof relayTo>>) => Promise<void>) {
    if (!test.url) throw new Error('needs PostgreSQL');
    const relay = await relayTo(new URL(test.url));
    const viaRelay = await openDatabase({ databaseUrl: relay.url, poolSize: 1 });
    const hub = new LiveHub(viaRelay);
    try {
      await fn(hub, relay);
    } finally {
      await hub.close();
      await viaRelay.close().catch(() => undefined);
      await relay.down();
    }
  }

  // PGlite runs in-process and cannot become unreachable: no reconnect path to test.
  it.skipIf(!process.env.DATABASE_URL)(
    'keeps trying to listen again while PostgreSQL stays unreachable, then delivers again by itself',
    async () => {
      await withRelayedHub(async (hub, relay) => {
        // Caches that rely on the events (the session cache) follow the listener's state.
        const states: boolean[] = [];
        hub.onStatus((live) => states.push(live));
        expect(await deliveredWithin(hub, test.database, 't-restart', 5000)).toBeGreaterThan(0);
        expect(hub.isLive).toBe(true);
        // Down long enough for the first reconnect attempts (after 1 s and 2 s) to be refused.
        await relay.down();
        await new Promise((r) => setTimeout(r, 4000));
        expect(hub.isLive).toBe(false);
        await relay.up();
        expect(await deliveredWithin(hub, test.database, 't-restart', 20_000)).toBeGreaterThan(0);
        expect(hub.isLive).toBe(true);
        expect(states).toEqual([true, false, true]);
        // One listener again, not one per reconnect attempt: each event arrives once.
        const got: unknown[] = [];
        const unsubscribe = await hub.subscribe('t-once', (p) => got.push(p));
        await publishLive(test.database.db, [{ topic: 't-once', payload: 1 }]);
        const until = Date.now() + 5000;
        while (got.length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
        await new Promise((r) => setTimeout(r, 500));
        unsubscribe();
        expect(got).toEqual([1]);
      });
    },
    40_000,
  );

  it.skipIf(!process.env.DATABASE_URL)(
    'lets the next subscriber start the listener when PostgreSQL was unreachable for the first',
    async () => {
      await withRelayedHub(async (hub, relay) => {
        await relay.down();
        await expect(hub.subscribe('t-start', () => undefined)).rejects.toThrow();
        await relay.up();
        expect(await deliveredWithin(hub, test.database, 't-start', 5000)).toBeGreaterThan(0);
      });
    },
  );
});
