import { boolean, date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, eventColumns, fileColumns, id, tstz, versionedColumns } from '../../platform/db/columns.js';

/**
 * 信访举报 (SPEC M9). The filer's identity and contact (`filer_enc`) and the report itself — what, when,
 * where (`content_enc`) — are SM4-encrypted at rest with the key `key_id` (complaints.crypto.ts); the
 * subject (name, unit, post) stays readable for triage, scope and figures. No foreign keys to other
 * modules (problems, cases, users): those modules own their rows.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    /** 受理编号 given to the filer: random, not sequential, so it cannot be guessed from another. */
    code: text('code').notNull(),
    /** argon2 hash of the query password; null for staff intake without a receipt. */
    passwordHash: text('password_hash'),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    anonymous: boolean('anonymous').notNull(),
    /** Key of filer_enc/content_enc/the files; null = stored without a key (anonymous only, see decision). */
    keyId: text('key_id'),
    filerEnc: bytea('filer_enc'),
    contentEnc: bytea('content_enc').notNull(),
    subjectName: text('subject_name').notNull().default(''),
    subjectUnitId: uuid('subject_unit_id'),
    subjectUnitName: text('subject_unit_name').notNull(),
    subjectPost: text('subject_post').notNull().default(''),
    aboutPrincipal: boolean('about_principal').notNull().default(false),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    sourceRef: text('source_ref').notNull().default(''),
    state: text('state').notNull().default('received'),
    /** 首问负责: the owner until handed over in the system. */
    ownerUserId: uuid('owner_user_id'),
    ownerName: text('owner_name').notNull().default(''),
    repeatOfId: uuid('repeat_of_id'),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    transferTo: text('transfer_to').notNull().default(''),
    transferredOn: date('transferred_on', { mode: 'string' }),
    lowerResult: text('lower_result'),
    lowerRepliedOn: date('lower_replied_on', { mode: 'string' }),
    way: text('way'),
    decidedOn: date('decided_on', { mode: 'string' }),
    approver: text('approver').notNull().default(''),
    finding: text('finding'),
    result: text('result').notNull().default(''),
    completedOn: date('completed_on', { mode: 'string' }),
    completionDue: date('completion_due', { mode: 'string' }).notNull(),
    acceptanceToldOn: date('acceptance_told_on', { mode: 'string' }),
    acceptanceToldHow: text('acceptance_told_how'),
    feedbackOn: date('feedback_on', { mode: 'string' }),
    feedbackHow: text('feedback_how'),
    /** The answer the filer reads with the receipt code. */
    answer: text('answer').notNull().default(''),
    problemId: uuid('problem_id'),
    caseId: uuid('case_id'),
    /** Which clocks the daily watch has already raised, and how far: { clockKey: 'warn' | 'overdue' }. */
    clockAlerts: jsonb('clock_alerts').$type<Record<string, 'warn' | 'overdue'>>().notNull().default({}),
    createdByUserId: uuid('created_by_user_id'),
    ...versionedColumns(),
  },
  (t) => [
    uniqueIndex('complaints_code_idx').on(t.code),
    index('complaints_region_idx').on(t.regionId, t.receivedOn),
    index('complaints_owner_idx').on(t.ownerUserId),
    index('complaints_repeat_idx').on(t.repeatOfId),
    index('complaints_problem_idx').on(t.problemId),
    index('complaints_case_idx').on(t.caseId),
  ],
);

export const complaintFiles = pgTable(
  'complaint_files',
  {
    id: id(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    /** Key of `content` (encrypted like the report); null = stored without a key. */
    keyId: text('key_id'),
    ...fileColumns(),
  },
  (t) => [index('complaint_files_complaint_idx').on(t.complaintId)],
);

export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: id(),
    complaintId: uuid('complaint_id').notNull(),
    ...eventColumns(),
    payload: jsonb('payload').notNull().default({}),
    late: boolean('late').notNull().default(false),
    recordedAt: tstz('recorded_at').defaultNow(),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at)],
);
