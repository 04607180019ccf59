import { useMutation, useQuery } from '@tanstack/react-query';
import type {
  TListSigners,
  TPublishCommitment,
  TRemindSigners,
  ZCommitmentOverview,
  ZCommitmentText,
  ZMyCommitment,
  ZRemindResult,
  ZSignature,
  ZSigner,
} from '../../../../../common/responsibility.commitments.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPost, type Page, type Query } from '../../../lib/api';
import { useRefetchingMutation } from '../../../lib/resource';

export type CommitmentOverview = Response<typeof ZCommitmentOverview>;
export type CommitmentText = Response<typeof ZCommitmentText>;
export type MyCommitment = Response<typeof ZMyCommitment>;
export type Signature = Response<typeof ZSignature>;
export type Signer = Response<typeof ZSigner>;
export type SignerFilters = Pick<TListSigners, 'signerKind' | 'unitId' | 'status' | 'q'> & { year?: string };

const KEY = ['responsibility', 'commitments'] as const;

/** GET /api/commitments?year=: the year's texts per kind (every version) and the signers' counts. */
export function useCommitmentOverview(year: number) {
  return useQuery({
    queryKey: [...KEY, 'overview', year],
    queryFn: ({ signal }) => api<CommitmentOverview>('/commitments', { query: { year }, signal }),
    retry: false,
  });
}

/** GET /api/commitments/signers with the list's filters: 已签 / 未签 / 需重签. */
export function useSigners(query: Query) {
  return useQuery({
    queryKey: [...KEY, 'signers', query],
    queryFn: ({ signal }) => api<Page<Signer>>('/commitments/signers', { query, signal }),
  });
}

/** GET /api/commitments/mine?year=: the caller's own commitment to sign (signer null when they sign none). */
export function useMyCommitment(year: number) {
  return useQuery({
    queryKey: [...KEY, 'mine', year],
    queryFn: ({ signal }) => api<MyCommitment>('/commitments/mine', { query: { year }, signal }),
  });
}

export function useSignature(id: string) {
  return useQuery({
    queryKey: [...KEY, 'signature', id],
    queryFn: ({ signal }) => api<Signature>(`/commitments/signatures/${id}`, { signal }),
  });
}

/** POST /api/commitments: publishes the next version of a year's text. */
export function usePublishCommitment() {
  return useRefetchingMutation(KEY, (body: TPublishCommitment) => apiPost<CommitmentText>('/commitments', body));
}

export function useSignCommitment() {
  return useRefetchingMutation(KEY, (textId: string) => apiPost<Signature>(`/commitments/${textId}/sign`, {}));
}

export function useRemindSigners() {
  return useMutation({
    mutationFn: (body: TRemindSigners) => apiPost<Response<typeof ZRemindResult>>('/commitments/reminders', body),
  });
}
