import { documentKind } from '../org/org.directory.js';

/**
 * The per-problem documents: the 交办单 issued on dispatch, the 督办提醒函 on the first confirmed escalation, the
 * 约谈建议书 when escalation reaches 约谈.
 */
export const PROBLEM_DOCUMENTS = {
  notice: documentKind({ kind: 'problem_notice', objectType: 'problem', issuer: 'patrol_office', suffix: '交' }),
  reminder: documentKind({ kind: 'problem_reminder', objectType: 'problem', issuer: 'patrol_office', suffix: '提' }),
  interview: documentKind({ kind: 'problem_interview', objectType: 'problem', issuer: 'patrol_office', suffix: '约' }),
};

/** 通报 of problems chosen on the ledger (one registry row per 通报, its rows in the payload). */
export const PROBLEM_CIRCULAR = documentKind({
  kind: 'problem_circular',
  objectType: 'problem_circular',
  issuer: 'patrol_office',
  suffix: '通',
});
