import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ZCreatePerson, ZListPeople, ZPerson, ZPersonDetail } from '../../../../../common/org.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiDelete, apiPatch, apiPost, type ListQueryOf, type Page } from '../../../lib/api';
import { useRefetchingMutation } from '../../../lib/resource';

export type Person = Response<typeof ZPerson>;
export type PersonDetail = Response<typeof ZPersonDetail>;
export type PostHistory = PersonDetail['posts'][number];

export type PeopleQuery = ListQueryOf<typeof ZListPeople>;

export type PersonInput = z.input<typeof ZCreatePerson>;

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
  return useRefetchingMutation(
    peopleKeys.all,
    ({ id, input, version }: { id?: string; input: PersonInput; version?: number }) =>
      id ? apiPatch<PersonDetail>(`/people/${id}`, { ...input, version }) : apiPost<PersonDetail>('/people', input),
  );
}

export function useDeletePerson() {
  return useRefetchingMutation(peopleKeys.all, ({ id, version }: { id: string; version: number }) =>
    apiDelete<void>(`/people/${id}`, { version }),
  );
}
