import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZCreateUnit, ZUnit, ZUpdateUnit } from '../../../../../common/org.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiDelete, apiPatch, apiPost } from '../../../lib/api';
import { useRefetchingMutation } from '../../../lib/resource';

export type Unit = Response<typeof ZUnit>;
export type CreateUnitInput = z.input<typeof ZCreateUnit>;
export type UpdateUnitInput = z.input<typeof ZUpdateUnit>;

export const unitKeys = {
  all: ['units'] as const,
  detail: (id: string) => ['units', 'detail', id] as const,
};

export function useUnit(id: string | null) {
  return useQuery({
    queryKey: unitKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<Unit>(`/units/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useCreateUnit() {
  return useRefetchingMutation(unitKeys.all, (input: CreateUnitInput) => apiPost<Unit>('/units', input));
}

export function useUpdateUnit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUnitInput) => apiPatch<Unit>(`/units/${id}`, input),
    onSuccess: (unit) => {
      qc.setQueryData(unitKeys.detail(id), unit);
      return qc.invalidateQueries({ queryKey: unitKeys.all });
    },
  });
}

export function useDeleteUnit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => apiDelete<void>(`/units/${id}`, { version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
