import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ZOrgImportResult } from '../../../../../common/org.schema';
import type { Response } from '../../../../../common/zod';
import { type UploadProgress, apiUpload } from '../../../lib/api';

export type ImportResult = Response<typeof ZOrgImportResult>;

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
