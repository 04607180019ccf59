import { boolean, date, index, integer, pgSequence, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  createdAt,
  deletedAt,
  eventColumns,
  fileColumns,
  id,
  tstz,
  versionedColumns,
} from '../../platform/db/columns.js';

export const dispatchCodeSeq = pgSequence('dispatch_code_seq', { startWith: 1 });

/**
 * 主体责任事项目录 (SPEC M2): what each subject (领导班子, 一把手, 班子成员, 纪委, 党组织 …) must do, with a
 * quantitative target and the evidence expected. Dispatches copy items from here.
 */
export const responsibilityItems = pgTable(
  'responsibility_items',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    subjectKind: text('subject_kind').notNull(),
    category: text('category').notNull(),
    content: text('content').notNull(),
    target: text('target').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    frequency: text('frequency').notNull(),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    ...versionedColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [index('responsibility_items_region_idx').on(t.regionId, t.subjectKind)],
);

/**
 * 派单: a list of responsibility items sent to a county leader (recipientPersonId), a unit or a unit's
 * leadership (unitId) for a period. `unitId` is the data scope of the unit kinds; a leader's list is seen by the
 * leader (and the region). 增派单 carry their source (problem, finding, warning, case).
 */
export const dispatches = pgTable(
  'dispatches',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    /** 1-4 for quarterly lists; null for a year-start prompt or an ad hoc list. */
    quarter: integer('quarter'),
    recipientKind: text('recipient_kind').notNull(),
    recipientPersonId: uuid('recipient_person_id'),
    unitId: uuid('unit_id'),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    sourceType: text('source_type'),
    sourceId: uuid('source_id'),
    state: text('state').notNull().default('draft'),
    issuedOn: date('issued_on', { mode: 'string' }),
    createdByUserId: uuid('created_by_user_id'),
    ...versionedColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [
    uniqueIndex('dispatches_code_uniq').on(t.regionId, t.code),
    index('dispatches_region_idx').on(t.regionId, t.year, t.quarter),
    index('dispatches_recipient_idx').on(t.recipientPersonId),
    index('dispatches_unit_idx').on(t.unitId),
    index('dispatches_source_idx').on(t.sourceType, t.sourceId),
  ],
);

/** One dispatched item: copied from the catalogue or typed, with its deadline and fulfilment state. */
export const dispatchItems = pgTable(
  'dispatch_items',
  {
    id: id(),
    dispatchId: uuid('dispatch_id').notNull(),
    regionId: uuid('region_id').notNull(),
    catalogueItemId: uuid('catalogue_item_id'),
    category: text('category').notNull().default(''),
    content: text('content').notNull(),
    target: text('target').notNull().default(''),
    evidence: text('evidence').notNull().default(''),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    /** How the deadline was set: '' (a date) or e.g. '10个工作日'. */
    deadlineRule: text('deadline_rule').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    /** The first fulfilment record's date and whether it came after the deadline. */
    fulfilledOn: date('fulfilled_on', { mode: 'string' }),
    late: boolean('late').notNull().default(false),
  },
  (t) => [
    index('dispatch_items_dispatch_idx').on(t.dispatchId, t.sortOrder),
    index('dispatch_items_deadline_idx').on(t.deadline),
  ],
);

/** 履责纪实: what was done for an item, when; late entries are kept and marked late. */
export const fulfilments = pgTable(
  'fulfilments',
  {
    id: id(),
    dispatchItemId: uuid('dispatch_item_id').notNull(),
    dispatchId: uuid('dispatch_id').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    late: boolean('late').notNull().default(false),
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedByName: text('recorded_by_name').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('fulfilments_item_idx').on(t.dispatchItemId), index('fulfilments_dispatch_idx').on(t.dispatchId)],
);

export const fulfilmentFiles = pgTable(
  'fulfilment_files',
  {
    id: id(),
    fulfilmentId: uuid('fulfilment_id').notNull(),
    dispatchId: uuid('dispatch_id').notNull(),
    ...fileColumns(),
  },
  (t) => [index('fulfilment_files_fulfilment_idx').on(t.fulfilmentId)],
);

export const dispatchEvents = pgTable(
  'dispatch_events',
  {
    id: id(),
    dispatchId: uuid('dispatch_id').notNull(),
    ...eventColumns(),
  },
  (t) => [index('dispatch_events_dispatch_idx').on(t.dispatchId, t.at)],
);

/**
 * 落实情况季度报告 of one recipient (a county leader, or a unit) for a quarter: its text is assembled from the
 * quarter's items and fulfilment records when read, never typed twice; `summary` is the recipient's own words.
 */
export const responsibilityReports = pgTable(
  'responsibility_reports',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    recipientKind: text('recipient_kind').notNull(),
    recipientPersonId: uuid('recipient_person_id'),
    unitId: uuid('unit_id'),
    summary: text('summary').notNull().default(''),
    state: text('state').notNull().default('draft'),
    submittedAt: tstz('submitted_at'),
    approvedAt: tstz('approved_at'),
    ...versionedColumns(),
  },
  (t) => [index('responsibility_reports_region_idx').on(t.regionId, t.year, t.quarter)],
);

export const responsibilityReportEvents = pgTable(
  'responsibility_report_events',
  {
    id: id(),
    reportId: uuid('report_id').notNull(),
    ...eventColumns(),
  },
  (t) => [index('responsibility_report_events_idx').on(t.reportId, t.at)],
);

// ---------- 签字承诺 (signed commitments; responsibility.commitments.ts)

/**
 * One version of a year's commitment text for one kind of signer (单位主要负责人 / 班子成员). Publishing an edit
 * inserts the next revision; old revisions stay readable, and the signatures made on them keep pointing at them.
 */
export const commitmentTexts = pgTable(
  'commitment_texts',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    year: integer('year').notNull(),
    signerKind: text('signer_kind').notNull(),
    revision: integer('revision').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** SHA-256 of title and body: what a signature attests. */
    textHash: text('text_hash').notNull(),
    publishedAt: tstz('published_at').notNull(),
    publishedByUserId: uuid('published_by_user_id'),
    publishedByName: text('published_by_name').notNull().default(''),
  },
  (t) => [uniqueIndex('commitment_texts_revision_uniq').on(t.regionId, t.year, t.signerKind, t.revision)],
);

/** A signer's signature of one version: who (user and person), when, which version and the hash of its text. */
export const commitmentSignatures = pgTable(
  'commitment_signatures',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    year: integer('year').notNull(),
    signerKind: text('signer_kind').notNull(),
    textId: uuid('text_id').notNull(),
    revision: integer('revision').notNull(),
    textHash: text('text_hash').notNull(),
    personId: uuid('person_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    userId: uuid('user_id').notNull(),
    signerName: text('signer_name').notNull(),
    signedAt: tstz('signed_at').notNull(),
  },
  (t) => [
    uniqueIndex('commitment_signatures_once_uniq').on(t.textId, t.personId),
    index('commitment_signatures_year_idx').on(t.regionId, t.year, t.personId),
  ],
);
