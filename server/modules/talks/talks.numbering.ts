import { documentKind } from '../org/org.directory.js';

/** A talk's 谈话记录, numbered when the talk is recorded and dated the talk day. */
export const TALK_RECORD = documentKind({
  kind: 'talk_record',
  objectType: 'talk',
  issuer: 'commission',
  suffix: '谈',
});
