import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, tstz, eventColumns, fileColumns, versionedColumns } from '../../platform/db/columns.js';

const noIds = sql`'{}'::uuid[]`;

/** 《督导巡查工作任务交办单》: a task from the leading group's office to one patrol group. */
export const patrolTasks = pgTable(
  'patrol_tasks',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    groupId: uuid('group_id').notNull(),
    title: text('title').notNull(),
    targetUnitIds: uuid('target_unit_ids').array().notNull().default(noIds),
    projects: text('projects').array().notNull().default(sql`'{}'::text[]`),
    focus: text('focus').notNull().default(''),
    method: text('method').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    requirements: text('requirements').notNull().default(''),
    state: text('state').notNull().default('draft'),
    report: text('report').notNull().default(''),
    issuedAt: tstz('issued_at'),
    reportedAt: tstz('reported_at'),
    completedAt: tstz('completed_at'),
    createdBy: uuid('created_by'),
    ...versionedColumns(),
  },
  (t) => [
    index('patrol_tasks_region_idx').on(t.regionId, t.createdAt),
    index('patrol_tasks_group_idx').on(t.groupId, t.state),
  ],
);

/** One visit of a patrol group: date, place, method, people met, notes, evidence. */
export const patrolInspections = pgTable(
  'patrol_inspections',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    groupId: uuid('group_id').notNull(),
    taskId: uuid('task_id'),
    date: date('date', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    method: text('method').notNull(),
    unitIds: uuid('unit_ids').array().notNull().default(noIds),
    project: text('project').notNull().default(''),
    peopleMet: text('people_met').notNull().default(''),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('patrol_inspections_group_idx').on(t.groupId, t.date),
    index('patrol_inspections_region_idx').on(t.regionId, t.date),
  ],
);

/** Photos and files of an inspection, stored in the database so every instance serves them. */
export const patrolFiles = pgTable(
  'patrol_files',
  {
    id: id(),
    inspectionId: uuid('inspection_id').notNull(),
    ...fileColumns(),
  },
  (t) => [index('patrol_files_inspection_idx').on(t.inspectionId)],
);

/** A finding: seen by the group and the office only until the office dispatches it as a problem. */
export const patrolFindings = pgTable(
  'patrol_findings',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    groupId: uuid('group_id').notNull(),
    taskId: uuid('task_id'),
    inspectionId: uuid('inspection_id'),
    unitId: uuid('unit_id').notNull(),
    project: text('project').notNull().default(''),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    suggestion: text('suggestion').notNull().default(''),
    category: text('category').notNull().default(''),
    severity: text('severity').notNull().default('general'),
    state: text('state').notNull().default('submitted'),
    mergedIntoId: uuid('merged_into_id'),
    problemIds: uuid('problem_ids').array().notNull().default(noIds),
    escalatedTo: text('escalated_to'),
    instruction: text('instruction'),
    instructedBy: text('instructed_by'),
    instructedAt: tstz('instructed_at'),
    closeReason: text('close_reason'),
    reportedBy: uuid('reported_by'),
    reportedByName: text('reported_by_name').notNull().default(''),
    ...versionedColumns(),
  },
  (t) => [
    index('patrol_findings_region_idx').on(t.regionId, t.createdAt.desc(), t.code.desc()),
    index('patrol_findings_state_idx').on(t.regionId, t.state, t.createdAt.desc()),
    index('patrol_findings_group_idx').on(t.groupId, t.createdAt.desc(), t.code.desc()),
  ],
);

/** Every transition of a task, finding, circular or typical case: actor, time, comment, payload. */
export const patrolEvents = pgTable(
  'patrol_events',
  {
    id: id(),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    ...eventColumns(),
    payload: jsonb('payload'),
  },
  (t) => [index('patrol_events_entity_idx').on(t.entityId, t.at)],
);

/** 督导巡查通报 and 约谈建议书, drafted from findings and problems, approved, published to a chosen scope. */
export const patrolCirculars = pgTable(
  'patrol_circulars',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    findingIds: uuid('finding_ids').array().notNull().default(noIds),
    problemIds: uuid('problem_ids').array().notNull().default(noIds),
    /** Units named (点名) in it: they feed the assessment (督+考). */
    unitIds: uuid('unit_ids').array().notNull().default(noIds),
    /** People named (点人). */
    people: text('people').array().notNull().default(sql`'{}'::text[]`),
    /** Empty = published to every unit of the region. */
    audienceUnitIds: uuid('audience_unit_ids').array().notNull().default(noIds),
    state: text('state').notNull().default('draft'),
    approvedBy: text('approved_by'),
    approvedAt: tstz('approved_at'),
    publishedAt: tstz('published_at'),
    ...versionedColumns(),
  },
  (t) => [index('patrol_circulars_region_idx').on(t.regionId, t.createdAt)],
);

/** 典型案例, positive or negative, drafted from findings and published to all units. */
export const patrolCases = pgTable(
  'patrol_cases',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    findingId: uuid('finding_id'),
    unitId: uuid('unit_id'),
    state: text('state').notNull().default('draft'),
    publishedAt: tstz('published_at'),
    ...versionedColumns(),
  },
  (t) => [index('patrol_cases_region_idx').on(t.regionId, t.createdAt)],
);

/** Semi-annual group reports and year-end 述职 evaluations with a score. */
export const patrolGroupReviews = pgTable(
  'patrol_group_reviews',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    groupId: uuid('group_id').notNull(),
    kind: text('kind').notNull(),
    period: text('period').notNull(),
    report: text('report').notNull().default(''),
    score: integer('score'),
    comment: text('comment').notNull().default(''),
    submittedBy: text('submitted_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('patrol_group_reviews_group_idx').on(t.groupId, t.period)],
);
