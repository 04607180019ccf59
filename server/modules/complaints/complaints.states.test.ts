import type { ComplaintEvent } from '../../../common/complaints.js';
import type { ComplaintCapacity } from '../../../common/complaints.states.js';
import { describeMachine } from '../../test/machine.js';
import { complaintMachine } from './complaints.states.js';

type Subject = {
  state: string;
  anonymous: boolean;
  acceptanceToldOn: string | null;
  ownerUserId: string | null;
  objectionOpen?: boolean;
  problemId: string | null;
};

const OPEN = ['received', 'accepted', 'handling', 'completed'];

/** The rules of 《纪检监察机关处理检举控告工作规则》 as this product applies them, written out by hand. */
function expected(event: ComplaintEvent, caps: ReadonlySet<ComplaintCapacity>, c: Subject) {
  if (event === 'claim') return caps.has('intake') && c.state === 'received';
  if (!caps.has('owner') && !caps.has('leader')) return false;
  switch (event) {
    case 'hand_over':
      return OPEN.includes(c.state);
    case 'accept':
    case 'transfer':
    case 'mark_repeat':
      return c.state === 'received';
    case 'lower_reply':
      return c.state === 'transferred';
    case 'escalate':
      return c.state === 'received' || c.state === 'accepted';
    case 'notify_acceptance':
      return ['accepted', 'handling', 'completed'].includes(c.state) && !c.anonymous && !c.acceptanceToldOn;
    case 'decide':
      return c.state === 'accepted';
    case 'complete':
      return c.state === 'handling';
    case 'feedback':
      return c.state === 'completed';
    case 'objection':
      return c.state === 'answered' && !c.anonymous;
    case 'answer_objection':
      return c.state === 'answered' && c.objectionOpen === true;
    case 'to_problem':
      return c.state === 'handling' && !c.problemId;
    case 'propose':
      return c.state === 'handling';
  }
}

describeMachine('complaint', complaintMachine, {
  variants: [
    { anonymous: true, acceptanceToldOn: null, ownerUserId: null, objectionOpen: false, problemId: null },
    { anonymous: false, acceptanceToldOn: null, ownerUserId: 'u', objectionOpen: false, problemId: null },
    { anonymous: false, acceptanceToldOn: '2026-01-05', ownerUserId: 'u', objectionOpen: true, problemId: 'p' },
  ],
  capacitySets: [
    ['owner', 'leader'],
    ['intake', 'leader'],
  ],
  expected,
});
