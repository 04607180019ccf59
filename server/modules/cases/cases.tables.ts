import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import {
  createdAt,
  deletedAt,
  id,
  tstz,
  version,
  eventColumns,
  fileColumns,
  versionedColumns,
} from '../../platform/db/columns.js';

export const caseCodeSeq = pgSequence('case_code_seq');

/** 问责案件 (SPEC M8): confidential — visible to its members and the commission leaders only. */
export const cases = pgTable(
  'cases',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull().unique(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** 问责条例 第七条 (1–11) or 第二十一条 (21). */
    situation: integer('situation').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id'),
    /** 一案双查: the case this one was spawned from. */
    parentCaseId: uuid('parent_case_id'),
    state: text('state').notNull().default('proposed'),
    /** Criteria of 提级预审. */
    highAttention: boolean('high_attention').notNull().default(false),
    importantPost: boolean('important_post').notNull().default(false),
    field: text('field').notNull().default(''),
    /** {problem, result, responsibility, causation}: the four facts. */
    facts: jsonb('facts').notNull().default({}),
    statementIssuedAt: tstz('statement_issued_at'),
    prereviewRequired: boolean('prereview_required').notNull().default(false),
    /** {requestedAt, reasons, opinion, by, at} */
    prereview: jsonb('prereview'),
    /** {df|ag|sl: {userId, name, opinion, at}} */
    jointReview: jsonb('joint_review').notNull().default({}),
    launchApprovedAt: tstz('launch_approved_at'),
    decidedAt: tstz('decided_at'),
    decisionDate: date('decision_date', { mode: 'string' }),
    decisionNumber: text('decision_number'),
    /** The collective body that took the decision (常委会会议, 委务会议), if it was taken collectively. */
    decisionBody: text('decision_body'),
    /** The rule versions the decision was made under (RuleCitation[]), printed in the 决定书; never rewritten. */
    rulesCited: jsonb('rules_cited'),
    /** Consistency flags shown when the decision was taken. */
    consistency: jsonb('consistency'),
    executionDeadline: date('execution_deadline', { mode: 'string' }),
    executedAt: tstz('executed_at'),
    execution: text('execution'),
    /** 回访: {date, by, notes} */
    followUp: jsonb('follow_up'),
    closedAt: tstz('closed_at'),
    outcome: text('outcome'),
    createdBy: uuid('created_by'),
    ...versionedColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [index('cases_region_state_idx').on(t.regionId, t.state), index('cases_source_idx').on(t.sourceId)],
);

/** Who may see a case besides the commission leaders: its investigators, joint reviewers and evaluators. */
export const caseMembers = pgTable(
  'case_members',
  {
    caseId: uuid('case_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId, t.role] }), index('case_members_user_idx').on(t.userId)],
);

/** 问责对象: an organisation or a cadre, with the determination and decision for them. */
export const caseSubjects = pgTable(
  'case_subjects',
  {
    id: id(),
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    subjectType: text('subject_type').notNull(),
    personId: uuid('person_id'),
    unitId: uuid('unit_id'),
    name: text('name').notNull(),
    post: text('post').notNull().default(''),
    statementShownAt: tstz('statement_shown_at'),
    defense: text('defense'),
    signedAt: tstz('signed_at'),
    responsibility: text('responsibility'),
    duty: text('duty'),
    /** {exemption: [...], mitigating: [...], aggravating: [...]} keys of CIRCUMSTANCES. */
    circumstances: jsonb('circumstances').notNull().default({}),
    /** {outcome, reasons, filingIds, distinctions: {pilot, exploration, public_interest}} */
    tolerance: jsonb('tolerance'),
    determinedAt: tstz('determined_at'),
    /** [{form, mode: impose|propose}] as decided (changed by an appeal or a correction). */
    forms: jsonb('forms').notNull().default([]),
    /** The decision before any appeal: an appeal never makes it heavier. */
    originalForms: jsonb('original_forms'),
    formOfFour: integer('form_of_four'),
    /** 送达: the day the subject received the decision (appeal clocks count from it) and how. */
    servedOn: date('served_on', { mode: 'string' }),
    serviceManner: text('service_manner'),
  },
  (t) => [index('case_subjects_case_idx').on(t.caseId, t.seq), index('case_subjects_person_idx').on(t.personId)],
);

export const caseEvents = pgTable(
  'case_events',
  {
    id: id(),
    caseId: uuid('case_id').notNull(),
    ...eventColumns(),
    payload: jsonb('payload'),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/** Evidence of the four facts, stored in the database like problem evidence. */
export const caseFiles = pgTable(
  'case_files',
  {
    id: id(),
    caseId: uuid('case_id').notNull(),
    fact: text('fact').notNull(),
    ...fileColumns(),
  },
  (t) => [index('case_files_case_idx').on(t.caseId)],
);

/** 申诉 / 复审 / 复核 of a subject, with its legal clocks. Execution is not suspended meanwhile. */
export const caseAppeals = pgTable(
  'case_appeals',
  {
    id: id(),
    caseId: uuid('case_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    kind: text('kind').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    fileDeadline: date('file_deadline', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    /** [{from, to}] while the clock stood still (e.g. awaiting materials). */
    pauses: jsonb('pauses').notNull().default([]),
    decideDeadline: date('decide_deadline', { mode: 'string' }),
    state: text('state').notNull().default('pending'),
    result: text('result'),
    resultForms: jsonb('result_forms'),
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionReason: text('decision_reason'),
    /** 送达 of this appeal's decision (a 复审决定 starts the 复核 clock from the day it was received). */
    servedOn: date('served_on', { mode: 'string' }),
    serviceManner: text('service_manner'),
    createdAt: createdAt(),
  },
  (t) => [index('case_appeals_case_idx').on(t.caseId)],
);

/** Influence periods (影响期): computed from the decision, ended by a daily job with notice to 组织部. */
export const influencePeriods = pgTable(
  'influence_periods',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    caseId: uuid('case_id').notNull(),
    subjectId: uuid('subject_id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    form: text('form').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    state: text('state').notNull().default('active'),
    endedAt: tstz('ended_at'),
    endReason: text('end_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    index('influence_periods_person_idx').on(t.personId),
    index('influence_periods_active_idx').on(t.regionId, t.endsOn).where(sql`state = 'active'`),
  ],
);

/** 案件评查: a closed case sampled for a period and scored per stage. */
export const caseEvaluations = pgTable(
  'case_evaluations',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    period: text('period').notNull(),
    caseId: uuid('case_id').notNull(),
    /** {launch: {basis: 10, ...}, investigation: {...}, ...} */
    scores: jsonb('scores').notNull().default({}),
    total: integer('total'),
    defects: text('defects').notNull().default(''),
    corrections: text('corrections').notNull().default(''),
    state: text('state').notNull().default('sampled'),
    evaluatorUserId: uuid('evaluator_user_id'),
    evaluatedAt: tstz('evaluated_at'),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index('case_evaluations_period_idx').on(t.regionId, t.period)],
);
