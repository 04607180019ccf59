import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ZListNotifications, ZNotification, ZNotificationCount } from '../../../../../common/notifications.schema';
import type { Response } from '../../../../../common/zod';
import { api, apiPost, type ListQueryOf, type Page } from '../../../lib/api';
import { firstLive } from '../../../lib/live';

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

export const unreadCountKey = [...notificationsKey, 'unread-count'] as const;

/** How long the first count waits for the event stream before asking over HTTP (a proxy may hold the stream). */
const STREAM_COUNT_WAIT_MS = 5_000;

/**
 * The bell's count. The event stream's first message carries it (counted after the stream subscribed, so nothing
 * sent meanwhile is missed), so the first fetch takes it from there; later refetches (after marking read, the
 * fallback poll) ask the server.
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: unreadCountKey,
    queryFn: async ({ signal }) => {
      const fromStream = await firstLive('unread', STREAM_COUNT_WAIT_MS, signal);
      if (fromStream !== null) {
        try {
          return JSON.parse(fromStream) as NotificationCount;
        } catch {
          // A malformed event: ask the server instead.
        }
      }
      return api<NotificationCount>('/notifications/unread-count', { signal });
    },
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
