import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ZChallenge,
  ZComplaint,
  ZComplaintDetail,
  ZComplaintEvent,
  ZComplaintFiguresResult,
  ZComplaintHandlers,
  ZComplaintPublicStatus,
  ZComplaintReceipt,
  ZListComplaints,
} from '../../../../../common/complaints.schema';
import type { Response, z } from '../../../../../common/zod';
import { api, apiPost, type ListFilters, type ListQueryOf, type Page, leaveRecord } from '../../../lib/api';
import { resource, useResourceList, useResourceDetail } from '../../../lib/resource';

/** 信访举报. */
export type Complaint = Response<typeof ZComplaint>;
export type ComplaintDetail = Response<typeof ZComplaintDetail>;
export type ComplaintReceipt = Response<typeof ZComplaintReceipt>;
export type ComplaintPublicStatus = Response<typeof ZComplaintPublicStatus>;
export type ComplaintFigures = Response<typeof ZComplaintFiguresResult>;
type Challenge = Response<typeof ZChallenge>;

export type ComplaintFilters = ListFilters<typeof ZListComplaints>;

const complaints = resource<Page<Complaint>, ComplaintDetail>('complaints', '/complaints');
export const complaintKeys = { ...complaints.keys, figures: ['complaints', 'figures'] as const };
export const useComplaints = (q: ListQueryOf<typeof ZListComplaints>) => useResourceList(complaints, q);
export const useComplaint = (id: string | undefined) => useResourceDetail(complaints, id);

export function useComplaintFigures() {
  return useQuery({
    queryKey: complaintKeys.figures,
    queryFn: ({ signal }) => api<ComplaintFigures>('/complaints/figures', { signal }),
  });
}

export function useComplaintEvent(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ZComplaintEvent>) =>
      apiPost<ComplaintDetail | null>(`/complaints/${id}/events`, input),
    meta: { silent: true },
    onSuccess: (c) => {
      if (c) qc.setQueryData(complaintKeys.detail(id), c);
    },
    onSettled: (c) => {
      // null: the complaint left the caller's reach (报送上级, 转办下级); the page goes back to the list.
      void (c === null
        ? leaveRecord(qc, complaintKeys.all, id)
        : qc.invalidateQueries({ queryKey: complaintKeys.all }));
      // 提出问责建议 adds to the queue the page shows through ProposalOutcome.
      void qc.invalidateQueries({ queryKey: ['proposals'] });
    },
  });
}

/** Staff intake: the form as JSON plus the scanned original. */
export function useCreateComplaint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ data, files }: { data: unknown; files: File[] }) => {
      const formData = new FormData();
      formData.append('data', JSON.stringify(data));
      for (const f of files) formData.append('file', f);
      return api<{ id: string; code: string; escalated: boolean }>('/complaints', { method: 'POST', formData });
    },
    meta: { silent: true },
    onSuccess: () => void qc.invalidateQueries({ queryKey: complaintKeys.all }),
  });
}

// ---------- public (no account)

const publicCall = { noSession: true, allowUnauthenticated: true } as const;

async function sha256Hex(text: string) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The human check: fetches an ALTCHA challenge and finds its number with Web Crypto (no external service). */
export async function solveHumanCheck(): Promise<string> {
  const c = await api<Challenge>('/public/complaints/challenge', publicCall);
  const max = c.maxnumber ?? 1_000_000;
  for (let n = 0; n <= max; n++) {
    if ((await sha256Hex(`${c.salt}${n}`)) === c.challenge) {
      const payload = {
        algorithm: c.algorithm,
        challenge: c.challenge,
        number: n,
        salt: c.salt,
        signature: c.signature,
      };
      return btoa(JSON.stringify(payload));
    }
  }
  throw new Error('人机验证失败，请重试');
}

export function fileComplaint(data: unknown, files: File[]) {
  const formData = new FormData();
  formData.append('data', JSON.stringify(data));
  for (const f of files) formData.append('file', f);
  return api<ComplaintReceipt>('/public/complaints', { method: 'POST', formData, ...publicCall });
}

export function checkComplaintStatus(code: string, password: string) {
  return api<ComplaintPublicStatus>('/public/complaints/status', {
    method: 'POST',
    body: { code, password },
    ...publicCall,
  });
}

/** GET /complaints/handlers: who may take a complaint over (移交承办人). */
export function useComplaintHandlers(enabled: boolean) {
  return useQuery({
    queryKey: [...complaintKeys.all, 'handlers'],
    queryFn: ({ signal }) => api<Response<typeof ZComplaintHandlers>>('/complaints/handlers', { signal }),
    enabled,
    staleTime: 60_000,
  });
}
