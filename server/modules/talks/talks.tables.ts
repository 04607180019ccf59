import { boolean, date, index, integer, pgSequence, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { deletedAt, id, tstz, eventColumns, versionedColumns } from '../../platform/db/columns.js';

export const talkCodeSeq = pgSequence('talk_code_seq', { startWith: 1 });

/**
 * 谈话 (SPEC M8): 廉政/任职/提醒/警示/诫勉谈话 and 约谈 — who talks, with whom, why, the record and
 * the follow-up. Linked to a problem, a warning or a case (no foreign keys: those modules own them).
 */
export const talks = pgTable(
  'talks',
  {
    id: id(),
    regionId: uuid('region_id').notNull(),
    code: text('code').notNull(),
    kind: text('kind').notNull(),
    /** 谈话人 from the org module, and/or names of talkers outside it (e.g. 县委书记). */
    talkerPersonIds: uuid('talker_person_ids').array().notNull(),
    talkerNames: text('talker_names').notNull().default(''),
    /** 谈话对象 */
    subjectPersonIds: uuid('subject_person_ids').array().notNull(),
    /** 约谈 of a unit's leadership. */
    subjectUnitId: uuid('subject_unit_id'),
    /** Units the talk concerns (subject unit + units of the subjects): the data scope. */
    unitIds: uuid('unit_ids').array().notNull(),
    reason: text('reason').notNull(),
    talkOn: date('talk_on', { mode: 'string' }).notNull(),
    place: text('place').notNull().default(''),
    /** 谈话时间 from–to on `talkOn` (HH:MM), printed in the 谈话笔录. */
    startTime: text('start_time'),
    endTime: text('end_time'),
    /** 记录人: a person of the region. */
    recorderPersonId: uuid('recorder_person_id'),
    record: text('record').notNull().default(''),
    recordedAt: tstz('recorded_at'),
    /** 整改要求 and its tracking. */
    followUpRequired: text('follow_up_required').notNull().default(''),
    followUpDue: date('follow_up_due', { mode: 'string' }),
    followUpDone: boolean('follow_up_done').notNull().default(false),
    followUpResult: text('follow_up_result').notNull().default(''),
    followedUpAt: tstz('followed_up_at'),
    problemId: uuid('problem_id'),
    warningId: uuid('warning_id'),
    caseId: uuid('case_id'),
    /** 四种形态 (1 = 第一种形态), null when the talk is not an application of a form. */
    formOfFour: integer('form_of_four'),
    state: text('state').notNull().default('planned'),
    closedAt: tstz('closed_at'),
    createdByUserId: uuid('created_by_user_id'),
    ...versionedColumns(),
    deletedAt: deletedAt(),
  },
  (t) => [
    index('talks_region_idx').on(t.regionId, t.talkOn),
    index('talks_units_idx').using('gin', t.unitIds),
    index('talks_subjects_idx').using('gin', t.subjectPersonIds),
    index('talks_problem_idx').on(t.problemId),
    index('talks_warning_idx').on(t.warningId),
    index('talks_case_idx').on(t.caseId),
  ],
);

export const talkEvents = pgTable(
  'talk_events',
  {
    id: id(),
    talkId: uuid('talk_id').notNull(),
    ...eventColumns(),
  },
  (t) => [index('talk_events_talk_idx').on(t.talkId, t.at)],
);
