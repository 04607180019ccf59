import { and, asc, eq, gt, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { type PageRequest, selectPage } from '../db/paging.js';
import { settings } from '../db/platform.tables.js';
import { loginFailures, sessions, userRoles, users } from './auth.tables.js';
import { evictSessions } from './session-cache.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type RoleRow = typeof userRoles.$inferSelect;

export async function findUserByUsername(db: Executor, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  return row;
}

export async function findUser(db: Executor, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row;
}

export async function updateUser(db: Executor, id: string, patch: Partial<UserRow>): Promise<UserRow> {
  const [row] = await db
    .update(users)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  evictSessions(db, { user: id });
  return row;
}

/** Optimistic update: returns undefined when `version` is stale. */
export async function updateUserVersioned(
  db: Executor,
  id: string,
  version: number,
  patch: Partial<UserRow>,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  if (row) evictSessions(db, { user: id });
  return row;
}

export async function insertUser(db: Executor, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  evictSessions(db, { user: row.id });
  return row;
}

/**
 * One page of a region's accounts, by username, filtered by part of the username or display name and by state
 * (province accounts, which have no region, are never in a region's page).
 */
export async function pageUsers(
  db: Executor,
  regionId: string,
  f: PageRequest & { q?: string; disabled?: 'true' | 'false' },
) {
  const where = and(
    eq(users.regionId, regionId),
    f.q ? or(ilike(users.username, `%${f.q}%`), ilike(users.displayName, `%${f.q}%`)) : undefined,
    f.disabled ? eq(users.disabled, f.disabled === 'true') : undefined,
  );
  return selectPage(db, users, where, [asc(users.username)], f);
}

export async function rolesOf(db: Executor, userIds: string[]): Promise<RoleRow[]> {
  if (userIds.length === 0) return [];
  return db.select().from(userRoles).where(inArray(userRoles.userId, userIds));
}

export async function replaceRoles(
  db: Executor,
  userId: string,
  roles: Omit<typeof userRoles.$inferInsert, 'userId'>[],
) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roles.length > 0) await db.insert(userRoles).values(roles.map((r) => ({ ...r, userId })));
  evictSessions(db, { user: userId });
}

export async function insertSession(db: Executor, values: SessionRow): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function findSession(db: Executor, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row;
}

// Every write above and below that changes what findSessionWithUser returns evicts it from this process's session
// cache at once (session-cache.ts); the database triggers of migration 0041 tell the other instances.

/**
 * Everything a request's authentication needs in one round trip: the session, its user, the user's role
 * grants and the stored value of one setting (the security policy). Undefined when the session is unknown.
 */
export async function findSessionWithUser(db: Executor, id: string, settingKey: string) {
  let query = sessionWithUserQueries.get(db);
  if (!query) {
    query = sessionWithUserQuery(db);
    sessionWithUserQueries.set(db, query);
  }
  const [row] = await query.execute({ id, settingKey });
  return row;
}

// Built once per database handle and prepared under a name: every API request runs it, and building the
// statement in Drizzle cost more CPU than PostgreSQL spends answering it. A primary-key lookup, so the
// server's cached plan is right for every session.
const sessionWithUserQueries = new WeakMap<Executor, ReturnType<typeof sessionWithUserQuery>>();
function sessionWithUserQuery(db: Executor) {
  return db
    .select({
      session: sessions,
      user: users,
      roles: sql<Pick<RoleRow, 'role' | 'regionId' | 'unitId' | 'groupId'>[]>`coalesce((
        SELECT json_agg(json_build_object('role', r.role, 'regionId', r.region_id, 'unitId', r.unit_id,
          'groupId', r.group_id)) FROM ${userRoles} r WHERE r.user_id = ${users.id}), '[]'::json)`,
      setting: sql<{ value: unknown; version: number } | null>`(
        SELECT json_build_object('value', st.value, 'version', st.version) FROM ${settings} st
        WHERE st.key = ${sql.placeholder('settingKey')})`,
    })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('auth_session_with_user');
}

/** Sessions whose last_seen_at this process is writing now. */
const touching = new Set<string>();

/**
 * Writes a session's last sight, unless this process is writing it already: the requests of one session that find
 * the touch due together let the first write stand for them, instead of queueing one UPDATE each on the same row
 * (a page's parallel calls; 200 clients of one session made 200 UPDATEs and multi-second waits, issue #19).
 * True when this call wrote it.
 */
export async function touchSession(db: Executor, id: string, at: Date): Promise<boolean> {
  if (touching.has(id)) return false;
  touching.add(id);
  try {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    return true;
  } finally {
    touching.delete(id);
  }
}

export async function deleteSession(db: Executor, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
  evictSessions(db, { session: id });
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
  evictSessions(db, { user: userId });
}

/** Removes sessions past either timeout (housekeeping; validity is checked per request anyway). */
export async function deleteExpiredSessions(db: Executor, idleBefore: Date, createdBefore: Date): Promise<void> {
  await db.delete(sessions).where(or(lt(sessions.lastSeenAt, idleBefore), lt(sessions.createdAt, createdBefore)));
  evictSessions(db, 'all');
}

/** Active users holding any of `roles` in a region, by name (for a picker of who may take work over). */
export async function usersWithRoles(db: Executor, roles: string[], regionId: string | null) {
  if (roles.length === 0 || !regionId) return [];
  return db
    .selectDistinct({ userId: users.id, displayName: users.displayName, personId: users.personId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(inArray(userRoles.role, roles), eq(userRoles.regionId, regionId), eq(users.disabled, false)))
    .orderBy(users.displayName);
}

/** Active users holding any of `roles` in a region (for notifications to an office). */
export async function userIdsWithRoles(db: Executor, roles: string[], regionId: string | null): Promise<string[]> {
  return (await usersWithRoles(db, roles, regionId)).map((u) => u.userId);
}

/** Active users among `userIds` and the users bound to `personIds`, deduplicated. */
export async function resolveRecipients(db: Executor, userIds: string[], personIds: string[]) {
  if (userIds.length === 0 && personIds.length === 0) return [];
  const match = or(
    userIds.length ? inArray(users.id, userIds) : undefined,
    personIds.length ? inArray(users.personId, personIds) : undefined,
  );
  return db
    .selectDistinct({ userId: users.id })
    .from(users)
    .where(and(match, eq(users.disabled, false)));
}

/** Active users in batches ordered by id (for per-user jobs such as the daily digest). */
export async function activeUsers(db: Executor, afterId: string | null, limit: number) {
  return db
    .select({ userId: users.id, personId: users.personId })
    .from(users)
    .where(and(eq(users.disabled, false), afterId ? gt(users.id, afterId) : undefined))
    .orderBy(users.id)
    .limit(limit);
}

/** The cadre record each user is bound to. */
export async function personIdsOf(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select({ userId: users.id, personId: users.personId }).from(users).where(inArray(users.id, userIds));
}

export type LoginFailureRow = typeof loginFailures.$inferSelect;

export async function findLoginFailure(db: Executor, username: string, ip: string) {
  const [row] = await db
    .select()
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), eq(loginFailures.ip, ip)));
  return row as LoginFailureRow | undefined;
}

/** Counts one more failure of (username, ip) and returns the new count. */
export async function addLoginFailure(db: Executor, username: string, ip: string, now: Date): Promise<number> {
  const [row] = await db
    .insert(loginFailures)
    .values({ username, ip, failed: 1, lastAt: now })
    .onConflictDoUpdate({
      target: [loginFailures.username, loginFailures.ip],
      set: { failed: sql`${loginFailures.failed} + 1`, lastAt: now },
    })
    .returning({ failed: loginFailures.failed });
  return row.failed;
}

export async function lockLoginSource(db: Executor, username: string, ip: string, until: Date) {
  await db
    .update(loginFailures)
    .set({ failed: 0, lockedUntil: until })
    .where(and(eq(loginFailures.username, username), eq(loginFailures.ip, ip)));
}

/** Clears the failures of a username: from one source (a successful sign-in) or from all (an unlock). */
export async function clearLoginFailures(db: Executor, username: string, ip?: string) {
  await db
    .delete(loginFailures)
    .where(
      ip === undefined
        ? eq(loginFailures.username, username)
        : and(eq(loginFailures.username, username), eq(loginFailures.ip, ip)),
    );
}

/** Ends every session of a user except `keep` (the one that changed the password). */
export async function deleteOtherSessions(db: Executor, userId: string, keep: string) {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), sql`${sessions.id} <> ${keep}`));
  evictSessions(db, { user: userId });
}
