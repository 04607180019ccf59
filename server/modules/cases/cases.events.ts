import type { CaseEventType, CaseState, JointReviewOffice } from '../../../common/cases.js';
import type { Actor, Ctx } from '../../platform/context.js';
import { badRequest } from '../../platform/errors.js';
import type { Step } from '../../platform/workflow/machine.js';
import type * as repo from './cases.repository.js';
import type { CaseRules } from './cases.rules.js';
import type { TCaseEvent } from '../../../common/cases.schema.js';

/**
 * What the dispatcher hands an event's handler once the table, the caller's capacity and the
 * version agreed: the case as read, its rules, members and subjects.
 */
export interface CaseEvent {
  ctx: Ctx;
  actor: Actor;
  c: repo.CaseRow;
  input: TCaseEvent;
  rules: CaseRules;
  members: Awaited<ReturnType<typeof repo.membersOf>>;
  reviewerOffice: JointReviewOffice | null;
  subjects: repo.SubjectRow[];
}

/** The handler's checks and writes; `comment` defaults to the caller's, `payload` to none. */
export type CaseStep = Step<repo.CaseRow, CaseState>;
export type CaseHandler = (e: CaseEvent) => Promise<CaseStep> | CaseStep;

/** Events fired through the API (`opened` is recorded by `createCase`). */
export type FiredEvent = Exclude<CaseEventType, 'opened'>;

export const need = (v: string | undefined, what: string, field = 'comment') => {
  if (!v?.trim()) throw badRequest('FIELD_REQUIRED', `请填写${what}`, field);
  return v.trim();
};

export function subjectOf(subjects: repo.SubjectRow[], id: string | undefined) {
  const s = subjects.find((x) => x.id === id);
  if (!s) throw badRequest('SUBJECT_NOT_FOUND', '请选择本案的问责对象', 'subjectId');
  return s;
}

export const investigatorsOf = (members: CaseEvent['members']) => members.filter((m) => m.role === 'investigator');
