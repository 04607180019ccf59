import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, ZCreateWebhook } from '../../../../../common/webhooks.schema';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { formatDateTimeSeconds } from '../../../lib/format';
import { notifySuccess, quietly } from '../../../lib/notify';
import {
  type Webhook,
  type WebhookFilters,
  useWebhookAction,
  useWebhookDeliveries,
  useWebhooks,
} from '../api/campaigns';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const SUBSCRIBABLE = WEBHOOK_EVENTS.filter((e) => e !== 'webhook.test');
const label = (e: string) => WEBHOOK_EVENT_LABELS[e as keyof typeof WEBHOOK_EVENT_LABELS] ?? e;

function Deliveries({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data } = useWebhookDeliveries(id);
  return (
    <Modal open={!!id} width={800} title="推送记录" footer={null} onCancel={onClose}>
      <Table
        size="small"
        rowKey="id"
        dataSource={data?.items ?? []}
        columns={[
          { title: '时间', dataIndex: 'createdAt', render: (v: string) => formatDateTimeSeconds(v) },
          { title: '事件', dataIndex: 'event', render: label },
          { title: '状态', dataIndex: 'status' },
          { title: '尝试', dataIndex: 'attempts' },
          { title: 'HTTP', dataIndex: 'responseStatus' },
          { title: '错误', dataIndex: 'lastError' },
        ]}
      />
    </Modal>
  );
}

export function WebhooksPage() {
  const { modal } = App.useApp();
  const list = useListParams<WebhookFilters>([]);
  const result = useWebhooks(list.query);
  const action = useWebhookAction();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [log, setLog] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; url: string; events: string[]; algorithm: string }>();
  const run = (path: string, body?: unknown, done?: string) =>
    quietly(
      action.mutateAsync({ path, body }).then((r) => {
        if (r && 'secret' in r && typeof r.secret === 'string') setSecret(r.secret);
        if (done) notifySuccess(done);
      }),
    );
  const toggle = (w: Webhook) =>
    modal.confirm({
      title: w.active ? `停用订阅「${w.name}」？` : `启用订阅「${w.name}」？`,
      content: w.active ? '停用后不再向该地址推送事件。' : '启用后订阅的事件将推送到该地址。',
      okText: w.active ? '停用' : '启用',
      okButtonProps: { danger: w.active },
      onOk: () =>
        quietly(
          action
            .mutateAsync({
              method: 'PATCH',
              path: `/webhooks/${w.id}`,
              body: { active: !w.active, version: w.version },
            })
            .then(() => notifySuccess(w.active ? '已停用' : '已启用')),
        ),
    });
  const rotate = (w: Webhook) =>
    modal.confirm({
      title: `更换「${w.name}」的签名密钥？`,
      content: '旧密钥立即失效，接收方须改用新密钥验签；新密钥只显示一次。',
      okText: '更换',
      okButtonProps: { danger: true },
      onOk: () => run(`/webhooks/${w.id}/rotate-secret`, undefined, '密钥已更换'),
    });
  return (
    <>
      <PageHeader
        title="Webhook 订阅"
        extra={
          <>
            <ListExport path="/webhooks/export.xlsx" list={list} />
            <Button type="primary" onClick={() => setCreating(true)}>
              新建订阅
            </Button>
          </>
        }
      />
      {secret ? (
        <Alert
          closable
          onClose={() => setSecret(null)}
          style={{ marginBottom: 16 }}
          type="warning"
          message="签名密钥只显示这一次，请立即复制保存"
          description={<Typography.Text copyable>{secret}</Typography.Text>}
        />
      ) : null}
      <ListTable
        list={list}
        result={result}
        emptyText="暂无订阅"
        testId="webhook-table"
        columns={[
          { title: '名称', dataIndex: 'name' },
          { title: '地址', dataIndex: 'url' },
          { title: '事件', render: (_, w: Webhook) => w.events.map((e) => <Tag key={e}>{label(e)}</Tag>) },
          { title: '签名', dataIndex: 'algorithm' },
          {
            title: '状态',
            dataIndex: 'active',
            render: (a: boolean) => <Tag color={a ? 'green' : undefined}>{a ? '已启用' : '已停用'}</Tag>,
          },
          {
            title: '操作',
            render: (_, w: Webhook) => (
              <Space>
                <Button
                  type="link"
                  size="small"
                  onClick={() => run(`/webhooks/${w.id}/test`, undefined, '测试事件已发送，请查看推送记录')}
                >
                  发送测试
                </Button>
                <Button type="link" size="small" onClick={() => rotate(w)}>
                  更换密钥
                </Button>
                <Button type="link" size="small" danger={w.active} onClick={() => toggle(w)}>
                  {w.active ? '停用' : '启用'}
                </Button>
                <Button type="link" size="small" onClick={() => setLog(w.id)}>
                  推送记录
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating}
        title="新建订阅"
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText="创建"
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ algorithm: 'hmac-sha256', events: ['problem.dispatched'] }}
          onFinish={(v) =>
            run('/webhooks', v, '订阅已创建').then(() => {
              setCreating(false);
              form.resetFields();
            })
          }
        >
          <TextItem
            max={maxLengthOf(ZCreateWebhook.shape.name)}
            label="名称"
            name="name"
            rules={[{ required: true, message: '请填写名称' }]}
          >
            <Input />
          </TextItem>
          <Form.Item label="接收地址" name="url" rules={[{ required: true, message: '请填写接收地址' }]}>
            <Input placeholder="https://" />
          </Form.Item>
          <Form.Item label="订阅事件" name="events" rules={[{ required: true, message: '请至少选择一个事件' }]}>
            <Select mode="multiple" options={SUBSCRIBABLE.map((e) => ({ value: e, label: label(e) }))} />
          </Form.Item>
          <Form.Item label="签名算法" name="algorithm">
            <Select
              options={[
                { value: 'hmac-sha256', label: 'HMAC-SHA256' },
                { value: 'hmac-sm3', label: 'HMAC-SM3' },
              ]}
            />
          </Form.Item>
        </Form>
      </Modal>
      <Deliveries id={log} onClose={() => setLog(null)} />
    </>
  );
}
