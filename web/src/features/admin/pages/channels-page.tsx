import { Alert, Button, Card, Checkbox, Form, Input, Select, Space, Switch, type TableProps, Tag } from 'antd';
import { useEffect, useState } from 'react';
import {
  CHANNEL_ADAPTERS,
  CHANNEL_LABELS,
  MESSAGE_CLASSES,
  DELIVERY_STATUS_LABELS,
  MESSAGE_CLASS_LABELS,
  type TChannel,
  type TDeliveryStatus,
  classOf,
} from '../../../../../common/notifications.channels';
import { ChoiceFilter, FilterBar } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { formatDateTimeSeconds } from '../../../lib/format';
import { notifySuccess, quietly } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import {
  type ChannelConfig,
  type Delivery,
  type DeliveryFilters,
  useChannels,
  useDeliveries,
  useSaveChannel,
  useTestChannel,
} from '../api/channels';

const ADAPTER_LABELS: Record<string, string> = {
  log: '仅记录日志（默认）',
  http: 'HTTP 短信网关',
  smtp: 'SMTP 邮件服务器',
  dingtalk: '政务钉钉机器人',
  wecom: '企业微信机器人',
};
/** Settings each adapter asks for. */
const FIELDS: Record<string, { key: string; label: string; placeholder?: string }[]> = {
  http: [
    { key: 'url', label: '网关地址', placeholder: 'https://sms.example.gov.cn/send' },
    { key: 'algorithm', label: '签名算法', placeholder: 'hmac-sha256 或 hmac-sm3' },
    { key: 'templateIds', label: '模板编号（JSON）', placeholder: '{"*":"SMS_001"}' },
  ],
  smtp: [
    { key: 'host', label: '服务器' },
    { key: 'port', label: '端口', placeholder: '25' },
    { key: 'secure', label: '直接 TLS（true/false）', placeholder: 'false' },
    { key: 'user', label: '用户名' },
    { key: 'from', label: '发件人' },
  ],
  dingtalk: [{ key: 'url', label: '机器人地址' }],
  wecom: [{ key: 'url', label: '机器人地址' }],
};

interface FormValues {
  enabled: boolean;
  adapter: string;
  settings: Record<string, string>;
  secret?: string;
  classes: string[];
  optOutAllowed: boolean;
  to?: string;
}

function ChannelCard({ config }: { config: ChannelConfig }) {
  const [form] = Form.useForm<FormValues>();
  const save = useSaveChannel();
  const test = useTestChannel();
  const [result, setResult] = useState<{ ok: boolean; error: string | null } | null>(null);
  const adapter = Form.useWatch('adapter', form) ?? config.adapter;
  const channel = config.channel as TChannel;
  useEffect(() => {
    form.setFieldsValue({ ...config, secret: '' });
  }, [config, form]);

  const submit = (v: FormValues) =>
    quietly(
      save
        .mutateAsync({
          channel,
          body: {
            enabled: v.enabled,
            adapter: v.adapter,
            settings: Object.fromEntries(Object.entries(v.settings ?? {}).filter(([, x]) => x !== undefined)),
            secret: v.secret || undefined,
            classes: v.classes as ChannelConfig['classes'],
            optOutAllowed: v.optOutAllowed,
            version: config.version,
          },
        })
        .then(() => notifySuccess(`${CHANNEL_LABELS[channel]}通道已保存`)),
    );

  return (
    <Card size="small" title={CHANNEL_LABELS[channel]} style={{ marginBottom: 16 }} data-testid={`channel-${channel}`}>
      {/* A name per card: field ids (and so every label's "for") would otherwise repeat across the cards. */}
      <Form form={form} name={`channel-${channel}`} layout="vertical" onFinish={submit} initialValues={config}>
        <Space wrap size="large">
          <Form.Item label="启用" name="enabled" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item label="适配器" name="adapter" style={{ minWidth: 220 }}>
            <Select options={CHANNEL_ADAPTERS[channel].map((a) => ({ value: a, label: ADAPTER_LABELS[a] ?? a }))} />
          </Form.Item>
          <Form.Item label="允许个人退订" name="optOutAllowed" valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
        <Space wrap size="middle">
          {(FIELDS[adapter] ?? []).map((f) => (
            <Form.Item key={f.key} label={f.label} name={['settings', f.key]} style={{ minWidth: 260 }}>
              <Input placeholder={f.placeholder} />
            </Form.Item>
          ))}
          {adapter !== 'log' ? (
            <Form.Item
              label={channel === 'email' ? '密码' : '签名密钥'}
              name="secret"
              extra={config.secretSet ? '已设置；留空则保持不变' : '未设置'}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          ) : null}
        </Space>
        <Form.Item label="承载的消息" name="classes">
          <Checkbox.Group options={MESSAGE_CLASSES.map((c) => ({ value: c, label: MESSAGE_CLASS_LABELS[c] }))} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
          <Form.Item name="to" noStyle>
            <Input
              placeholder={channel === 'sms' ? '测试手机号' : channel === 'email' ? '测试邮箱' : '（无需填写）'}
              style={{ width: 200 }}
            />
          </Form.Item>
          <Button
            loading={test.isPending}
            onClick={() => quietly(test.mutateAsync({ channel, to: form.getFieldValue('to') ?? '' }).then(setResult))}
          >
            发送测试
          </Button>
        </Space>
        {result ? (
          <Alert
            style={{ marginTop: 12 }}
            type={result.ok ? 'success' : 'error'}
            message={result.ok ? '测试消息已发出' : `发送失败：${result.error}`}
          />
        ) : null}
      </Form>
    </Card>
  );
}

const STATUS_COLORS: Record<TDeliveryStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };
const DELIVERY_FILTERS = ['status', 'channel'] as const;

/** A message's class in words; kinds outside the four classes went out in a digest and read as 站内消息. */
const messageClass = (kind: string) => {
  const cls = classOf(kind);
  return cls ? MESSAGE_CLASS_LABELS[cls] : '站内消息';
};

/** 外发记录: what left through which channel and whether it arrived, never a message's content (decision 013). */
function DeliveryLog() {
  const list = useListParams<DeliveryFilters>(DELIVERY_FILTERS);
  const result = useDeliveries(list.query);
  const columns: TableProps<Delivery>['columns'] = [
    { title: '时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTimeSeconds(v) },
    { title: '通道', dataIndex: 'channel', width: 90, render: (c: TChannel) => CHANNEL_LABELS[c] },
    { title: '消息类别', dataIndex: 'kind', width: 150, render: (k: string) => messageClass(k) },
    {
      title: '状态',
      dataIndex: 'status',
      width: 130,
      render: (s: TDeliveryStatus) => <Tag color={STATUS_COLORS[s]}>{DELIVERY_STATUS_LABELS[s]}</Tag>,
    },
    { title: '尝试次数', dataIndex: 'attempts', width: 90 },
    { title: '错误', dataIndex: 'lastError', ellipsis: true },
  ];
  return (
    <Card
      size="small"
      title="外发记录（不含消息内容）"
      extra={<ListExport path="/notifications/deliveries/export.xlsx" list={list} />}
    >
      <FilterBar testId="delivery-filters">
        <ChoiceFilter list={list} name="status" label="状态" labels={DELIVERY_STATUS_LABELS} width={160} />
        <ChoiceFilter list={list} name="channel" label="通道" labels={CHANNEL_LABELS} width={120} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无外发记录" testId="delivery-table" />
    </Card>
  );
}

export function ChannelsPage() {
  const canConfigure = usePermission('channels:write');
  const { data } = useChannels();
  return (
    <>
      <PageHeader title="消息通道" />
      {canConfigure ? (data ?? []).map((c) => <ChannelCard key={c.channel} config={c} />) : null}
      <DeliveryLog />
    </>
  );
}
