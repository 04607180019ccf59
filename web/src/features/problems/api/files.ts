import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { ProblemFile } from './problems';

/** Upload one evidence file; its id is then sent in an event's `fileIds`. */
export function useUploadEvidence(problemId: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const formData = new FormData();
      formData.append('file', file);
      return api<ProblemFile>(`/problems/${problemId}/files`, { method: 'POST', formData });
    },
  });
}

export const problemFileHref = (problemId: string, fileId: string) => `/api/problems/${problemId}/files/${fileId}`;
export const problemDocumentHref = (problemId: string, kind: 'notice' | 'reminder' | 'interview') =>
  `/api/problems/${problemId}/documents/${kind}.docx`;
