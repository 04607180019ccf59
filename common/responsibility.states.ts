import {
  DISPATCH_EVENTS,
  DISPATCH_STATES,
  type DispatchState,
  REPORT_EVENTS,
  REPORT_STATES,
  type ReportState,
} from './responsibility.js';
import { defineTable } from './workflow.js';

/** What may be done to a dispatch: its events, editing, deleting and recording fulfilment of its items. */
export const DISPATCH_ACTIONS = { ...DISPATCH_EVENTS, update: '修改', delete: '删除', fulfil: '记录履责' } as const;
export type DispatchAction = keyof typeof DISPATCH_ACTIONS;

/** The office (responsibility:manage) dispatches; the recipient (the leader, or the unit's accounts) fulfils. */
export const DISPATCH_CAPACITIES = { office: '派单部门', recipient: '责任主体' } as const;
export type DispatchCapacity = keyof typeof DISPATCH_CAPACITIES;

/**
 * A dispatch is drafted, issued, received by its recipient and closed by the office at the period's end.
 * Fulfilment is recorded while it is out (issued or received), late entries included.
 */
export const DISPATCH_TABLE = defineTable<DispatchState, DispatchAction, DispatchCapacity>({
  states: DISPATCH_STATES,
  events: DISPATCH_ACTIONS,
  capacities: DISPATCH_CAPACITIES,
  transitions: [
    { event: 'update', from: ['draft'], to: null, by: 'office' },
    { event: 'delete', from: ['draft'], to: null, by: 'office' },
    { event: 'issue', from: ['draft'], to: 'issued', by: 'office' },
    { event: 'receive', from: ['issued'], to: 'received', by: 'recipient' },
    { event: 'fulfil', from: ['issued', 'received'], to: null, by: 'recipient' },
    { event: 'close', from: ['issued', 'received'], to: 'closed', by: 'office' },
  ],
});

export const REPORT_ACTIONS = { ...REPORT_EVENTS, update: '修改' } as const;
export type ReportAction = keyof typeof REPORT_ACTIONS;

/** The recipient reports; the unit head (a unit's report) or the office (a county leader's) approves. */
export const REPORT_CAPACITIES = { reporter: '报告人', approver: '审核人' } as const;
export type ReportCapacity = keyof typeof REPORT_CAPACITIES;

export const REPORT_TABLE = defineTable<ReportState, ReportAction, ReportCapacity>({
  states: REPORT_STATES,
  events: REPORT_ACTIONS,
  capacities: REPORT_CAPACITIES,
  transitions: [
    { event: 'update', from: ['draft', 'returned'], to: null, by: 'reporter' },
    { event: 'submit', from: ['draft', 'returned'], to: 'submitted', by: 'reporter' },
    { event: 'approve', from: ['submitted'], to: 'approved', by: 'approver' },
    { event: 'return', from: ['submitted'], to: 'returned', by: 'approver' },
  ],
});
