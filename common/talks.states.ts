import { TALK_EVENTS, TALK_STATES, type TalkState } from './talks.js';
import { defineTable } from './workflow.js';

/** What may be done to a talk: its events, and editing or deleting it. */
export const TALK_ACTIONS = { ...TALK_EVENTS, update: '修改', delete: '删除' } as const;
export type TalkAction = keyof typeof TALK_ACTIONS;

/** Talks are run by the discipline organs' offices and groups that manage them (talks:manage). */
export const TALK_CAPACITIES = { organizer: '谈话组织部门' } as const;
export type TalkCapacity = keyof typeof TALK_CAPACITIES;

/** The flow of a talk (SPEC M8): planned, held and recorded (re-recordable), followed up, closed. */
export const TALK_TABLE = defineTable<TalkState, TalkAction, TalkCapacity>({
  states: TALK_STATES,
  events: TALK_ACTIONS,
  capacities: TALK_CAPACITIES,
  transitions: [
    { event: 'update', from: ['planned', 'recorded'], to: null, by: 'organizer' },
    { event: 'delete', from: ['planned'], to: null, by: 'organizer' },
    { event: 'record', from: ['planned', 'recorded'], to: 'recorded', by: 'organizer' },
    { event: 'follow_up', from: ['recorded'], to: null, by: 'organizer' },
    { event: 'close', from: ['recorded'], to: 'closed', by: 'organizer' },
  ],
});
