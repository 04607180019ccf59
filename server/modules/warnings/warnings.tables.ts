import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, updatedAt, version, eventColumns } from '../../platform/db/columns.js';

export const warningCodeSeq = pgSequence('warning_code_seq', { startWith: 1 });

/** 情形: a situation that could lead to accountability, with its declarative rule. */
export const situations = pgTable(
  'situations',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    /** 问责条例 第七条 item (1–11). */
    article: integer('article').notNull(),
    /** [{ who, responsibility, duty }] */
    responsibleRoles: jsonb('responsible_roles').notNull(),
    /** 第八条 form(s) it would lead to. */
    forms: text('forms').array().notNull(),
    rectifyDays: integer('rectify_days').notNull(),
    rectifyDayType: text('rectify_day_type').notNull().default('working'),
    /** The condition tree (see warnings.rules.ts). */
    rule: jsonb('rule').notNull(),
    active: boolean('active').notNull().default(true),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('situations_region_code_uniq').on(t.regionId, t.code)],
);

/** 模拟问责单: one per situation × problem while the risk lasts. */
export const warnings = pgTable(
  'warnings',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    situationId: uuid('situation_id').notNull(),
    problemId: uuid('problem_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    leaderPersonId: uuid('leader_person_id'),
    /** `${situationId}:${problemId}`: the same facts never produce two live warnings (index warnings_live_uniq). */
    fingerprint: text('fingerprint').notNull(),
    state: text('state').notNull().default('pending_review'),
    /** The facts the rule used, as of `last_seen_at` (raised, or issued); today's are computed on request. */
    facts: jsonb('facts').notNull(),
    people: jsonb('people').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    answer: text('answer'),
    outcome: text('outcome'),
    meetingId: uuid('meeting_id'),
    firstSeenAt: tstz('first_seen_at').notNull(),
    lastSeenAt: tstz('last_seen_at').notNull(),
    issuedAt: tstz('issued_at'),
    closedAt: tstz('closed_at'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One live warning per situation and problem. Also the scan's index: its live warnings of a situation are an
    // index-only read of this (smaller) index, and the warnings whose facts went are looked up in it by problem.
    uniqueIndex('warnings_live_uniq').on(t.situationId, t.problemId).where(sql`state <> 'resolved'`),
    // In the list's default order, so a state's newest page (home's 待审核预警) reads five index entries, not a sort.
    index('warnings_region_state_idx').on(
      t.regionId,
      t.state,
      t.firstSeenAt.desc().nullsFirst(),
      t.code.desc().nullsFirst(),
    ),
    index('warnings_unit_idx').on(t.unitId),
    index('warnings_situation_idx').on(t.situationId, t.state),
    index('warnings_problem_idx').on(t.problemId),
  ],
);

export const warningEvents = pgTable(
  'warning_events',
  {
    id: id(),
    warningId: uuid('warning_id').notNull(),
    ...eventColumns(),
    payload: jsonb('payload'),
  },
  (t) => [index('warning_events_warning_idx').on(t.warningId, t.at)],
);

/**
 * Problems whose data changed since the last scan, filled by triggers on problems, their events and
 * measures (migration 0009): a rescan on the same day re-evaluates only these.
 */
export const warningScanDirty = pgTable('warning_scan_dirty', {
  problemId: uuid('problem_id').primaryKey(),
});
