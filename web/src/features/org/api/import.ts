import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';

export interface ImportResult {
  units: number;
  people: number;
  unitsCreated?: number;
  peopleCreated?: number;
  peopleUpdated?: number;
}

export function useImportOrg() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('file', file);
      return api<ImportResult>('/org/import', { method: 'POST', formData });
    },
    meta: { silent: true },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['units'] });
      await qc.invalidateQueries({ queryKey: ['people'] });
    },
  });
}
