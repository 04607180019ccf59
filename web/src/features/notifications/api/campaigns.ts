import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateCampaign,
  TUpdateCampaign,
  ZCampaign,
  ZCampaignReport,
  ZListCampaigns,
} from '../../../../../common/campaigns.schema';
import type {
  ZListWebhooks,
  ZWebhook,
  ZWebhookDelivery,
  ZWebhookWithSecret,
} from '../../../../../common/webhooks.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPatch, apiPost, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';

export type Campaign = Response<typeof ZCampaign>;
export type CampaignReport = Response<typeof ZCampaignReport>;
export type Webhook = Response<typeof ZWebhook>;
export type WebhookWithSecret = Response<typeof ZWebhookWithSecret>;
export type WebhookDelivery = Response<typeof ZWebhookDelivery>;

export type CampaignFilters = ListFilters<typeof ZListCampaigns>;

export function useCampaigns(q: ListQueryOf<typeof ZListCampaigns>) {
  return useQuery({
    queryKey: ['campaigns', 'list', q],
    queryFn: ({ signal }) => api<Page<Campaign>>('/campaigns', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateCampaign) => apiPost<Campaign>('/campaigns', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

/** PATCH /campaigns/:id with the version read: a campaign edited meanwhile answers 409. */
export function useUpdateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateCampaign }) => apiPatch<Campaign>(`/campaigns/${id}`, body),
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

export type WebhookFilters = ListFilters<typeof ZListWebhooks>;

export function useWebhooks(q: ListQueryOf<typeof ZListWebhooks>) {
  return useQuery({
    queryKey: ['webhooks', 'list', q],
    queryFn: ({ signal }) => api<Page<Webhook>>('/webhooks', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
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
