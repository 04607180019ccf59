import { COMPLAINT_TABLE } from '../../../common/complaints.states.js';
import { defineMachine } from '../../platform/workflow/machine.js';
import type { ComplaintRow } from './complaints.repository.js';

/**
 * The complaint machine: the shared table, plus the notices that only a real-name filer is owed, an objection
 * only after a feedback, an answer only to a recorded objection, and one problem per complaint.
 */
export const complaintMachine = defineMachine({
  table: COMPLAINT_TABLE,
  noun: '信访举报件',
  illegalCode: 'COMPLAINT_ILLEGAL_TRANSITION',
  actorFirst: true,
  guard: (
    event,
    _by,
    c: Pick<ComplaintRow, 'state' | 'anonymous' | 'acceptanceToldOn' | 'ownerUserId' | 'problemId'> & {
      objectionOpen?: boolean;
    },
  ) => {
    if (event === 'notify_acceptance') return !c.anonymous && !c.acceptanceToldOn;
    if (event === 'objection') return !c.anonymous;
    if (event === 'answer_objection') return c.objectionOpen === true;
    // One problem per complaint: it is the complaint's link into the ledger.
    if (event === 'to_problem') return !c.problemId;
    return true;
  },
});
