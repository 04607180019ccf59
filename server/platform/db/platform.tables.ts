import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version } from './columns.js';

/** A county or city. A city sees its counties (parent_id). */
export const regions = pgTable('regions', {
  id: id(),
  parentId: uuid('parent_id'),
  name: text('name').notNull(),
  code: text('code').notNull().unique(),
  createdAt: createdAt(),
});

/** Key/value settings an administrator maintains (security policy, clock, thresholds). */
/** `scope` is a region id, or '' for the province default every region inherits until it sets its own. */
export const settings = pgTable(
  'settings',
  {
    key: text('key').notNull(),
    scope: text('scope').notNull().default(''),
    value: jsonb('value').notNull(),
    version: version(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.key, t.scope] })],
);

/** Append-only audit log, hash-chained with SM3 (see platform/audit). */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUsername: text('actor_username'),
    ip: text('ip'),
    type: text('type').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_entity_idx').on(t.entity, t.entityId), index('audit_events_at_idx').on(t.at)],
);

/**
 * The chain head: the last sequence number and hash; locking it serialises appends. `keyed_from` is the
 * `audit.keyed` row from which hashes are HMAC-SM3; `base_*` the last archived row (rows up to it were moved
 * to an archive file). A trigger lets every column move forward only (migration 0017).
 */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  keyedFrom: bigint('keyed_from', { mode: 'number' }),
  baseSeq: bigint('base_seq', { mode: 'number' }).notNull().default(0),
  baseHash: text('base_hash').notNull().default('0000000000000000000000000000000000000000000000000000000000000000'),
});

/** Exceptions to the Monday–Friday week: statutory holidays and make-up working days. */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name').notNull().default(''),
  updatedAt: updatedAt(),
});

/** Years whose official schedule has been loaded or maintained. */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  source: text('source').notNull(),
  updatedAt: updatedAt(),
});

/** One row per execution of a background job, whoever triggered it. */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: id(),
    name: text('name').notNull(),
    trigger: text('trigger').notNull(),
    jobId: text('job_id'),
    instance: text('instance').notNull(),
    startedAt: tstz('started_at').notNull(),
    finishedAt: tstz('finished_at'),
    ok: boolean('ok'),
    result: jsonb('result'),
  },
  (t) => [index('job_runs_name_idx').on(t.name, t.startedAt)],
);

/** Idempotent creation (SPEC 3: Idempotency-Key on POST). */
export const idempotencyKeys = pgTable('idempotency_keys', {
  key: text('key').primaryKey(),
  userId: uuid('user_id').notNull(),
  route: text('route').notNull(),
  status: integer('status').notNull(),
  body: jsonb('body'),
  createdAt: createdAt(),
});
