import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCreateCampaign, ZCampaign, ZCampaignReport } from '../../../../../common/campaigns.schema';
import type { ZWebhook, ZWebhookDelivery, ZWebhookWithSecret } from '../../../../../common/webhooks.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPatch, apiPost } from '../../../lib/api';

export type Campaign = Response<typeof ZCampaign>;
export type CampaignReport = Response<typeof ZCampaignReport>;
export type Webhook = Response<typeof ZWebhook>;
export type WebhookWithSecret = Response<typeof ZWebhookWithSecret>;
export type WebhookDelivery = Response<typeof ZWebhookDelivery>;

export function useCampaigns(page: number) {
  return useQuery({
    queryKey: ['campaigns', page],
    queryFn: ({ signal }) => api<{ items: Campaign[]; total: number }>('/campaigns', { query: { page }, signal }),
  });
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCampaign) => apiPost<Campaign>('/campaigns', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

export function useCampaignEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, event, version }: { id: string; event: 'activate' | 'cancel'; version: number }) =>
      apiPost<Campaign>(`/campaigns/${id}/events`, { event, version }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

export function useCampaignReport(id: string | null) {
  return useQuery({
    enabled: !!id,
    queryKey: ['campaigns', 'report', id],
    queryFn: ({ signal }) => api<CampaignReport>(`/campaigns/${id}/report`, { signal }),
  });
}

export function useWebhooks() {
  return useQuery({ queryKey: ['webhooks'], queryFn: ({ signal }) => api<Webhook[]>('/webhooks', { signal }) });
}

export function useWebhookAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body, method }: { path: string; body?: unknown; method?: 'PATCH' }) =>
      method === 'PATCH' ? apiPatch<Webhook>(path, body) : apiPost<WebhookWithSecret>(path, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}

export function useWebhookDeliveries(id: string | null) {
  return useQuery({
    enabled: !!id,
    queryKey: ['webhooks', 'deliveries', id],
    queryFn: ({ signal }) => api<{ items: WebhookDelivery[]; total: number }>(`/webhooks/${id}/deliveries`, { signal }),
  });
}
