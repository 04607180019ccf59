export const problemFileHref = (problemId: string, fileId: string) => `/api/problems/${problemId}/files/${fileId}`;
export const problemDocumentHref = (problemId: string, kind: 'notice' | 'reminder' | 'interview') =>
  `/api/problems/${problemId}/documents/${kind}.docx`;
