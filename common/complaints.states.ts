import { COMPLAINT_EVENTS, COMPLAINT_STATES, type ComplaintEvent, type ComplaintState } from './complaints.js';
import { defineTable } from './workflow.js';

export const COMPLAINT_CAPACITIES = {
  owner: '承办人（首问负责）',
  intake: '信访受理人员',
  leader: '委领导',
} as const;
export type ComplaintCapacity = keyof typeof COMPLAINT_CAPACITIES;

const OPEN: ComplaintState[] = ['received', 'accepted', 'handling', 'completed'];

/**
 * The flow of a complaint under 《纪检监察机关处理检举控告工作规则》(2020): received and triaged
 * (受理 / 转办下级 / 报送上级 / 重复件), handled after a collective decision (第十七条), completed,
 * and answered to a real-name filer (第四章). While handled it may become one problem of the ledger or a
 * proposal of accountability. Leaders may do whatever the owner may.
 */
export const COMPLAINT_TABLE = defineTable<ComplaintState, ComplaintEvent, ComplaintCapacity>({
  states: COMPLAINT_STATES,
  events: COMPLAINT_EVENTS,
  capacities: COMPLAINT_CAPACITIES,
  transitions: [
    { event: 'claim', from: ['received'], to: null, by: 'intake' },
    ...(['owner', 'leader'] as const).flatMap((by) => [
      { event: 'hand_over' as const, from: OPEN, to: null, by },
      { event: 'accept' as const, from: ['received' as const], to: 'accepted' as const, by },
      { event: 'transfer' as const, from: ['received' as const], to: 'transferred' as const, by },
      { event: 'lower_reply' as const, from: ['transferred' as const], to: null, by },
      { event: 'escalate' as const, from: ['received' as const, 'accepted' as const], to: 'escalated' as const, by },
      { event: 'mark_repeat' as const, from: ['received' as const], to: 'repeat' as const, by },
      {
        event: 'notify_acceptance' as const,
        from: ['accepted' as const, 'handling' as const, 'completed' as const],
        to: null,
        by,
      },
      { event: 'decide' as const, from: ['accepted' as const], to: 'handling' as const, by },
      { event: 'complete' as const, from: ['handling' as const], to: 'completed' as const, by },
      { event: 'feedback' as const, from: ['completed' as const], to: 'answered' as const, by },
      { event: 'objection' as const, from: ['answered' as const], to: null, by },
      { event: 'answer_objection' as const, from: ['answered' as const], to: null, by },
      // Handling may go through the ledger (a problem the unit must fix) or the 问责建议 queue (a case).
      { event: 'to_problem' as const, from: ['handling' as const], to: null, by },
      { event: 'propose' as const, from: ['handling' as const], to: null, by },
    ]),
  ],
});
