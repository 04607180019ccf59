import type { IssuerCode } from '../../../../../common/issuers';
import type { ZIssuer, ZIssuerList, ZListIssuers, ZUpdateIssuer } from '../../../../../common/org.schema';
import type { Response, z } from '../../../../../common/zod';
import { apiPut, type ListFilters, type ListQueryOf } from '../../../lib/api';
import { resource, useResourceList, useRefetchingMutation } from '../../../lib/resource';

export type Issuer = Response<typeof ZIssuer>;
export type IssuerInput = z.input<typeof ZUpdateIssuer>;

export type IssuerFilters = ListFilters<typeof ZListIssuers>;

const issuers = resource<Response<typeof ZIssuerList>, Issuer>('issuers', '/issuers');

/** The region's 发文机关 (GET /api/issuers), a page at a time. */
export const useIssuers = (q: ListQueryOf<typeof ZListIssuers>) => useResourceList(issuers, q);

export function useSaveIssuer() {
  return useRefetchingMutation(issuers.keys.all, ({ code, input }: { code: IssuerCode; input: IssuerInput }) =>
    apiPut<Issuer>(`/issuers/${code}`, input),
  );
}
