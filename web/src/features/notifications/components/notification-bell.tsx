import { BellOutlined } from '@ant-design/icons';
import { App, Badge, Button, Tooltip } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '../api/notifications';
import { useUnreadCount } from '../api/notifications';
import { useLiveNotifications } from '../api/use-live-notifications';

/** Header bell: unread count, kept live by the event stream; a popup for each new message. */
export function NotificationBell() {
  const { data } = useUnreadCount();
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const onNew = useCallback(
    (n: Notification) => {
      notification.info({
        key: n.id,
        title: n.title,
        description: n.body.length > 120 ? `${n.body.slice(0, 120)}…` : n.body,
        placement: 'topRight',
        onClick: () => void navigate(n.link ?? '/notifications'),
      });
    },
    [notification, navigate],
  );
  useLiveNotifications(onNew);
  const count = data?.count ?? 0;
  return (
    <Tooltip title={count ? `${count} 条未读消息` : '消息提醒'}>
      <Badge count={count} size="small" overflowCount={99}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={count ? `消息提醒，${count} 条未读` : '消息提醒'}
          data-testid="notification-bell"
          onClick={() => void navigate('/notifications')}
        />
      </Badge>
    </Tooltip>
  );
}
