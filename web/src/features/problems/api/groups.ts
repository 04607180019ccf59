import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiPost, type Page } from '../../../lib/api';
import { type Problem, problemKeys } from './problems';

export interface CommonGroup {
  id: string;
  title: string;
  description: string;
  createdAt: string;
  problemCount?: number;
}

export interface CommonGroupDetail extends CommonGroup {
  problems: Problem[];
}

export const groupKeys = {
  all: ['problem-groups'] as const,
  detail: (id: string) => ['problem-groups', id] as const,
};

export function useCommonGroups() {
  return useQuery({
    queryKey: groupKeys.all,
    queryFn: ({ signal }) => api<Page<CommonGroup>>('/problem-groups', { signal }),
  });
}

export function useCommonGroup(id: string | undefined) {
  return useQuery({
    queryKey: groupKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<CommonGroupDetail>(`/problem-groups/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useCreateCommonGroup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { title: string; description: string; problemIds: string[] }) =>
      apiPost<CommonGroupDetail>('/problem-groups', input),
    meta: { silent: true },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: groupKeys.all });
      await qc.invalidateQueries({ queryKey: problemKeys.all });
    },
  });
}
