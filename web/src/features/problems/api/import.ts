import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ZImportResult } from '../../../../../common/problems.schema';
import type { Response } from '../../../../../common/zod';
import { type UploadProgress, apiUpload } from '../../../lib/api';
import { problemKeys } from './problems';

/** POST /problems/import: all-or-nothing; a 400 IMPORT_INVALID carries every bad row (the first 1,000). */
export function useImportProblems() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (p: UploadProgress) => void }) => {
      const formData = new FormData();
      formData.append('file', file);
      return apiUpload<Response<typeof ZImportResult>>('/problems/import', formData, onProgress);
    },
    meta: { silent: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: problemKeys.all }),
  });
}
