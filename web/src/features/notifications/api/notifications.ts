import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZListNotifications, ZNotification, ZNotificationCount } from '../../../../../common/notifications.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPost, type ListQueryOf, type Page } from '../../../lib/api';

export type Notification = Response<typeof ZNotification>;
type NotificationCount = Response<typeof ZNotificationCount>;

/** ZListNotifications, with `unread` held as a switch (the hook sends it as `unread=true`). */
export type NotificationQuery = Omit<ListQueryOf<typeof ZListNotifications>, 'unread'> & { unread?: boolean };

/** Every query of the inbox starts with this key, so one invalidation refreshes list and badge. */
export const notificationsKey = ['notifications'] as const;

export function useNotifications(query: NotificationQuery) {
  return useQuery({
    queryKey: [...notificationsKey, 'list', query],
    queryFn: ({ signal }) =>
      api<Page<Notification>>('/notifications', {
        query: { page: query.page, pageSize: query.pageSize, unread: query.unread ? 'true' : undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useUnreadCount() {
  return useQuery({
    queryKey: [...notificationsKey, 'unread-count'],
    queryFn: ({ signal }) => api<NotificationCount>('/notifications/unread-count', { signal }),
    // The live stream invalidates on news; polling is only the fallback when it cannot connect.
    refetchInterval: 120_000,
    meta: { silent: true },
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiPost<Notification>(`/notifications/${id}/read`),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<NotificationCount>('/notifications/read-all'),
    onSuccess: () => qc.invalidateQueries({ queryKey: notificationsKey }),
  });
}
