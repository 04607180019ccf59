import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, jsonb, pgSequence, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { deletedAt, id, tstz, eventColumns, versionedColumns } from '../../platform/db/columns.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});

export const toleranceCodeSeq = pgSequence('tolerance_code_seq', { startWith: 1 });

/**
 * 容错免责 事前备案: filed by a unit before a risky decision (问责条例 第十七条: reform pilots and
 * exploratory mistakes, dissent recorded in the collective decision), approved by the commission.
 */
export const toleranceFilings = pgTable(
  'tolerance_filings',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** 责任人: people of the org module answerable for the decision. */
    personIds: uuid('person_ids').array().notNull(),
    matter: text('matter').notNull(),
    decision: text('decision').notNull(),
    basis: text('basis').notNull(),
    exploratory: boolean('exploratory').notNull().default(false),
    minutes: text('minutes').notNull(),
    dissent: text('dissent').notNull().default(''),
    risk: text('risk').notNull().default(''),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    reviewOn: date('review_on', { mode: 'string' }).notNull(),
    /** 容错情形 (positive list) keys the filer claims, 不予容错情形 (negative list) keys that apply. */
    toleranceItems: text('tolerance_items').array().notNull().default(sql`'{}'::text[]`),
    exclusionItems: text('exclusion_items').array().notNull().default(sql`'{}'::text[]`),
    /** The versions of the two lists the filing was checked against ({positive, negative} RuleCitation). */
    listsCited: jsonb('lists_cited'),
    state: text('state').notNull().default('draft'),
    returnReason: text('return_reason'),
    submittedAt: tstz('submitted_at'),
    approvedByUserId: uuid('approved_by_user_id'),
    approvedAt: tstz('approved_at'),
    approvalComment: text('approval_comment'),
    /** The signed 集体决策会议纪要 as uploaded (optional). */
    minutesFileName: text('minutes_file_name'),
    minutesFileMime: text('minutes_file_mime'),
    minutesFile: bytea('minutes_file'),
    createdByUserId: uuid('created_by_user_id'),
    /** Character bigrams of matter and decision (zelian_bigrams, migration 0005): Chinese search and matching. */
    searchBigrams: text('search_bigrams').array().generatedAlwaysAs(sql`zelian_bigrams(matter || ' ' || decision)`),
    ...versionedColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('tolerance_filings_region_idx').on(t.regionId, t.state, t.decidedOn),
    index('tolerance_filings_unit_idx').on(t.unitId),
    index('tolerance_filings_people_idx').using('gin', t.personIds),
    index('tolerance_filings_search_idx').using('gin', t.searchBigrams),
  ],
);

export const toleranceEvents = pgTable(
  'tolerance_events',
  {
    id: id(),
    filingId: uuid('filing_id').notNull(),
    ...eventColumns(),
  },
  (t) => [index('tolerance_events_filing_idx').on(t.filingId, t.at)],
);
