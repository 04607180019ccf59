import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { notificationsKey, type Notification } from './notifications';

/**
 * Opens the server's event stream (GET /api/notifications/stream) while the user is signed in and
 * refreshes the inbox queries on every event and on (re)connect, so nothing missed while
 * disconnected stays hidden. The browser reconnects by itself; `onNew` shows a popup.
 */
export function useLiveNotifications(onNew?: (n: Notification) => void) {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/notifications/stream');
    const refresh = () => void qc.invalidateQueries({ queryKey: notificationsKey });
    const onNotification = (e: MessageEvent<string>) => {
      refresh();
      try {
        onNew?.(JSON.parse(e.data) as Notification);
      } catch {
        // A malformed event only loses its popup; the list is refreshed anyway.
      }
    };
    source.addEventListener('open', refresh);
    source.addEventListener('notification', onNotification);
    source.addEventListener('read', refresh);
    return () => source.close();
  }, [qc, onNew]);
}
