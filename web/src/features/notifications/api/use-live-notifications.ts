import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeLive } from '../../../lib/live';
import { type Notification, notificationsKey, unreadCountKey } from './notifications';

/**
 * Refreshes the inbox queries on every message of the user's event stream and on (re)connect, so
 * nothing missed while disconnected stays hidden; `onNew` shows a popup. The badge's count comes with each
 * connection (`unread`, counted after the server subscribed), so a connection costs no unread-count call: the first
 * one's count is the bell's first fetch, a reconnection's replaces the count that may have missed messages.
 */
export function useLiveNotifications(onNew?: (n: Notification) => void) {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: notificationsKey });
    const isCount = (key: readonly unknown[]) => key.length === unreadCountKey.length && key[1] === unreadCountKey[1];
    const offs = [
      // The inbox's lists (when shown) may have missed messages while disconnected; the count comes as `unread`.
      subscribeLive(
        'open',
        () => void qc.invalidateQueries({ queryKey: notificationsKey, predicate: (q) => !isCount(q.queryKey) }),
      ),
      subscribeLive('unread', (e) => {
        try {
          qc.setQueryData(unreadCountKey, JSON.parse(e.data) as { count: number });
        } catch {
          refresh();
        }
      }),
      subscribeLive('read', refresh),
      subscribeLive('notification', (e) => {
        refresh();
        try {
          onNew?.(JSON.parse(e.data) as Notification);
        } catch {
          // A malformed event only loses its popup; the list is refreshed anyway.
        }
      }),
    ];
    return () => {
      for (const off of offs) off();
    };
  }, [qc, onNew]);
}
