import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZAgendaCandidates,
  ZCreateMeeting,
  ZListMeetings,
  ZMeeting,
  ZMeetingDetail,
  ZMeetingEvent,
  ZMeetingItem,
} from '../../../../../common/meetings.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost, type ListQueryOf, type Page } from '../../../lib/api';
import { resource, useResourceList, useResourceDetail } from '../../../lib/resource';

export type Meeting = Response<typeof ZMeeting>;
export type MeetingItem = Response<typeof ZMeetingItem>;
export type MeetingDetail = Response<typeof ZMeetingDetail>;
export type AgendaCandidates = Response<typeof ZAgendaCandidates>;
export type MeetingInput = z.input<typeof ZCreateMeeting>;
export type MeetingEventInput = z.input<typeof ZMeetingEvent>;
export type MeetingState = Meeting['state'];
export type MeetingAction = MeetingEventInput['type'];
export type ItemKind = MeetingItem['kind'];
export type DecisionKind = NonNullable<MeetingItem['decisionKind']>;

export const MEETING_STATES: Record<MeetingState, string> = { scheduled: '待召开', held: '已召开', closed: '已结束' };
export const ITEM_KINDS: Record<ItemKind, string> = { warning: '模拟问责研判', dispute: '职能交叉', other: '其他议题' };
export const DECISION_KINDS: Record<DecisionKind, string> = {
  issue_warning: '发出提醒函',
  dismiss_warning: '不予预警',
  lead_unit: '明确牵头单位',
  new_problem: '转为交办事项',
  note: '会议意见',
};

/** The units a cross-functional problem involves (GET /api/problems/:id). */
export interface ItemProblem {
  id: string;
  code: string;
  title: string;
  unitId: string;
  unitName: string | null;
  coUnitIds: string[];
}

/** Page, page size and `sort` (`scheduledAt` or `-scheduledAt`), as ZListMeetings reads them. */
export type MeetingListQuery = ListQueryOf<typeof ZListMeetings>;

const meetings = resource<Page<Meeting>, MeetingDetail>('meetings', '/meetings');
export const meetingKeys = { ...meetings.keys, candidates: ['meetings', 'agenda-candidates'] as const };
export const useMeetings = (q: MeetingListQuery) => useResourceList(meetings, q);
export const useMeeting = (id: string | undefined) => useResourceDetail(meetings, id);

export function useAgendaCandidates(enabled = true) {
  return useQuery({
    queryKey: meetingKeys.candidates,
    queryFn: ({ signal }) => api<AgendaCandidates>('/meetings/agenda-candidates', { signal }),
    enabled,
  });
}

/** Same cache entry as the problems feature's detail query (same endpoint). */
export function useItemProblem(problemId: string | null | undefined) {
  return useQuery({
    queryKey: ['problems', 'detail', problemId ?? ''],
    queryFn: ({ signal }) => api<ItemProblem>(`/problems/${problemId}`, { signal }),
    enabled: !!problemId,
  });
}

export function useCreateMeeting() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: MeetingInput; key: string }) =>
      api<MeetingDetail>('/meetings', { method: 'POST', body: input, headers: { 'idempotency-key': key } }),
    meta: { silent: true },
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: meetingKeys.all });
      // Assembling the agenda puts pending warnings on it.
      void qc.invalidateQueries({ queryKey: ['warnings'] });
    },
  });
}

/** Fire a meeting event; decisions change warnings and problems server-side, so those caches are refreshed too. */
export function useMeetingEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MeetingEventInput) => apiPost<MeetingDetail>(`/meetings/${id}/events`, input),
    meta: { silent: true },
    onSuccess: (meeting) => qc.setQueryData(meetingKeys.detail(id), meeting),
    onSettled: (_data, _error, input) => {
      void qc.invalidateQueries({ queryKey: meetingKeys.all });
      if (input.type === 'decide') {
        void qc.invalidateQueries({ queryKey: ['warnings'] });
        void qc.invalidateQueries({ queryKey: ['problems'] });
      }
    },
  });
}

export const minutesDocPath = (id: string) => `/meetings/${id}/documents/minutes.docx`;
