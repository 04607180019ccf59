/** Access-matrix cases for the routes of the identity module (see server/test/access-matrix.test.ts). */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type AccessCases, ALL, DEMO_PASSWORD, env, json } from '../access.js';
import { expect } from 'vitest';
import { savedViews } from '../../modules/identity/identity.tables.js';
import { users } from '../../platform/auth/auth.tables.js';

/** A saved view of `username`, made for the request. */
async function viewOf(username: string) {
  const db = env.t.database.db;
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const [v] = await db
    .insert(savedViews)
    .values({ userId: u.id, list: 'problems', label: crypto.randomUUID().slice(0, 8), search: '' })
    .returning();
  return v.id;
}

export const identityAccessCases: AccessCases = {
  'POST /api/auth/login': {
    in: () => json('POST', '/api/auth/login', { username: 'leader', password: DEMO_PASSWORD }),
    allow: ALL,
  },
  'POST /api/auth/logout': { in: () => ({ ...json('POST', '/api/auth/logout'), fresh: true }), allow: ALL },
  'GET /api/me': { in: () => json('GET', '/api/me'), allow: ALL },
  'POST /api/me/password': {
    in: () => json('POST', '/api/me/password', { oldPassword: 'wrong', newPassword: 'Whatever#2026x' }),
    allow: ALL,
    ok: 400,
  },
  'POST /api/me/totp/setup': {
    in: () => json('POST', '/api/me/totp/setup', { password: 'wrong' }),
    allow: ALL,
    ok: 400,
  },
  'POST /api/me/totp/enable': {
    in: () => json('POST', '/api/me/totp/enable', { token: '000000' }),
    allow: ALL,
    ok: 400,
  },
  'POST /api/me/totp/disable': {
    in: () => json('POST', '/api/me/totp/disable', { password: 'wrong' }),
    allow: ALL,
    ok: 400,
  },
  // Saved views are the caller's own settings: every account keeps its own, and nobody reads or deletes another's.
  'GET /api/me/views': {
    in: () => json('GET', '/api/me/views?list=problems'),
    allow: ALL,
    body: (answer, user) => {
      for (const v of (answer as { items: { label: string }[] }).items) expect(v.label).toBe(`${user}的视图`);
    },
  },
  'POST /api/me/views': {
    in: (_f, user) =>
      json('POST', '/api/me/views', { list: 'problems', label: `${user}的视图`, search: 'overdue=true' }),
    allow: ALL,
    ok: 201,
  },
  'DELETE /api/me/views/:id': {
    in: async (_f, user) => json('DELETE', `/api/me/views/${await viewOf(user)}`),
    // Another user's view answers as if it did not exist.
    out: async (_o, _f, user) =>
      json('DELETE', `/api/me/views/${await viewOf(user === 'leader' ? 'office' : 'leader')}`),
    allow: ALL,
    ok: 204,
  },
  'GET /api/users': { in: () => json('GET', '/api/users'), allow: ['sysadmin', 'secadmin'] },
  'GET /api/users/export.xlsx': { in: () => json('GET', '/api/users/export.xlsx'), allow: ['sysadmin', 'secadmin'] },
  'POST /api/users': {
    in: () =>
      json('POST', '/api/users', {
        username: `u${crypto.randomBytes(3).toString('hex')}`,
        displayName: '测试',
        password: 'Test#2026-pass',
      }),
    allow: ['sysadmin'],
    ok: 201,
  },
  'PATCH /api/users/:id': {
    in: async () => {
      const [u] = await env.t.database.db.select().from(users).where(eq(users.username, 'group2'));
      return json('PATCH', `/api/users/${u.id}`, { version: u.version, displayName: u.displayName });
    },
    out: () => json('PATCH', `/api/users/${crypto.randomUUID()}`, { version: 1 }),
    allow: ['sysadmin'],
  },
  'POST /api/users/:id/reset-password': {
    in: async () => {
      const [u] = await env.t.database.db.select().from(users).where(eq(users.username, 'group3'));
      return json('POST', `/api/users/${u.id}/reset-password`);
    },
    out: () => json('POST', `/api/users/${crypto.randomUUID()}/reset-password`),
    allow: ['sysadmin'],
  },
  'POST /api/users/:id/unlock': {
    in: async () => {
      const [u] = await env.t.database.db.select().from(users).where(eq(users.username, 'group4'));
      return json('POST', `/api/users/${u.id}/unlock`);
    },
    out: () => json('POST', `/api/users/${crypto.randomUUID()}/unlock`),
    allow: ['secadmin'],
  },
  'PUT /api/users/:id/roles': {
    in: async () => {
      const [u] = await env.t.database.db.select().from(users).where(eq(users.username, 'yingji'));
      return json('PUT', `/api/users/${u.id}/roles`, { version: u.version, roles: [{ role: 'org_department' }] });
    },
    out: () => json('PUT', `/api/users/${crypto.randomUUID()}/roles`, { version: 1, roles: [] }),
    allow: ['secadmin'],
  },
  'GET /api/settings/security': { in: () => json('GET', '/api/settings/security'), allow: ['secadmin'] },
  'PATCH /api/settings/security': {
    in: async () => {
      const policy = (await env.clients.get('secadmin')?.get('/api/settings/security'))?.json();
      return json('PATCH', '/api/settings/security', policy);
    },
    allow: ['secadmin'],
  },
};
