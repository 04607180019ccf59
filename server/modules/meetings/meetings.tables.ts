import { date, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, tstz, versionedColumns } from '../../platform/db/columns.js';

/** 联席会议 (SPEC M5): led by the commission with 县委办, 政府办, 组织部, 编办 …. */
export const meetings = pgTable(
  'meetings',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    title: text('title').notNull(),
    scheduledAt: tstz('scheduled_at').notNull(),
    place: text('place').notNull().default(''),
    state: text('state').notNull().default('scheduled'),
    memberUnitIds: uuid('member_unit_ids').array().notNull(),
    /** 列席: units attending that are not members. 请假: member units excused (纪要 §10.3 出席/列席/请假). */
    attendingUnitIds: uuid('attending_unit_ids').array().notNull().default([]),
    excusedUnitIds: uuid('excused_unit_ids').array().notNull().default([]),
    summary: text('summary').notNull().default(''),
    heldAt: tstz('held_at'),
    closedAt: tstz('closed_at'),
    ...versionedColumns(),
  },
  (t) => [index('meetings_region_idx').on(t.regionId, t.scheduledAt)],
);

/** Agenda items: a pending warning, a cross-unit dispute (problem without a lead unit) or another matter. */
export const meetingItems = pgTable(
  'meeting_items',
  {
    id: id(),
    meetingId: uuid('meeting_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    warningId: uuid('warning_id'),
    problemId: uuid('problem_id'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    decisionKind: text('decision_kind'),
    decision: text('decision'),
    leadUnitId: uuid('lead_unit_id'),
    ownerPersonId: uuid('owner_person_id'),
    deadline: date('deadline', { mode: 'string' }),
    resultProblemId: uuid('result_problem_id'),
    decidedAt: tstz('decided_at'),
    decidedBy: text('decided_by'),
  },
  (t) => [index('meeting_items_meeting_idx').on(t.meetingId, t.seq)],
);
