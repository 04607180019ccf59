import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  bytea,
  createdAt,
  deletedAt,
  eventColumns,
  id,
  tstz,
  version,
  versionedColumns,
} from '../../platform/db/columns.js';

/** 考核指标体系 (SPEC M6): per region, year and unit type; its indicators form a tree (一级/二级/三级). */
export const indicatorSystems = pgTable(
  'indicator_systems',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    /** The unit type assessed (org UNIT_TYPES); null = every unit of the region. */
    unitType: text('unit_type'),
    /** Who is assessed: 'unit' or 'leader' (SUBJECT_KINDS; a leader system scores persons). */
    subjectKind: text('subject_kind').notNull().default('unit'),
    templateKey: text('template_key'),
    description: text('description').notNull().default(''),
    ...versionedColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [index('indicator_systems_region_idx').on(t.regionId, t.year)],
);

/** One indicator: a group (sum of its children) or a leaf scored by a metric, evaluators or a 民主测评. */
export const indicators = pgTable(
  'indicators',
  {
    id: id(),
    systemId: uuid('system_id').notNull(),
    parentId: uuid('parent_id'),
    level: integer('level').notNull(),
    seq: integer('seq').notNull(),
    name: text('name').notNull(),
    /** Points of the indicator (a group's weight is the sum its children may reach). */
    weight: numeric('weight', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    method: text('method').notNull(),
    metric: text('metric'),
    /** 一票否决: an event of the metric caps the grade. */
    veto: boolean('veto').notNull().default(false),
    /** Named evaluators of a qualitative indicator. */
    evaluators: text('evaluators').array().notNull().default([]),
    description: text('description').notNull().default(''),
  },
  (t) => [index('indicators_system_idx').on(t.systemId, t.level, t.seq)],
);

/** An assessment run of a system for a period; `revision` counts published versions. */
export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    systemId: uuid('system_id').notNull(),
    name: text('name').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    state: text('state').notNull().default('draft'),
    revision: integer('revision').notNull().default(1),
    publishedRevision: integer('published_revision'),
    /** The rules, grade thresholds and indicator tree the current revision was computed with. */
    basis: jsonb('basis'),
    computedAt: tstz('computed_at'),
    frozenAt: tstz('frozen_at'),
    publishedAt: tstz('published_at'),
    ...versionedColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [index('assessments_region_idx').on(t.regionId, t.periodFrom)],
);

/**
 * Each publication of a run (one per published revision): the 考核结果通报 issued with it is numbered and dated
 * then, and a later revision is published as a new 通报 with its own number.
 */
export const assessmentPublications = pgTable(
  'assessment_publications',
  {
    id: id(),
    assessmentId: uuid('assessment_id').notNull(),
    revision: integer('revision').notNull(),
    publishedAt: tstz('published_at').notNull(),
  },
  (t) => [uniqueIndex('assessment_publications_uniq').on(t.assessmentId, t.revision)],
);

export const assessmentEvents = pgTable(
  'assessment_events',
  { id: id(), assessmentId: uuid('assessment_id').notNull(), ...eventColumns(), payload: jsonb('payload') },
  (t) => [index('assessment_events_idx').on(t.assessmentId, t.at)],
);

/**
 * Score of a subject in one revision of a run, its rank within the unit type and grade (veto caps it). The subject
 * is a unit, or in a leader system (indicator_systems.subject_kind) a person: then `unit_id` holds the person's id
 * and `unit_type` is 'leader', so every leader of the run is ranked together.
 */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    assessmentId: uuid('assessment_id').notNull(),
    revision: integer('revision').notNull(),
    unitId: uuid('unit_id').notNull(),
    unitType: text('unit_type').notNull(),
    score: numeric('score', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    rank: integer('rank').notNull(),
    rankOf: integer('rank_of').notNull(),
    grade: text('grade').notNull(),
    vetoed: boolean('vetoed').notNull().default(false),
    talkId: uuid('talk_id'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.revision, t.unitId] })],
);

/**
 * Every point of a result, with its cause: an indicator, the event (kind, ref, date, link) and the points.
 * `unit_id` is the subject as in assessment_results (a person in a leader system).
 */
export const assessmentItems = pgTable(
  'assessment_items',
  {
    id: id(),
    assessmentId: uuid('assessment_id').notNull(),
    revision: integer('revision').notNull(),
    unitId: uuid('unit_id').notNull(),
    indicatorId: uuid('indicator_id'),
    kind: text('kind').notNull(),
    eventKind: text('event_kind'),
    refType: text('ref_type'),
    refId: uuid('ref_id'),
    refCode: text('ref_code'),
    occurredOn: date('occurred_on', { mode: 'string' }),
    points: numeric('points', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('assessment_items_idx').on(t.assessmentId, t.revision, t.unitId)],
);

/** Scores given by the named evaluators of a qualitative indicator. */
export const assessmentRatings = pgTable(
  'assessment_ratings',
  {
    assessmentId: uuid('assessment_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    evaluator: text('evaluator').notNull(),
    score: numeric('score', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    comment: text('comment').notNull().default(''),
    at: tstz('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.indicatorId, t.unitId, t.evaluator] })],
);

/** 民主测评: a questionnaire issued to a unit's party members. */
export const surveys = pgTable(
  'surveys',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** 被测评人: the leader assessed in person (leader systems), or null for the unit's leadership. */
    personId: uuid('person_id'),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** [{text}] — every question is answered on SURVEY_SCALE. */
    questions: jsonb('questions').notNull(),
    state: text('state').notNull().default('open'),
    issued: integer('issued').notNull().default(0),
    version: version(),
    createdAt: createdAt(),
    closedAt: tstz('closed_at'),
  },
  (t) => [index('surveys_region_idx').on(t.regionId, t.year)],
);

/**
 * One-time ballot tokens: only the SHA-256 of each token, no person, no time of use (docs/decisions
 * 017-ballot-anonymity.md). `used` flips once; the ballot it admits is stored without any reference to it.
 */
export const surveyTokens = pgTable(
  'survey_tokens',
  {
    hash: text('hash').primaryKey(),
    surveyId: uuid('survey_id').notNull(),
    used: boolean('used').notNull().default(false),
  },
  (t) => [index('survey_tokens_survey_idx').on(t.surveyId)],
);

/** Answers of one ballot (index into SURVEY_SCALE per question); no token, voter or timestamp. */
export const surveyBallots = pgTable(
  'survey_ballots',
  {
    id: id(),
    surveyId: uuid('survey_id').notNull(),
    answers: integer('answers').array().notNull(),
  },
  (t) => [index('survey_ballots_survey_idx').on(t.surveyId)],
);

/** 述职评议 / 述责述廉 / 三述一评 meetings (SPEC M6): who reports, who scores, the 纪要's conclusions. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    scheduledAt: tstz('scheduled_at').notNull(),
    place: text('place').notNull().default(''),
    state: text('state').notNull().default('scheduled'),
    attendees: text('attendees').array().notNull(),
    summary: text('summary').notNull().default(''),
    heldAt: tstz('held_at'),
    closedAt: tstz('closed_at'),
    ...versionedColumns(),
  },
  (t) => [index('evaluations_region_idx').on(t.regionId, t.year)],
);

/** A unit reporting in a meeting, its written report (uploaded once) and the speaker. */
export const evaluationReporters = pgTable(
  'evaluation_reporters',
  {
    id: id(),
    evaluationId: uuid('evaluation_id').notNull(),
    seq: integer('seq').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** The leader reporting in person (述责述廉 of a leader): the scores count for that person. */
    personId: uuid('person_id'),
    reporterName: text('reporter_name').notNull().default(''),
    reportName: text('report_name'),
    reportMime: text('report_mime'),
    reportSize: integer('report_size'),
    reportSha256: text('report_sha256'),
    reportContent: bytea('report_content'),
    reportUploadedAt: tstz('report_uploaded_at'),
    reportUploadedBy: uuid('report_uploaded_by'),
  },
  (t) => [
    index('evaluation_reporters_idx').on(t.evaluationId, t.seq),
    index('evaluation_reporters_unit_idx').on(t.unitId),
  ],
);

/** 质询: drawn from an open item of the reporter's unit (source + id + code) or asked in the meeting. */
export const evaluationQuestions = pgTable(
  'evaluation_questions',
  {
    id: id(),
    evaluationId: uuid('evaluation_id').notNull(),
    reporterId: uuid('reporter_id').notNull(),
    seq: integer('seq').notNull(),
    source: text('source').notNull(),
    sourceId: uuid('source_id'),
    sourceCode: text('source_code'),
    question: text('question').notNull(),
    answer: text('answer').notNull().default(''),
    answeredAt: tstz('answered_at'),
    /** An unsatisfactory answer handed on as a problem of the unit (督+述 → 督). */
    problemId: uuid('problem_id'),
    problemCode: text('problem_code'),
    createdAt: createdAt(),
  },
  (t) => [index('evaluation_questions_idx').on(t.evaluationId, t.reporterId, t.seq)],
);

/** An attendee's score of a reporter (re-scoring replaces it). */
export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    evaluationId: uuid('evaluation_id').notNull(),
    reporterId: uuid('reporter_id').notNull(),
    attendee: text('attendee').notNull(),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    at: tstz('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.reporterId, t.attendee] })],
);

/** 督导评估 of a unit against an indicator system (SPEC M6, seed 002): visit, report, rectification, 复查. */
export const reviews = pgTable(
  'supervision_reviews',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    systemId: uuid('system_id').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    visitedOn: date('visited_on', { mode: 'string' }).notNull(),
    state: text('state').notNull().default('draft'),
    /** First-level indicators' scores: { [indicatorId]: { score, comment } }. */
    scores: jsonb('scores').notNull().default({}),
    conclusion: text('conclusion').notNull().default(''),
    findings: text('findings').notNull().default(''),
    recheckOn: date('recheck_on', { mode: 'string' }),
    publishedAt: tstz('published_at'),
    closedAt: tstz('closed_at'),
    ...versionedColumns(),
  },
  (t) => [
    index('supervision_reviews_region_idx').on(t.regionId, t.year),
    index('supervision_reviews_unit_idx').on(t.unitId),
  ],
);

export const reviewEvents = pgTable(
  'supervision_review_events',
  { id: id(), reviewId: uuid('review_id').notNull(), ...eventColumns(), payload: jsonb('payload') },
  (t) => [index('supervision_review_events_idx').on(t.reviewId, t.at)],
);

/** A rectification item of a review: the problem it became in the ledger. */
export const reviewItems = pgTable(
  'supervision_review_items',
  {
    id: id(),
    reviewId: uuid('review_id').notNull(),
    seq: integer('seq').notNull(),
    content: text('content').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    problemId: uuid('problem_id').notNull(),
    problemCode: text('problem_code').notNull(),
  },
  (t) => [index('supervision_review_items_idx').on(t.reviewId, t.seq)],
);
