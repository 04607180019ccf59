import { MEETING_EVENTS, MEETING_STATES, type MeetingEvent, type MeetingState } from './meetings.js';
import { defineTable } from './workflow.js';

/** Joint meetings are convened and run by the offices that manage them (meetings:manage). */
export const MEETING_CAPACITIES = { organizer: '会议召集部门' } as const;
export type MeetingCapacity = keyof typeof MEETING_CAPACITIES;

/** The flow of a joint meeting: items are added until it closes, decided once it is held. */
export const MEETING_TABLE = defineTable<MeetingState, MeetingEvent, MeetingCapacity>({
  states: MEETING_STATES,
  events: MEETING_EVENTS,
  capacities: MEETING_CAPACITIES,
  transitions: [
    { event: 'add_item', from: ['scheduled', 'held'], to: null, by: 'organizer' },
    { event: 'hold', from: ['scheduled'], to: 'held', by: 'organizer' },
    { event: 'decide', from: ['held'], to: null, by: 'organizer' },
    { event: 'close', from: ['held'], to: 'closed', by: 'organizer' },
  ],
});
