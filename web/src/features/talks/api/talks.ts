import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TalkEvent, TalkKind, TalkState } from '../../../../../common/talks';
import { api, apiDelete, apiPatch, apiPost, type Page } from '../../../lib/api';

interface PersonRef {
  id: string;
  name: string;
  post: string;
  unitName: string;
}

/** 谈话. */
export interface Talk {
  id: string;
  code: string;
  kind: TalkKind;
  kindLabel: string;
  talkerPersonIds: string[];
  talkerNames: string;
  talkers: PersonRef[];
  subjectPersonIds: string[];
  subjects: PersonRef[];
  subjectUnitId: string | null;
  subjectUnitName: string | null;
  unitIds: string[];
  unitNames: string[];
  reason: string;
  talkOn: string;
  place: string;
  record: string;
  recordedAt: string | null;
  followUpRequired: string;
  followUpDue: string | null;
  followUpDone: boolean;
  followUpResult: string;
  followUpOverdue: boolean;
  problemId: string | null;
  warningId: string | null;
  caseId: string | null;
  formOfFour: number | null;
  state: TalkState;
  stateLabel: string;
  version: number;
  actions: ('update' | 'delete' | TalkEvent)[];
}

export interface TalkDetail extends Talk {
  events: { id: string; type: string; label: string; actorName: string; at: string; comment: string }[];
}

export interface TalkFilters {
  kind?: string;
  state?: string;
  unitId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export interface TalkInput {
  kind: TalkKind;
  talkerPersonIds: string[];
  talkerNames: string;
  subjectPersonIds: string[];
  subjectUnitId: string | null;
  reason: string;
  talkOn: string;
  place: string;
  followUpRequired: string;
  followUpDue: string | null;
  problemId: string | null;
  warningId: string | null;
  caseId: string | null;
}

export const talkKeys = {
  all: ['talks'] as const,
  list: (q: object) => ['talks', 'list', q] as const,
  detail: (id: string) => ['talks', 'detail', id] as const,
};

export function useTalks(q: TalkFilters & { page: number; pageSize: number }) {
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
    mutationFn: (input: { type: TalkEvent; version: number; record?: string; result?: string; done?: boolean }) =>
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
    onSuccess: () => void qc.invalidateQueries({ queryKey: talkKeys.all }),
  });
}

export const talkRecordDocPath = (id: string) => `/talks/${id}/documents/record.docx`;
