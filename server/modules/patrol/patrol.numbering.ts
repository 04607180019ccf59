import { documentKind } from '../org/org.directory.js';

/** Patrol documents: the 交办单 issued on the task's `issue`, 通报 and 约谈建议书 on the circular's `publish`. */
export const PATROL_DOCUMENTS = {
  task: documentKind({ kind: 'patrol_assignment', objectType: 'patrol_task', issuer: 'patrol_office', suffix: '任' }),
  circular: documentKind({
    kind: 'patrol_circular',
    objectType: 'patrol_circular',
    issuer: 'patrol_office',
    suffix: '通',
  }),
  interview: documentKind({
    kind: 'patrol_interview',
    objectType: 'patrol_circular',
    issuer: 'patrol_leading',
    suffix: '约',
  }),
};
