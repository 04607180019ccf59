import { useMutation } from '@tanstack/react-query';
import type { ZIssueCircular, ZIssuedCircular } from '../../../../../common/problems.schema';
import type { Response, z } from '../../../../../common/zod';
import { apiPost } from '../../../lib/api';

export type IssuedCircular = Response<typeof ZIssuedCircular>;

/** 印发通报: numbers and stores a 通报 of the chosen problems (POST /api/problems/circulars). */
export function useIssueCircular() {
  return useMutation({
    mutationFn: (body: z.input<typeof ZIssueCircular>) => apiPost<IssuedCircular>('/problems/circulars', body),
  });
}
