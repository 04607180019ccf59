import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** 谈话. */
export type Talk = Response<typeof ZTalk>;
export type TalkDetail = Response<typeof ZTalkDetail>;
export type TalkInput = z.input<typeof ZCreateTalk>;

export type TalkFilters = ListFilters<typeof ZListTalks>;

export const talkKeys = {
  all: ['talks'] as const,
  list: (q: object) => ['talks', 'list', q] as const,
  detail: (id: string) => ['talks', 'detail', id] as const,
};

export function useTalks(q: ListQueryOf<typeof ZListTalks>) {
  return useQuery({
    queryKey: talkKeys.list(q),
    queryFn: ({ signal }) => api<Page<Talk>>('/talks', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTalk(id: string | undefined) {
  return useQuery({
    queryKey: talkKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<TalkDetail>(`/talks/${id}`, { signal }),
    enabled: !!id,
  });
}

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

export function useTalkEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ZTalkEvent> & { type: TalkEvent }) =>
      apiPost<TalkDetail>(`/talks/${id}/events`, input),
    meta: { silent: true },
    onSuccess: (t) => qc.setQueryData(talkKeys.detail(id), t),
    onSettled: () => void qc.invalidateQueries({ queryKey: talkKeys.all }),
  });
}

export function useDeleteTalk(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiDelete<void>(`/talks/${id}`, { version }),
    onSuccess: () => void leaveRecord(qc, talkKeys.all, id),
  });
}

export const talkRecordDocPath = (id: string) => `/talks/${id}/documents/record.docx`;
