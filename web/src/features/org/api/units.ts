import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiDelete, apiPatch, apiPost } from '../../../lib/api';

export interface Unit {
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  code: string | null;
  type: string;
  typeLabel?: string;
  principalPersonId: string | null;
  principalName?: string | null;
  liaisonPersonId: string | null;
  liaisonName?: string | null;
  leaderInChargePersonId: string | null;
  leaderInChargeName?: string | null;
  memberPersonIds: string[];
  sortOrder: number;
  version: number;
  actions?: string[];
}

export interface CreateUnitInput {
  parentId: string | null;
  name: string;
  shortName?: string | null;
  code?: string | null;
  type: string;
  sortOrder?: number;
}

export type UpdateUnitInput = Partial<Omit<Unit, 'id' | 'version' | 'actions'>> & { version: number };

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
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUnitInput) => apiPost<Unit>('/units', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: unitKeys.all }),
  });
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
