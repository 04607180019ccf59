import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZCommonGroupDetail,
  ZCommonGroupPage,
  ZCommonGroupRow,
  ZCreateCommonGroup,
  ZListCommonGroups,
} from '../../../../../common/problems.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost, type ListQueryOf } from '../../../lib/api';
import { problemKeys } from './problems';

export type CommonGroup = Response<typeof ZCommonGroupRow>;
export type CommonGroupDetail = Response<typeof ZCommonGroupDetail>;
export type CommonGroupInput = z.input<typeof ZCreateCommonGroup>;

export const groupKeys = {
  all: ['problem-groups'] as const,
  detail: (id: string) => ['problem-groups', id] as const,
};

export type CommonGroupFilters = Pick<z.input<typeof ZListCommonGroups>, 'q'>;
/** The query of the list: all of ZListCommonGroups the server reads, with the page and sort. */
export type CommonGroupQuery = ListQueryOf<typeof ZListCommonGroups>;

export function useCommonGroups(q: CommonGroupQuery) {
  return useQuery({
    queryKey: [...groupKeys.all, 'list', q],
    queryFn: ({ signal }) => api<Response<typeof ZCommonGroupPage>>('/problem-groups', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
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
    mutationFn: (input: CommonGroupInput) => apiPost<CommonGroupDetail>('/problem-groups', input),
    meta: { silent: true },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: groupKeys.all });
      await qc.invalidateQueries({ queryKey: problemKeys.all });
    },
  });
}
