import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiDelete, apiPatch, apiPost, type Page, type PageQuery } from '../../../lib/api';

export interface Person {
  id: string;
  name: string;
  gender: string | null;
  unitId: string | null;
  unitName: string | null;
  post: string | null;
  rank: string | null;
  partyMember: boolean;
  isLeader: boolean;
  phone: string | null;
  version: number;
}

export interface PostHistory {
  unitName: string;
  post: string;
  from: string | null;
  to: string | null;
}

export interface PersonDetail extends Person {
  posts?: PostHistory[];
}

export interface PeopleQuery extends PageQuery {
  unitId?: string;
}

export type PersonInput = Omit<Person, 'id' | 'version' | 'unitName'>;

export const peopleKeys = {
  all: ['people'] as const,
  list: (q: PeopleQuery) => ['people', 'list', q] as const,
  detail: (id: string) => ['people', id] as const,
};

export function usePeople(query: PeopleQuery, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.list(query),
    queryFn: ({ signal }) => api<Page<Person>>('/people', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: string | null) {
  return useQuery({
    queryKey: peopleKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<PersonDetail>(`/people/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useSavePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, version }: { id?: string; input: PersonInput; version?: number }) =>
      id ? apiPatch<Person>(`/people/${id}`, { ...input, version }) : apiPost<Person>('/people', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

export function useDeletePerson() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => apiDelete<void>(`/people/${id}`, { version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
