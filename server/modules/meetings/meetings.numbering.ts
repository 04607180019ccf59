import { documentKind } from '../org/org.directory.js';

/** The joint meeting's 会议纪要, numbered when the meeting is closed. */
export const MINUTES = documentKind({
  kind: 'meeting_minutes',
  objectType: 'meeting',
  issuer: 'joint_meeting',
  suffix: '纪',
});
