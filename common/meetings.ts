/** 联席会议 (SPEC M5) vocabulary shared by server and web. */

export const MEETING_STATES = { scheduled: '待召开', held: '已召开', closed: '已结束' } as const;
export type MeetingState = keyof typeof MEETING_STATES;

export const MEETING_EVENTS = {
  add_item: '添加议题',
  hold: '召开会议',
  decide: '作出决定',
  close: '结束会议',
} as const;
export type MeetingEvent = keyof typeof MEETING_EVENTS;
