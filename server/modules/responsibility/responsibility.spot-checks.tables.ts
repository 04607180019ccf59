import { index, integer, pgSequence, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { eventColumns, id, tstz, versionedColumns } from '../../platform/db/columns.js';

export const spotCheckCodeSeq = pgSequence('spot_check_code_seq', { startWith: 1 });

/**
 * 定期抽查 (seed 004): a random, reproducible sample of one quarter's submitted or approved reports. The seed and
 * the population size are kept, so the same draw can be made again and checked.
 */
export const spotChecks = pgTable(
  'spot_checks',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter').notNull(),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    sampleSize: integer('sample_size'),
    samplePercent: integer('sample_percent'),
    seed: text('seed').notNull(),
    populationSize: integer('population_size'),
    state: text('state').notNull().default('draft'),
    drawnAt: tstz('drawn_at'),
    concludedAt: tstz('concluded_at'),
    conclusion: text('conclusion').notNull().default(''),
    createdByUserId: uuid('created_by_user_id'),
    ...versionedColumns(),
  },
  (t) => [
    uniqueIndex('spot_checks_code_uniq').on(t.regionId, t.code),
    index('spot_checks_region_idx').on(t.regionId, t.year, t.quarter),
  ],
);

/** The drawn reports, in the order of the draw. */
export const spotCheckSamples = pgTable(
  'spot_check_samples',
  {
    id: id(),
    spotCheckId: uuid('spot_check_id').notNull(),
    reportId: uuid('report_id').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [
    uniqueIndex('spot_check_samples_uniq').on(t.spotCheckId, t.reportId),
    index('spot_check_samples_report_idx').on(t.reportId),
  ],
);

/**
 * One item of a sampled report and the office's verdict on its fulfilment record (属实 / 不实 / 不到位); a negative
 * verdict of a concluded check may become one problem of the ledger (problemId is the back-link, set once).
 */
export const spotCheckVerdicts = pgTable(
  'spot_check_verdicts',
  {
    id: id(),
    spotCheckId: uuid('spot_check_id').notNull(),
    reportId: uuid('report_id').notNull(),
    dispatchItemId: uuid('dispatch_item_id').notNull(),
    seq: integer('seq').notNull(),
    verdict: text('verdict'),
    comment: text('comment').notNull().default(''),
    evidenceRef: text('evidence_ref').notNull().default(''),
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedByName: text('recorded_by_name').notNull().default(''),
    recordedAt: tstz('recorded_at'),
    problemId: uuid('problem_id'),
    problemCode: text('problem_code'),
  },
  (t) => [
    uniqueIndex('spot_check_verdicts_uniq').on(t.spotCheckId, t.reportId, t.dispatchItemId),
    index('spot_check_verdicts_report_idx').on(t.reportId),
  ],
);

export const spotCheckEvents = pgTable(
  'spot_check_events',
  {
    id: id(),
    spotCheckId: uuid('spot_check_id').notNull(),
    ...eventColumns(),
  },
  (t) => [index('spot_check_events_idx').on(t.spotCheckId, t.at)],
);
