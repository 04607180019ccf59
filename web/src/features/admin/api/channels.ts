import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type {
  TSaveChannel,
  ZChannelConfig,
  ZDelivery,
  ZListDeliveries,
  ZTestResult,
} from '../../../../../common/notifications.channels';
import type { Response } from '../../../../../common/zod';
import { api, apiPost, apiPut, type ListFilters, type ListQueryOf, type Page } from '../../../lib/api';
import { useRefetchingMutation } from '../../../lib/resource';

export type ChannelConfig = Response<typeof ZChannelConfig>;
export type Delivery = Response<typeof ZDelivery>;
export type TestResult = Response<typeof ZTestResult>;

export function useChannels() {
  return useQuery({
    queryKey: ['admin', 'channels'],
    queryFn: ({ signal }) => api<ChannelConfig[]>('/admin/channels', { signal }),
  });
}

export function useSaveChannel() {
  return useRefetchingMutation(['admin', 'channels'], ({ channel, body }: { channel: string; body: TSaveChannel }) =>
    apiPut<ChannelConfig>(`/admin/channels/${channel}`, body),
  );
}

export function useTestChannel() {
  return useMutation({
    mutationFn: ({ channel, to }: { channel: string; to: string }) =>
      apiPost<TestResult>(`/admin/channels/${channel}/test`, { to }),
  });
}

export type DeliveryFilters = ListFilters<typeof ZListDeliveries>;

export function useDeliveries(q: ListQueryOf<typeof ZListDeliveries>) {
  return useQuery({
    queryKey: ['admin', 'deliveries', q],
    queryFn: ({ signal }) => api<Page<Delivery>>('/notifications/deliveries', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}
