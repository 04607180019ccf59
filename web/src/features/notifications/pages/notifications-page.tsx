import { Badge, Button, Empty, List, Segmented, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { NOTIFICATION_KIND_LABELS } from '../../../../../common/notifications.schema';
import { ListExport, listPagination } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { notifySuccess, quietly } from '../../../lib/notify';
import { type Notification, useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../api/notifications';

function kindLabel(kind: string): string | null {
  return NOTIFICATION_KIND_LABELS[kind] ?? null;
}

type NotificationFilters = { unread?: string };
const FILTER_KEYS = ['unread'] as const;

/** The inbox is a list of cards rather than a table, so it shares the URL state and the pager of `ListTable`. */
export function NotificationsPage() {
  const list = useListParams<NotificationFilters>(FILTER_KEYS);
  const unreadOnly = list.filters.unread === 'true';
  const { data, isFetching } = useNotifications({ page: list.page, pageSize: list.pageSize, unread: unreadOnly });
  const { data: unread } = useUnreadCount();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const navigate = useNavigate();

  const open = async (n: Notification) => {
    if (!n.readAt) await quietly(markRead.mutateAsync(n.id));
    if (n.link) void navigate(n.link);
  };

  return (
    <>
      <PageHeader
        title="消息提醒"
        subTitle="到期提醒、交办通知和每日待办；新消息实时送达"
        extra={
          <>
            <ListExport path="/notifications/export.xlsx" list={list} />
            <Button
              disabled={!unread?.count}
              loading={markAll.isPending}
              onClick={() =>
                void quietly(markAll.mutateAsync()).then((r) => {
                  if (r) notifySuccess(`已将 ${r.count} 条消息标为已读`);
                })
              }
            >
              全部标为已读
            </Button>
          </>
        }
      />
      <Segmented<'all' | 'unread'>
        style={{ marginBottom: 16 }}
        value={unreadOnly ? 'unread' : 'all'}
        onChange={(v) => list.setFilter('unread', v === 'unread' ? 'true' : undefined)}
        options={[
          { label: '全部', value: 'all' },
          { label: `未读${unread?.count ? `（${unread.count}）` : ''}`, value: 'unread' },
        ]}
      />
      <List<Notification>
        loading={isFetching && !data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={unreadOnly ? '没有未读消息' : '暂无消息'} /> }}
        pagination={{
          ...listPagination(list, data?.total),
          onChange: (page, pageSize) => list.update({ page: pageSize !== list.pageSize ? 1 : page, pageSize }),
        }}
        renderItem={(n) => (
          <List.Item
            key={n.id}
            style={{ background: n.readAt ? undefined : '#fff8f6', paddingInline: 12 }}
            actions={[
              n.link ? (
                <Button key="open" type="link" size="small" onClick={() => void open(n)}>
                  查看
                </Button>
              ) : null,
              n.readAt ? null : (
                <Button
                  key="read"
                  type="link"
                  size="small"
                  loading={markRead.isPending && markRead.variables === n.id}
                  onClick={() => void quietly(markRead.mutateAsync(n.id))}
                >
                  标为已读
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space size={8}>
                  <Badge status={n.readAt ? 'default' : 'error'} />
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  {kindLabel(n.kind) ? <Tag>{kindLabel(n.kind)}</Tag> : null}
                </Space>
              }
              description={
                <>
                  {n.body ? (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 4 }}>
                      {n.body}
                    </Typography.Paragraph>
                  ) : null}
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}
