import { documentKind } from '../org/org.directory.js';

/** 模拟问责提醒函, numbered when the warning is issued (the `issue` event's transaction). */
export const REMINDER = documentKind({
  kind: 'warning_reminder',
  objectType: 'warning',
  issuer: 'joint_meeting',
  suffix: '函',
});
