import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IssuerCode } from '../../../../../common/issuers';
import type { ZIssuer, ZIssuerList, ZListIssuers, ZUpdateIssuer } from '../../../../../common/org.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPut, type ListFilters, type ListQueryOf } from '../../../lib/api';

export type Issuer = Response<typeof ZIssuer>;
export type IssuerInput = z.input<typeof ZUpdateIssuer>;

export type IssuerFilters = ListFilters<typeof ZListIssuers>;

/** The region's 发文机关 (GET /api/issuers), a page at a time. */
export function useIssuers(q: ListQueryOf<typeof ZListIssuers>) {
  return useQuery({
    queryKey: ['issuers', 'list', q],
    queryFn: ({ signal }) => api<Response<typeof ZIssuerList>>('/issuers', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
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
