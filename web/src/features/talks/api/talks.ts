import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TalkEvent } from '../../../../../common/talks';
import type { ZCreateTalk, ZListTalks, ZTalk, ZTalkDetail, ZTalkEvent } from '../../../../../common/talks.schema';
import type { Response, z } from '../../../../../common/zod';
import {
  api,
  apiDelete,
  apiPatch,
  apiPost,
  leaveRecord,
  type ListFilters,
  type ListQueryOf,
  type Page,
} from '../../../lib/api';
import { resource, useResourceList, useResourceDetail, useDetailChange } from '../../../lib/resource';

/** 谈话. */
export type Talk = Response<typeof ZTalk>;
export type TalkDetail = Response<typeof ZTalkDetail>;
export type TalkInput = z.input<typeof ZCreateTalk>;

export type TalkFilters = ListFilters<typeof ZListTalks>;

const talks = resource<Page<Talk>, TalkDetail>('talks', '/talks');
export const talkKeys = talks.keys;
export const useTalks = (q: ListQueryOf<typeof ZListTalks>) => useResourceList(talks, q);
export const useTalk = (id: string | undefined) => useResourceDetail(talks, id);

export function useSaveTalk(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version, key }: { input: TalkInput; version?: number; key: string }) =>
      id
        ? apiPatch<TalkDetail>(`/talks/${id}`, { ...input, version })
        : api<TalkDetail>('/talks', { method: 'POST', body: input, headers: { 'idempotency-key': key } }),
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: talkKeys.all }),
  });
}

export const useTalkEvent = (id: string) =>
  useDetailChange(
    talkKeys,
    id,
    (input: z.input<typeof ZTalkEvent> & { type: TalkEvent }) => apiPost<TalkDetail>(`/talks/${id}/events`, input),
    { refetch: 'all' },
  );

export function useDeleteTalk(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiDelete<void>(`/talks/${id}`, { version }),
    onSuccess: () => void leaveRecord(qc, talkKeys.all, id),
  });
}

export const talkRecordDocPath = (id: string) => `/talks/${id}/documents/record.docx`;
