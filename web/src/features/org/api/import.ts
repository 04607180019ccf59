import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type UploadProgress, apiUpload } from '../../../lib/api';

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
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (p: UploadProgress) => void }) => {
      const formData = new FormData();
      formData.append('file', file);
      return apiUpload<ImportResult>('/org/import', formData, onProgress);
    },
    meta: { silent: true },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['units'] });
      await qc.invalidateQueries({ queryKey: ['people'] });
    },
  });
}
