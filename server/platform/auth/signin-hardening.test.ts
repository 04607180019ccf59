import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp, createTestApp } from '../../test/harness.js';

/** Issue #21 items 4, 7, 8, 9, 10, 11: sign-in, sessions and 三员分立 for the system administrator. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const loginFrom = (ip: string, username: string, password: string, totp?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: ip,
    payload: { username, password, ...(totp ? { totp } : {}) },
  });
/** Moves the server clock on, e.g. past a progressive sign-in delay. */
const pass = (seconds: number) => t.clock.set(t.database.db, new Date(t.clock.now().getTime() + seconds * 1000));
/** `n` wrong passwords from `ip`, each after any delay has passed: what a patient attacker does. */
async function failFrom(ip: string, username: string, n: number) {
  const statuses = [];
  for (let i = 0; i < n; i++) {
    statuses.push((await loginFrom(ip, username, 'bad')).statusCode);
    await pass(60);
  }
  return statuses;
}

async function userId(username: string) {
  const sys = await t.as('sysadmin');
  return (await sys.get('/api/users?pageSize=2000'))
    .json()
    .items.find((u: { username: string }) => u.username === username).id;
}

describe('a reset password serves nothing but the password change (item 4)', () => {
  it('refuses every business route to a sysadmin-reset account until the user sets a password', async () => {
    const sys = await t.as('sysadmin');
    const reset = await sys.post(`/api/users/${await userId('zuzhibu')}/reset-password`);
    expect(reset.statusCode).toBe(200);
    // The admin never sees the temporary password: it went to the user's SMS / e-mail.
    expect(reset.json()).toEqual({ deliveredTo: ['sms', 'email'] });
    expect(reset.body).not.toMatch(/Zl#/);
    const { rows } = await t.database.query<{ body: string }>(
      "SELECT body FROM notifications WHERE kind = 'account.password_reset' ORDER BY created_at DESC LIMIT 1",
    );
    const temp = /临时密码：(\S+?)。/.exec(rows[0].body)?.[1] ?? '';
    const user = await t.as('zuzhibu', temp);
    for (const url of ['/api/influence-periods', '/api/units', '/api/problems', '/api/notifications']) {
      const res = await user.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: expect.stringMatching(/修改/) });
    }
    expect((await user.get('/api/me')).json().user.mustChangePassword).toBe(true);
    expect(
      (await user.post('/api/me/password', { oldPassword: temp, newPassword: 'Lianzheng#2026-x' })).statusCode,
    ).toBe(200);
    expect((await user.get('/api/influence-periods')).statusCode).toBe(200);
  });
});

describe('lockout an attacker cannot weaponise (item 8)', () => {
  it('locks only the source that failed; the user still signs in from elsewhere', async () => {
    expect(await failFrom('203.0.113.9', 'leader', 5)).toEqual([401, 401, 401, 401, 423]);
    expect((await loginFrom('203.0.113.9', 'leader', DEMO_PASSWORD)).statusCode).toBe(423);
    expect((await loginFrom('192.0.2.20', 'leader', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('answers an unknown name exactly like a real one, locked included', async () => {
    const seq = async (username: string) => {
      const out = [];
      for (let i = 0; i < 7; i++) {
        const res = await loginFrom('203.0.113.50', username, 'bad');
        out.push([res.statusCode, res.json().code]);
        if (i >= 3) await pass(60); // four quick tries (the 4th must wait), then patient ones up to the lockout
      }
      return out;
    };
    const unknown = await seq('nobody-here');
    expect(unknown.map(([status]) => status)).toEqual([401, 401, 401, 429, 401, 423, 423]);
    expect(await seq('anguan')).toEqual(unknown);
  });

  it('makes a source wait after its third failure, doubling each time, without checking the password', async () => {
    for (let i = 0; i < 3; i++) expect((await loginFrom('203.0.113.120', 'wenze1', 'bad')).statusCode).toBe(401);
    const slow = await loginFrom('203.0.113.120', 'wenze1', DEMO_PASSWORD);
    expect(slow.statusCode).toBe(429);
    expect(slow.json()).toMatchObject({ code: 'AUTH_SLOW_DOWN', message: expect.stringMatching(/秒后再试/) });
    expect(slow.json().retryAfterSeconds).toBeGreaterThan(0);
    expect(slow.json().retryAfterSeconds).toBeLessThanOrEqual(2);
    expect(slow.headers['retry-after']).toBe(String(slow.json().retryAfterSeconds));
    // Another source is not slowed down.
    expect((await loginFrom('192.0.2.121', 'wenze1', DEMO_PASSWORD)).statusCode).toBe(200);
    await pass(2);
    expect((await loginFrom('203.0.113.120', 'wenze1', 'bad')).statusCode).toBe(401);
    const doubled = (await loginFrom('203.0.113.120', 'wenze1', DEMO_PASSWORD)).json();
    expect(doubled.code).toBe('AUTH_SLOW_DOWN');
    expect(doubled.retryAfterSeconds).toBeGreaterThan(2);
    await pass(4);
    expect((await loginFrom('203.0.113.120', 'wenze1', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('tells the security admins once per lockout window, with who and where but no password', async () => {
    const alerts = () =>
      t.database.query<{ user_id: string; title: string; body: string }>(
        "SELECT user_id, title, body FROM notifications WHERE kind = 'account.lockout_alert' AND title LIKE '%caseoffice%'",
      );
    expect(await failFrom('203.0.113.130', 'caseoffice', 5)).toEqual([401, 401, 401, 401, 423]);
    const first = (await alerts()).rows;
    expect(first.map((a) => a.user_id)).toEqual([await userId('secadmin')]);
    expect(first[0].title).toContain('203.0.113.130');
    expect(first[0].body).toMatch(/连续 5 次登录失败/);
    expect(first[0].body).not.toContain('bad');
    // A second source locked out within the window is not a second alarm.
    expect(await failFrom('203.0.113.131', 'caseoffice', 5)).toEqual([401, 401, 401, 401, 423]);
    expect((await alerts()).rows).toHaveLength(1);
  });

  it('answers a disabled account the same for a right and a wrong password', async () => {
    const sys = await t.as('sysadmin');
    const target = (await sys.get('/api/users?pageSize=2000'))
      .json()
      .items.find((u: { username: string }) => u.username === 'wenze2');
    expect((await sys.patch(`/api/users/${target.id}`, { version: target.version, disabled: true })).statusCode).toBe(
      200,
    );
    const right = await loginFrom('192.0.2.30', 'wenze2', DEMO_PASSWORD);
    const wrong = await loginFrom('192.0.2.31', 'wenze2', 'bad');
    expect(right.statusCode).toBe(401);
    expect(right.json()).toEqual(wrong.json());
  });

  it('lets the security admin (not the system admin) unlock', async () => {
    await failFrom('203.0.113.77', 'group1', 5);
    expect((await loginFrom('203.0.113.77', 'group1', DEMO_PASSWORD)).statusCode).toBe(423);
    const id = await userId('group1');
    expect((await (await t.as('sysadmin')).post(`/api/users/${id}/unlock`)).statusCode).toBe(403);
    expect((await (await t.as('secadmin')).post(`/api/users/${id}/unlock`)).statusCode).toBe(200);
    expect((await loginFrom('203.0.113.77', 'group1', DEMO_PASSWORD)).statusCode).toBe(200);
  });
});

describe('second factor (item 9)', () => {
  it('needs the current password to set up a new factor, audits it, and accepts each code once', async () => {
    const user = await t.as('group2');
    expect((await user.post('/api/me/totp/setup', {})).statusCode).toBe(400);
    expect((await user.post('/api/me/totp/setup', { password: 'wrong' })).json().code).toBe('PASSWORD_WRONG');
    const { secret } = (await user.post('/api/me/totp/setup', { password: DEMO_PASSWORD })).json();
    const code = authenticator.generate(secret);
    expect((await user.post('/api/me/totp/enable', { token: code })).statusCode).toBe(200);
    // The enabling code was used: signing in with it again is a replay.
    const replay = await loginFrom('192.0.2.40', 'group2', DEMO_PASSWORD, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('AUTH_TOTP_INVALID');
    // Without the password the enabled factor cannot be replaced.
    expect((await user.post('/api/me/totp/setup', { password: 'nope' })).statusCode).toBe(400);
    expect((await user.get('/api/me')).json().user.totpEnabled).toBe(true);
    const { rows } = await t.database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_events WHERE type = 'auth.totp_setup'",
    );
    expect(rows[0].n).toBeGreaterThan(0);
  });
});

describe('sessions (item 10) and caching (item 11)', () => {
  it('ends the other sessions of a user who changes the password', async () => {
    const a = await t.as('group3');
    const b = await t.as('group3');
    expect(
      (await a.post('/api/me/password', { oldPassword: DEMO_PASSWORD, newPassword: 'Qinglian#2026-y' })).statusCode,
    ).toBe(200);
    expect((await a.get('/api/me')).statusCode).toBe(200);
    expect((await b.get('/api/me')).statusCode).toBe(401);
  });

  it('marks API answers no-store, /api/me (CSRF token) included', async () => {
    const user = await t.as('office');
    expect((await user.get('/api/me')).headers['cache-control']).toBe('no-store');
    expect((await user.get('/api/units')).headers['cache-control']).toBe('no-store');
    expect((await t.anonymous.get('/api/units')).headers['cache-control']).toBe('no-store');
  });
});
