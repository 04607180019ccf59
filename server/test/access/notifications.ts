/** Access-matrix cases for the routes of the notifications module (see server/test/access-matrix.test.ts). */
import { eq } from 'drizzle-orm';
import { users } from '../../platform/auth/auth.tables.js';
import { type AccessCases, ALL, type User, env, json } from '../access.js';
import { notifications } from '../../modules/notifications/notifications.tables.js';

/** A fresh unread message in the inbox of `username`. */
async function messageFor(username: string) {
  const db = env.t.database.db;
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  const [n] = await db
    .insert(notifications)
    .values({ userId: u.id, kind: 'test', title: '访问矩阵测试消息', body: '' })
    .returning();
  return n.id;
}
/** Somebody else than `user`. */
const otherThan = (user: User): User => (user === 'office' ? 'leader' : 'office');

export const notificationsAccessCases: AccessCases = {
  'GET /api/notifications': { in: () => json('GET', '/api/notifications?unread=true'), allow: ALL },
  // Everyone exports their own inbox only (the test in notifications.test.ts reads the rows).
  'GET /api/notifications/export.xlsx': {
    in: () => json('GET', '/api/notifications/export.xlsx?unread=true'),
    allow: ALL,
  },
  'GET /api/notifications/unread-count': { in: () => json('GET', '/api/notifications/unread-count'), allow: ALL },
  'POST /api/notifications/:id/read': {
    in: async (_f, user) => json('POST', `/api/notifications/${await messageFor(user)}/read`),
    // Another user's message is not revealed: 404 for everyone.
    out: async (_o, _f, user) => json('POST', `/api/notifications/${await messageFor(otherThan(user))}/read`),
    allow: ALL,
  },
  'POST /api/notifications/read-all': { in: () => json('POST', '/api/notifications/read-all'), allow: ALL },
  'GET /api/notifications/stream': { in: () => json('GET', '/api/notifications/stream?once=1'), allow: ALL },
};
