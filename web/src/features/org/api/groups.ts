import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupKind } from '../../../../../common/org';
import type { ZCreateGroup, ZGroup } from '../../../../../common/org.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPatch, apiPost, type Page } from '../../../lib/api';

export type { GroupKind };
export type Group = Response<typeof ZGroup>;
export type GroupInput = z.input<typeof ZCreateGroup>;

export function useGroups(kind: GroupKind) {
  return useQuery({
    queryKey: ['groups', 'list', kind],
    queryFn: ({ signal }) => api<Page<Group>>('/groups', { query: { kind, page: 1, pageSize: 200 }, signal }),
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
