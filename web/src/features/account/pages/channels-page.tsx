import { App, Card, Empty, Spin, Switch, Table, Tag, Typography } from 'antd';
import { CHANNEL_LABELS, MESSAGE_CLASS_LABELS } from '../../../../../common/notifications.channels';
import { PageHeader } from '../../../components/page-header';
import { notifySuccess, quietly } from '../../../lib/notify';
import { type MyChannel, useMyChannels, useSetOptOut } from '../api/account';

/**
 * 消息接收设置: which outbound channels carry one's messages, and which message classes each carries
 * (the administrator decides the classes; a person may opt out where the rules allow).
 */
export function MyChannelsPage() {
  const { modal } = App.useApp();
  const { data, isLoading } = useMyChannels();
  const set = useSetOptOut();

  const toggle = (c: MyChannel, receive: boolean) => {
    const label = CHANNEL_LABELS[c.channel];
    const save = () =>
      quietly(
        set
          .mutateAsync({ channel: c.channel, optOut: !receive })
          .then(() => notifySuccess(receive ? `已恢复接收${label}` : `已退订${label}`)),
      );
    if (receive) return void save();
    modal.confirm({
      title: `退订${label}？`,
      content: `退订后以下消息不再通过${label}发送，只在系统内“消息”中查看：${c.classes.map((k) => MESSAGE_CLASS_LABELS[k]).join('、') || '无'}。`,
      okText: '退订',
      okButtonProps: { danger: true },
      onOk: save,
    });
  };

  return (
    <>
      <PageHeader title="消息接收设置" />
      <Card>
        <Typography.Paragraph type="secondary">
          系统内消息始终可在“消息”中查看。下列通道由系统管理员配置，需当日处理的事项即时发送，其余内容每天汇总一次；
          标注“不可退订”的通道按规定必须接收。
        </Typography.Paragraph>
        {isLoading ? (
          <Spin />
        ) : (
          <Table
            rowKey="channel"
            pagination={false}
            dataSource={data ?? []}
            locale={{ emptyText: <Empty description="暂无消息通道" /> }}
            columns={[
              { title: '通道', dataIndex: 'channel', render: (c: MyChannel['channel']) => CHANNEL_LABELS[c] },
              {
                title: '发送的消息',
                render: (_, c: MyChannel) =>
                  c.classes.length ? c.classes.map((k) => <Tag key={k}>{MESSAGE_CLASS_LABELS[k]}</Tag>) : '—',
              },
              {
                title: '接收',
                render: (_, c: MyChannel) =>
                  !c.enabled ? (
                    <Typography.Text type="secondary">未启用</Typography.Text>
                  ) : (
                    <>
                      <Switch
                        checked={!c.optedOut}
                        disabled={!c.optOutAllowed && !c.optedOut}
                        loading={set.isPending && set.variables?.channel === c.channel}
                        onChange={(on) => toggle(c, on)}
                        aria-label={`接收${CHANNEL_LABELS[c.channel]}`}
                      />
                      {c.optOutAllowed ? null : (
                        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                          不可退订
                        </Typography.Text>
                      )}
                    </>
                  ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
