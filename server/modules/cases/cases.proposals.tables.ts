import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgSequence, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ProposalEvidence, ProposalSubject } from '../../../common/proposals.js';
import { eventColumns, id, tstz, versionedColumns } from '../../platform/db/columns.js';

export const proposalCodeSeq = pgSequence('accountability_proposal_code_seq', { startWith: 1 });

/**
 * 问责建议 (issue #17): what a source module (problems' ladder, warnings, patrol, a case's 以案促改,
 * complaints) hands to the case office, with the evidence as the source saw it. No foreign keys to the
 * sources: those modules own them. One open (pending or accepted) proposal per source object.
 */
export const accountabilityProposals = pgTable(
  'accountability_proposals',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    sourceCode: text('source_code').notNull().default(''),
    sourceTitle: text('source_title').notNull().default(''),
    /** The unit concerned (the source's), when there is one. */
    unitId: uuid('unit_id'),
    subjects: jsonb('subjects').$type<ProposalSubject[]>().notNull(),
    /** 问责条例 第七条 item proposed, when the source names one. */
    situation: integer('situation'),
    reason: text('reason').notNull(),
    evidence: jsonb('evidence').$type<ProposalEvidence[]>().notNull(),
    /** Permission of the source's office (problems:manage, warnings:manage …): who hears the outcome. */
    sourcePermission: text('source_permission').notNull(),
    proposedByUserId: uuid('proposed_by_user_id'),
    proposedByName: text('proposed_by_name').notNull(),
    state: text('state').notNull().default('pending'),
    caseId: uuid('case_id'),
    caseCode: text('case_code'),
    declineReason: text('decline_reason'),
    decidedAt: tstz('decided_at'),
    decidedByName: text('decided_by_name'),
    ...versionedColumns(),
  },
  (t) => [
    uniqueIndex('accountability_proposals_open_source_uq').on(t.sourceType, t.sourceId).where(sql`state <> 'declined'`),
    index('accountability_proposals_region_idx').on(t.regionId, t.state, t.createdAt),
    index('accountability_proposals_case_idx').on(t.caseId),
  ],
);

export const accountabilityProposalEvents = pgTable(
  'accountability_proposal_events',
  {
    id: id(),
    proposalId: uuid('proposal_id').notNull(),
    ...eventColumns(),
  },
  (t) => [index('accountability_proposal_events_idx').on(t.proposalId, t.at)],
);
