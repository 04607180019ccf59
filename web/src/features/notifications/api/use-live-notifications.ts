import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeLive } from '../../../lib/live';
import { notificationsKey, type Notification } from './notifications';

/**
 * Refreshes the inbox queries on every message of the user's event stream and on (re)connect, so
 * nothing missed while disconnected stays hidden; `onNew` shows a popup.
 */
export function useLiveNotifications(onNew?: (n: Notification) => void) {
  const qc = useQueryClient();
  useEffect(() => {
    const refresh = () => void qc.invalidateQueries({ queryKey: notificationsKey });
    const offs = [
      subscribeLive('open', refresh),
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
