import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgSequence, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  createdAt,
  deletedAt,
  id,
  tstz,
  eventColumns,
  fileColumns,
  versionedColumns,
} from '../../platform/db/columns.js';

export const problemCodeSeq = pgSequence('problem_code_seq', { startWith: 1 });

export const problems = pgTable(
  'problems',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    source: text('source').notNull(),
    sourceRef: text('source_ref'),
    category: text('category').notNull().default(''),
    severity: text('severity').notNull().default('general'),
    unitId: uuid('unit_id').notNull(),
    /** 配合单位 of a cross-functional item, and whether the lead unit (unitId) has been agreed. */
    coUnitIds: uuid('co_unit_ids').array().notNull().default(sql`'{}'::uuid[]`),
    leadUnitConfirmed: boolean('lead_unit_confirmed').notNull().default(true),
    responsiblePersonId: uuid('responsible_person_id'),
    leaderPersonId: uuid('leader_person_id'),
    state: text('state').notNull().default('draft'),
    /** While close_requested: who must act next ('unit_head' approves, then 'office' closes). */
    closeStage: text('close_stage'),
    listed: boolean('listed').notNull().default(false),
    color: text('color'),
    urgent: boolean('urgent').notNull().default(false),
    /** The latest measure deadline. */
    deadline: date('deadline', { mode: 'string' }),
    /**
     * The deadlines of the problem's open (not done) measures, ascending. Kept by triggers on problem_measures
     * (migration 0043), so the warning scan counts overdue measures from the problem row (`width_bucket`) inside
     * its parallel scan instead of joining an aggregate of every measure above it.
     */
    openMeasureDeadlines: date('open_measure_deadlines', { mode: 'string' })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
    escalationLevel: integer('escalation_level').notNull().default(0),
    pendingEscalation: integer('pending_escalation'),
    commonGroupId: uuid('common_group_id'),
    reopenCount: integer('reopen_count').notNull().default(0),
    dispatchedAt: tstz('dispatched_at'),
    receivedAt: tstz('received_at'),
    lastProgressAt: tstz('last_progress_at'),
    closedAt: tstz('closed_at'),
    createdBy: uuid('created_by'),
    /**
     * Character bigrams of title and description, each prefixed with the region (SQL functions in migrations
     * 0005 and 0013): Chinese search by index, where a term's posting lists hold only its region's problems.
     */
    searchBigrams: text('search_bigrams')
      .array()
      .generatedAlwaysAs(sql`zelian_region_bigrams(region_id, title || ' ' || description)`),
    ...versionedColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [
    // Every ledger query excludes deleted problems: partial indexes let counts run as index-only scans.
    // Ends with code so a page sorted by deadline reads 20 entries in order instead of sorting every tie.
    index('problems_region_state_idx')
      .on(t.regionId, t.state, t.deadline, t.code.desc())
      .where(sql`deleted_at IS NULL`),
    index('problems_unit_idx').on(t.unitId, t.state).where(sql`deleted_at IS NULL`),
    // Dashboards count by region, state and colour (and overdue by deadline) from this index alone.
    index('problems_dashboard_idx').on(t.regionId, t.state, t.color, t.deadline).where(sql`deleted_at IS NULL`),
    // A colour's list in deadline order (home's 红色督办 and 蓝色提醒, the ledger's colour filter): read in order, not
    // by scanning the region (28 ms → 0.06 ms for a page of the county dataset's 6,000 blue problems).
    index('problems_color_idx')
      .on(t.regionId, t.color, t.deadline, t.code.desc().nullsLast())
      .where(sql`deleted_at IS NULL`),
    index('problems_leader_idx').on(t.leaderPersonId),
    index('problems_code_idx').on(t.regionId, t.code),
    // The ledger's default order (sort=attention): open problems first, nearest (or longest overdue) deadline first.
    index('problems_attention_idx')
      .on(t.regionId, sql`(state = 'closed')`, t.deadline, t.code.desc().nullsLast())
      .where(sql`deleted_at IS NULL`),
    index('problems_created_idx').on(t.regionId, t.createdAt.desc(), t.code.desc()).where(sql`deleted_at IS NULL`),
    index('problems_search_idx').using('gin', t.searchBigrams),
  ],
);

/** 措施清单: each measure has an owner and a deadline (calendar or working days). */
export const problemMeasures = pgTable(
  'problem_measures',
  {
    id: id(),
    problemId: uuid('problem_id').notNull(),
    seq: integer('seq').notNull(),
    content: text('content').notNull(),
    ownerPersonId: uuid('owner_person_id'),
    deadlineType: text('deadline_type').notNull(),
    deadlineDays: integer('deadline_days'),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    done: boolean('done').notNull().default(false),
    doneAt: tstz('done_at'),
    progress: text('progress').notNull().default(''),
    lastReportAt: tstz('last_report_at'),
  },
  (t) => [index('problem_measures_problem_idx').on(t.problemId, t.seq)],
);

/** Every transition and report: actor, time, comment, evidence (SPEC M4). */
export const problemEvents = pgTable(
  'problem_events',
  {
    id: id(),
    problemId: uuid('problem_id').notNull(),
    ...eventColumns(),
    payload: jsonb('payload'),
    late: boolean('late').notNull().default(false),
  },
  (t) => [
    index('problem_events_problem_idx').on(t.problemId, t.at),
    // Escalations (通报/约谈/挂牌) are few among the events: the assessment reads a period's without scanning all.
    index('problem_events_escalate_idx').on(t.at).where(sql`type = 'escalate'`),
  ],
);

/** Evidence files, stored in the database so every instance serves them. */
export const problemFiles = pgTable(
  'problem_files',
  {
    id: id(),
    problemId: uuid('problem_id').notNull(),
    eventId: uuid('event_id'),
    measureId: uuid('measure_id'),
    ...fileColumns(),
  },
  (t) => [index('problem_files_problem_idx').on(t.problemId)],
);

/** 共性问题: similar problems across units rectified together (举一反三). */
export const commonProblemGroups = pgTable('common_problem_groups', {
  id: id(),
  regionId: uuid('region_id').notNull(),
  title: text('title').notNull(),
  description: text('description').notNull().default(''),
  createdAt: createdAt(),
});
