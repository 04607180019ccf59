import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssuerCode } from '../../../../../common/issuers';
import type { ZIssuer, ZIssuerList, ZUpdateIssuer } from '../../../../../common/org.schema';
import type { Response, z } from '../../../../../common/zod';
import { apiGet, apiPut } from '../../../lib/api';

export type Issuer = Response<typeof ZIssuer>;
export type IssuerInput = z.input<typeof ZUpdateIssuer>;

/** The region's 发文机关 (GET /api/issuers). */
export function useIssuers() {
  return useQuery({
    queryKey: ['issuers'],
    queryFn: ({ signal }) => apiGet<Response<typeof ZIssuerList>>('/issuers', undefined, signal),
  });
}

export function useSaveIssuer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, input }: { code: IssuerCode; input: IssuerInput }) =>
      apiPut<Issuer>(`/issuers/${code}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['issuers'] }),
  });
}
