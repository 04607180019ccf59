import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { problemKeys } from './problems';

/** POST /problems/import: all-or-nothing; a 400 IMPORT_INVALID carries every bad row. */
export function useImportProblems() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('file', file);
      return api<{ created: number }>('/problems/import', { method: 'POST', formData });
    },
    meta: { silent: true },
    onSuccess: () => qc.invalidateQueries({ queryKey: problemKeys.all }),
  });
}
