import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { IssuerCode } from '../../../../../common/issuers';
import type { ZIssuer, ZIssuerList, ZListIssuers, ZUpdateIssuer } from '../../../../../common/org.schema';
import type { Response, z } from '../../../../../common/zod';
import { apiPut, type ListFilters, type ListQueryOf } from '../../../lib/api';
import { resource, useResourceList } from '../../../lib/resource';

export type Issuer = Response<typeof ZIssuer>;
export type IssuerInput = z.input<typeof ZUpdateIssuer>;

export type IssuerFilters = ListFilters<typeof ZListIssuers>;

const issuers = resource<Response<typeof ZIssuerList>, Issuer>('issuers', '/issuers');

/** The region's 发文机关 (GET /api/issuers), a page at a time. */
export const useIssuers = (q: ListQueryOf<typeof ZListIssuers>) => useResourceList(issuers, q);

export function useSaveIssuer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, input }: { code: IssuerCode; input: IssuerInput }) =>
      apiPut<Issuer>(`/issuers/${code}`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: issuers.keys.all }),
  });
}
