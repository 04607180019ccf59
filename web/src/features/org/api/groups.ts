import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPatch, apiPost, type Page } from '../../../lib/api';

export type GroupKind = 'patrol' | 'dispatched';

export interface Group {
  id: string;
  kind: GroupKind;
  name: string;
  leaderPersonId: string | null;
  leaderName: string | null;
  memberPersonIds: string[];
  unitIds: string[];
  version: number;
}

export type GroupInput = Pick<Group, 'kind' | 'name' | 'leaderPersonId' | 'memberPersonIds' | 'unitIds'>;

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
