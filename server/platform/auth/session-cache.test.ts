import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp, createTestApp } from '../../test/harness.js';
import { liveHub, publishLive } from '../notify/live.js';
import { authenticate } from './auth.service.js';
import { type SessionCache, evictSessions, sessionCacheOf, transactionEnded } from './session-cache.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function cache(): SessionCache {
  const c = sessionCacheOf(t.database.db);
  if (!c) throw new Error('the session cache is not in use');
  return c;
}
const minutes = (n: number) => new Date(t.clock.now().getTime() + n * 60_000);
const tokenOf = (c: { cookie: string }) => c.cookie.split('=')[1] ?? '';
const ctx = () => ({ db: t.database.db, actor: null, ip: null, clock: t.clock, now: t.clock.now() });

/**
 * Waits until every notification committed so far has reached the caches: the listener hears them in commit order, so
 * once a marker published now comes back, those before it (a sign-in's new session, say) have been acted on.
 */
async function notificationsHeard(): Promise<void> {
  const marker = randomUUID();
  let heard = () => {};
  const arrived = new Promise<void>((resolve) => {
    heard = resolve;
  });
  const off = await liveHub(t.database).subscribe('test.barrier', (p) => {
    if (p === marker) heard();
  });
  try {
    await publishLive(t.database.db, [{ topic: 'test.barrier', payload: marker }]);
    await Promise.race([arrived, new Promise((_, reject) => setTimeout(() => reject(new Error('no marker')), 5000))]);
  } finally {
    off();
  }
}

/** Signs in and keeps the cookie (its token is what authenticate takes). */
async function signIn(username: string) {
  const res = await t.anonymous.post('/api/auth/login', { username, password: DEMO_PASSWORD });
  expect(res.statusCode).toBe(200);
  // The new session's notification would otherwise evict the entry the next request stores, at any moment.
  await notificationsHeard();
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const csrf = (await get('/api/me')).json().csrfToken as string;
  const post = (url: string) => t.app.inject({ method: 'POST', url, headers: { cookie, 'x-csrf-token': csrf } });
  return { cookie, get, post, me: () => get('/api/me') };
}

/** Polls `check` until it holds or 2 s pass (a notification from the database arrives asynchronously). */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + 2000;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function userId(username: string): Promise<string> {
  const { rows } = await t.database.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]);
  return rows[0].id;
}

describe('the session cache', () => {
  it('answers a known session without reading it again', async () => {
    const user = await signIn('leader');
    expect((await user.me()).statusCode).toBe(200);
    const { reads, hits } = cache().stats;
    const me = await user.me();
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe('leader');
    expect(cache().stats.reads).toBe(reads);
    expect(cache().stats.hits).toBe(hits + 1);
  });

  it('ends a session at once on logout', async () => {
    const user = await signIn('office');
    expect((await user.me()).statusCode).toBe(200);
    expect((await user.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await user.me()).statusCode).toBe(401);
  });

  it('refuses a user disabled by raw SQL once the notification arrives', async () => {
    const user = await signIn('yingji');
    expect((await user.me()).statusCode).toBe(200);
    await t.database.query("UPDATE users SET disabled = true WHERE username = 'yingji'");
    try {
      expect(await eventually(async () => (await user.me()).statusCode === 401)).toBe(true);
    } finally {
      await t.database.query("UPDATE users SET disabled = false WHERE username = 'yingji'");
    }
  });

  it('sees a session deleted by raw SQL (expiry housekeeping of another instance)', async () => {
    const user = await signIn('zuzhibu');
    expect((await user.me()).statusCode).toBe(200);
    await t.database.query('DELETE FROM sessions WHERE user_id = $1', [await userId('zuzhibu')]);
    expect(await eventually(async () => (await user.me()).statusCode === 401)).toBe(true);
  });

  it('gives the new permissions at once when the security admin changes roles', async () => {
    const user = await signIn('bianban');
    expect((await user.me()).json().roles).toHaveLength(1);
    const sec = await t.as('secadmin');
    const u = (await sec.get('/api/users?q=bianban')).json().items[0];
    const res = await sec.put(`/api/users/${u.id}/roles`, { version: u.version, roles: [{ role: 'org_department' }] });
    expect(res.statusCode).toBe(200);
    // A role change ends the user's sessions: the cached one is gone at once, the next sign-in has the new role.
    expect((await user.me()).statusCode).toBe(401);
    const again = await signIn('bianban');
    expect((await again.me()).json().roles).toEqual([expect.objectContaining({ role: 'org_department' })]);
  });

  it('follows a role grant written by raw SQL (another instance, an operator)', async () => {
    const user = await signIn('zhujian');
    const before = (await user.me()).json().permissions as string[];
    expect(before).not.toContain('security:write');
    const id = await userId('zhujian');
    const rolesOf = async () => ((await user.me()).json().roles as { role: string }[]).map((r) => r.role);
    const original = await rolesOf();
    await t.database.query(
      "INSERT INTO user_roles (user_id, role, region_id) SELECT $1, 'org_department', region_id FROM users WHERE id = $1",
      [id],
    );
    try {
      expect(await eventually(async () => (await rolesOf()).includes('org_department'))).toBe(true);
    } finally {
      await t.database.query("DELETE FROM user_roles WHERE user_id = $1 AND role = 'org_department'", [id]);
    }
    expect(await eventually(async () => (await rolesOf()).join() === original.join())).toBe(true);
  });

  it('puts a reset password behind the password-change gate at once', async () => {
    const user = await signIn('fuxianzhang');
    expect((await user.get('/api/units')).statusCode).toBe(200);
    const sys = await t.as('sysadmin');
    expect((await sys.post(`/api/users/${await userId('fuxianzhang')}/reset-password`)).statusCode).toBe(200);
    // The reset ends the sessions; one whose flag is set by raw SQL is gated once the notification arrives.
    expect((await user.me()).statusCode).toBe(401);
    const other = await signIn('zhujian.head');
    expect((await other.get('/api/units')).statusCode).toBe(200);
    await t.database.query("UPDATE users SET must_change_password = true WHERE username = 'zhujian.head'");
    try {
      expect(await eventually(async () => (await other.get('/api/units')).statusCode === 403)).toBe(true);
    } finally {
      await t.database.query("UPDATE users SET must_change_password = false WHERE username = 'zhujian.head'");
    }
  });

  it('applies a new security policy to cached sessions at once, and one changed by raw SQL soon', async () => {
    const user = await signIn('group1');
    expect((await user.me()).statusCode).toBe(200);
    const sec = await t.as('secadmin');
    const policy = (await sec.get('/api/settings/security')).json();
    const patched = await sec.patch('/api/settings/security', { ...policy, idleTimeoutMinutes: 5 });
    expect(patched.statusCode).toBe(200);
    await t.clock.set(t.database.db, minutes(10));
    const res = await user.me();
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');

    // Raw SQL (another instance, an operator): a stricter policy holds for a cached session once it is heard of.
    const policyIdle = (n: number) =>
      t.database.query(
        `UPDATE settings SET value = value || '{"idleTimeoutMinutes": ${n}}', version = version + 1 WHERE key = 'security'`,
      );
    await policyIdle(30);
    const other = await signIn('group2');
    expect((await other.me()).statusCode).toBe(200);
    await t.clock.set(t.database.db, minutes(10));
    try {
      await policyIdle(5);
      // Wait for the notification without asking: a request served from the cache before it arrives still meets the
      // old policy (30 minutes) and touches the session, which is then no longer idle under the new one either.
      expect(await eventually(async () => (sessionCacheOf(t.database.db)?.size ?? 0) === 0)).toBe(true);
      expect((await other.me()).statusCode).toBe(401);
    } finally {
      await policyIdle(30);
    }
  });

  it('re-reads a session its cached copy would time out, and keeps it when another instance touched it', async () => {
    const user = await signIn('group3');
    expect((await user.me()).statusCode).toBe(200);
    // Another instance served the session 25 minutes from now (the touch notifies nobody)...
    await t.database.query('UPDATE sessions SET last_seen_at = $1 WHERE user_id = $2', [
      minutes(25),
      await userId('group3'),
    ]);
    // ...so at 31 minutes the cached copy is idle but the session is not.
    await t.clock.set(t.database.db, minutes(31));
    const { reads } = cache().stats;
    expect((await user.me()).statusCode).toBe(200);
    expect(cache().stats.reads).toBe(reads + 1);
    expect((await user.me()).statusCode).toBe(200);
    expect(cache().stats.reads).toBe(reads + 1);
  });

  it('does not store a read that an eviction overtook', async () => {
    const user = await signIn('group4');
    cache().evict('all');
    const pending = authenticate(ctx(), tokenOf(user), t.app.resolveScope);
    // The read is on its way: a notification (or a write on this instance) evicts everything meanwhile.
    cache().evict('all');
    expect((await pending).username).toBe('group4');
    expect(cache().size).toBe(0);
    await authenticate(ctx(), tokenOf(user), t.app.resolveScope);
    expect(cache().size).toBe(1);
  });

  it('keeps what an open transaction wrote out of the cache until it ends', async () => {
    const user = await signIn('group5');
    const sid = sessionIdOf(user);
    await authenticate(ctx(), tokenOf(user), t.app.resolveScope);
    const cached = cache().get(sid);
    expect(cached).toBeDefined();
    const read = cached as NonNullable<typeof cached>;
    let open: Parameters<typeof transactionEnded>[0] | undefined;
    await t.database.db.transaction(async (tx) => {
      open = tx;
      evictSessions(tx, { user: read.session.userId });
      expect(cache().get(sid)).toBeUndefined();
      // A request reading meanwhile still sees the rows as they were before the transaction: not stored.
      cache().put(sid, read, cache().begin());
      expect(cache().get(sid)).toBeUndefined();
      // PGlite runs one statement at a time (a read outside would wait for this transaction): PostgreSQL only.
      if (t.database.driver === 'postgres') {
        await authenticate(ctx(), tokenOf(user), t.app.resolveScope);
        expect(cache().get(sid)).toBeUndefined();
      }
    });
    if (open) transactionEnded(open);
    await authenticate(ctx(), tokenOf(user), t.app.resolveScope);
    expect(cache().get(sid)).toBeDefined();
  });

  it('is not used while the listener is down, and starts empty when it is back', async () => {
    const user = await signIn('group6');
    expect((await user.me()).statusCode).toBe(200);
    const c = cache();
    c.setState({ hubLive: false });
    try {
      expect(sessionCacheOf(t.database.db)).toBeUndefined();
      expect((await user.me()).statusCode).toBe(200);
    } finally {
      c.setState({ hubLive: true });
    }
    expect(c.size).toBe(0);
  });
});

describe('the touch of last_seen_at', () => {
  it('is written once when many requests of a session find it due at the same time', async () => {
    const user = await signIn('wenze2');
    expect((await user.me()).statusCode).toBe(200);
    await t.database.query('CREATE TABLE test_touches (session_id text, at timestamptz)');
    await t.database.query(`CREATE FUNCTION test_touched() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO test_touches VALUES (NEW.id, NEW.last_seen_at); RETURN NEW; END $$`);
    await t.database.query(
      'CREATE TRIGGER test_touched AFTER UPDATE OF last_seen_at ON sessions FOR EACH ROW EXECUTE FUNCTION test_touched()',
    );
    try {
      await t.clock.set(t.database.db, minutes(2));
      const actors = await Promise.all(
        Array.from({ length: 20 }, () => authenticate(ctx(), tokenOf(user), t.app.resolveScope)),
      );
      expect(actors.map((a) => a.username)).toEqual(Array(20).fill('wenze2'));
      const touches = await t.database.query<{ at: Date }>('SELECT at FROM test_touches WHERE session_id = $1', [
        sessionIdOf(user),
      ]);
      expect(touches.rows).toHaveLength(1);
      expect(touches.rows[0].at.getTime()).toBeGreaterThan(Date.now() + 60_000);
      // Written, so the next request finds nothing due.
      expect((await user.me()).statusCode).toBe(200);
      expect((await t.database.query('SELECT 1 FROM test_touches')).rows).toHaveLength(1);
    } finally {
      await t.database.query('DROP TRIGGER test_touched ON sessions');
      await t.database.query('DROP FUNCTION test_touched');
      await t.database.query('DROP TABLE test_touches');
    }
  });
});

function sessionIdOf(user: { cookie: string }): string {
  return createHash('sm3').update(tokenOf(user)).digest('hex');
}
