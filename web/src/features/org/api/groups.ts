import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupKind } from '../../../../../common/org';
import type { ZCreateGroup, ZGroup, ZListGroups } from '../../../../../common/org.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPatch, apiPost, type Page, type ListQueryOf } from '../../../lib/api';

export type { GroupKind };
export type Group = Response<typeof ZGroup>;
export type GroupInput = z.input<typeof ZCreateGroup>;

export type GroupFilters = Pick<z.input<typeof ZListGroups>, 'kind' | 'q'>;
/** The query of the list: all of ZListGroups the server reads, with the page and sort. */
export type GroupQuery = ListQueryOf<typeof ZListGroups>;

/** One page of the 工作组 list. */
export function useGroups(q: GroupQuery) {
  return useQuery({
    queryKey: ['groups', 'list', q],
    queryFn: ({ signal }) => api<Page<Group>>('/groups', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSaveGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input, version }: { id?: string; input: GroupInput; version?: number }) =>
      id ? apiPatch<Group>(`/groups/${id}`, { ...input, version }) : apiPost<Group>('/groups', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['groups'] }),
  });
}
