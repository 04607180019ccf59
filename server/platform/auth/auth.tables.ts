import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, tstz, versionedColumns } from '../db/columns.js';

export const users = pgTable('users', {
  id: id(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  personId: uuid('person_id'),
  regionId: uuid('region_id'),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: tstz('password_changed_at').notNull().defaultNow(),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabled: boolean('disabled').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: tstz('locked_until'),
  totpSecret: text('totp_secret'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  /** The last accepted TOTP time-step (30 s counter): a code is accepted once. */
  totpLastStep: integer('totp_last_step'),
  ...versionedColumns(),
});

/** A role granted to a user with its data scope (SPEC 1). */
export const userRoles = pgTable(
  'user_roles',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    regionId: uuid('region_id'),
    unitId: uuid('unit_id'),
    groupId: uuid('group_id'),
  },
  (t) => [uniqueIndex('user_roles_uniq').on(t.userId, t.role, t.unitId, t.groupId)],
);

/** Server-side sessions: any app instance can serve any request. `id` is the SM3 of the cookie token. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: tstz('created_at').notNull(),
    lastSeenAt: tstz('last_seen_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Failed sign-ins per (username as typed, source IP), for users and unknown names alike: a lockout only stops
 * that source, so nobody can lock a user out from elsewhere, and an unknown name answers like a real one.
 */
export const loginFailures = pgTable(
  'login_failures',
  {
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    failed: integer('failed').notNull().default(0),
    lockedUntil: tstz('locked_until'),
    lastAt: tstz('last_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.ip] })],
);
