import {
  CIRCULAR_EVENTS,
  CIRCULAR_STATES,
  type CircularEvent,
  type CircularState,
  FINDING_EVENTS,
  FINDING_STATES,
  type FindingEvent,
  type FindingState,
  TASK_EVENTS,
  TASK_STATES,
  TYPICAL_CASE_EVENTS,
  TYPICAL_CASE_STATES,
  type TaskEvent,
  type TaskState,
  type TypicalCaseEvent,
  type TypicalCaseState,
} from './patrol.js';
import { defineTable } from './workflow.js';

const OFFICE = { office: '领导小组办公室' } as const;

/** A task is the office's, addressed to one patrol group, whose members carry it out. */
export const TASK_CAPACITIES = { ...OFFICE, group: '督导巡查组' } as const;
export type TaskCapacity = keyof typeof TASK_CAPACITIES;

export const TASK_TABLE = defineTable<TaskState, TaskEvent, TaskCapacity>({
  states: TASK_STATES,
  events: TASK_EVENTS,
  capacities: TASK_CAPACITIES,
  transitions: [
    { event: 'issue', from: ['draft'], to: 'issued', by: 'office' },
    { event: 'start', from: ['issued'], to: 'in_progress', by: 'group' },
    { event: 'report', from: ['issued', 'in_progress'], to: 'reported', by: 'group' },
    { event: 'complete', from: ['reported'], to: 'completed', by: 'office' },
    { event: 'return', from: ['reported'], to: 'in_progress', by: 'office' },
    { event: 'cancel', from: ['draft', 'issued', 'in_progress'], to: 'cancelled', by: 'office' },
  ],
});

/** Every finding event is the office's: the group only reports findings upward. */
export const FINDING_CAPACITIES = OFFICE;
export type FindingCapacity = keyof typeof FINDING_CAPACITIES;

export const FINDING_TABLE = defineTable<FindingState, FindingEvent, FindingCapacity>({
  states: FINDING_STATES,
  events: FINDING_EVENTS,
  capacities: FINDING_CAPACITIES,
  transitions: [
    { event: 'merge', from: ['submitted'], to: 'merged', by: 'office' },
    { event: 'dispatch', from: ['submitted', 'escalated'], to: 'dispatched', by: 'office' },
    { event: 'escalate', from: ['submitted'], to: 'escalated', by: 'office' },
    { event: 'instruct', from: ['escalated'], to: 'dispatched', by: 'office' },
    { event: 'close', from: ['submitted', 'escalated'], to: 'closed', by: 'office' },
  ],
});

/** 督导巡查通报 / 约谈建议书: drafted by the office, approved by a commission leader, published by the office. */
export const CIRCULAR_CAPACITIES = { ...OFFICE, approver: '审批领导' } as const;
export type CircularCapacity = keyof typeof CIRCULAR_CAPACITIES;

export const CIRCULAR_TABLE = defineTable<CircularState, CircularEvent, CircularCapacity>({
  states: CIRCULAR_STATES,
  events: CIRCULAR_EVENTS,
  capacities: CIRCULAR_CAPACITIES,
  transitions: [
    { event: 'approve', from: ['draft'], to: 'approved', by: 'approver' },
    { event: 'publish', from: ['approved'], to: 'published', by: 'office' },
  ],
});

/** 典型案例: drafted by the office, published to every unit of the region. */
export const TYPICAL_CASE_CAPACITIES = OFFICE;
export type TypicalCaseCapacity = keyof typeof TYPICAL_CASE_CAPACITIES;

export const TYPICAL_CASE_TABLE = defineTable<TypicalCaseState, TypicalCaseEvent, TypicalCaseCapacity>({
  states: TYPICAL_CASE_STATES,
  events: TYPICAL_CASE_EVENTS,
  capacities: TYPICAL_CASE_CAPACITIES,
  transitions: [{ event: 'publish', from: ['draft'], to: 'published', by: 'office' }],
});
