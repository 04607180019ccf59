import { Button, Card, DatePicker, Descriptions, Form, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { SOURCE_TYPES, type SourceType } from '../../../../../common/responsibility';
import { DetailTable } from '../../../components/detail-table';
import { usePermission } from '../../../lib/session';
import { DownloadButton } from '../../../components/download-button';
import { EventLogCard } from '../../../components/event-log-card';
import { EvidenceUpload } from '../../../components/evidence-upload';
import { FormModal } from '../../../components/form-modal';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { afterToday, formatDate, formatDateTime, todayInShanghai } from '../../../lib/format';
import { notifySuccess, quietly, submitForm } from '../../../lib/notify';
import {
  type DispatchDetail,
  type DispatchItem,
  fulfilmentFileHref,
  fulfilmentUploadPath,
  useDeleteDispatch,
  useDispatch,
  useDispatchEvent,
  useRecordFulfilment,
  useRefreshDispatch,
} from '../api/responsibility';
import { ZFulfilmentInput } from '../../../../../common/responsibility.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

/** Where a 增派单's source is read (its back-link; only the office, who may read every kind, follows it). */
const SOURCE_PATHS: Record<SourceType, (id: string) => string> = {
  problem: (id) => `/problems/${id}`,
  finding: (id) => `/supervision/findings/${id}`,
  warning: (id) => `/warnings/${id}`,
  case: (id) => `/cases/${id}`,
};

/** An item's fulfilment state as the recipient and the office read it. */
export function ItemState({ item }: { item: Pick<DispatchItem, 'fulfilledOn' | 'late' | 'overdue'> }) {
  if (item.fulfilledOn) return item.late ? <Tag color="orange">逾期履责</Tag> : <Tag color="green">已履责</Tag>;
  return item.overdue ? <Tag color="red">逾期</Tag> : <Tag>待履责</Tag>;
}

/** One dispatch: its items with their 履责纪实 and evidence, and the actions the caller may take. */
export function DispatchDetailPage() {
  const { id = '' } = useParams();
  const manage = usePermission('responsibility:manage');
  const query = useDispatch(id);
  const d = query.data;
  const [recording, setRecording] = useState<DispatchItem | null>(null);
  if (!d) return <QueryFallback query={query} what="派单" />;
  const canFulfil = d.actions.includes('fulfil');
  return (
    <>
      <PageHeader
        title={`${d.code} ${d.title}`}
        subTitle={`${d.kindLabel} · ${d.periodLabel} · ${d.recipientName}`}
        extra={
          <Space wrap>
            <DownloadButton path={`/dispatches/${d.id}/documents/dispatch.docx`}>
              {d.state === 'draft' ? '派单文书草稿（.docx）' : '派单文书（.docx）'}
            </DownloadButton>
            <DispatchActions d={d} />
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={3}>
          <Descriptions.Item label="状态">
            <Tag>{d.stateLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="派发日期">{formatDate(d.issuedOn, '未派发')}</Descriptions.Item>
          <Descriptions.Item label="履责">{`${d.fulfilledCount}/${d.itemCount}`}</Descriptions.Item>
          {d.note ? <Descriptions.Item label="说明">{d.note}</Descriptions.Item> : null}
          {d.sourceType ? (
            <Descriptions.Item label="来源">
              {manage && d.sourceId ? (
                <Link to={SOURCE_PATHS[d.sourceType](d.sourceId)}>{SOURCE_TYPES[d.sourceType]}</Link>
              ) : (
                SOURCE_TYPES[d.sourceType]
              )}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title="责任事项与履责纪实" size="small" style={{ marginBottom: 16 }}>
        <DetailTable<DispatchItem>
          size="middle"
          dataSource={d.items}
          data-testid="dispatch-items"
          expandable={{
            defaultExpandAllRows: true,
            rowExpandable: (i) => i.fulfilments.length > 0,
            expandedRowRender: (i) => <Fulfilments d={d} item={i} canUpload={canFulfil} />,
          }}
          columns={[
            { title: '责任内容', dataIndex: 'content' },
            { title: '量化指标', dataIndex: 'target', width: 200 },
            {
              title: '截止日期',
              dataIndex: 'deadline',
              width: 180,
              render: (v: string, i) => (i.deadlineRule ? `${formatDate(v)}（${i.deadlineRule}）` : formatDate(v)),
            },
            { title: '履责状态', width: 100, render: (_, i) => <ItemState item={i} /> },
            {
              title: '操作',
              width: 110,
              render: (_, i) =>
                canFulfil ? (
                  <Button size="small" onClick={() => setRecording(i)}>
                    记录履责
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      <EventLogCard events={d.events} />
      {recording ? <FulfilmentModal d={d} item={recording} onClose={() => setRecording(null)} /> : null}
    </>
  );
}

function Fulfilments({ d, item, canUpload }: { d: DispatchDetail; item: DispatchItem; canUpload: boolean }) {
  const refresh = useRefreshDispatch(d.id);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {item.fulfilments.map((f) => (
        <div key={f.id} data-testid="fulfilment">
          <Typography.Text strong>{formatDate(f.doneOn)}</Typography.Text>
          {f.late ? (
            <Tag color="orange" style={{ marginLeft: 8 }}>
              逾期
            </Tag>
          ) : null}
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {f.recordedByName} 记录于 {formatDateTime(f.createdAt)}
          </Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap' }}>{f.description}</div>
          {f.files.map((file) => (
            <a key={file.id} href={fulfilmentFileHref(d.id, file.id)} download style={{ marginRight: 12 }}>
              {file.name}
            </a>
          ))}
          {canUpload ? <EvidenceUpload path={fulfilmentUploadPath(d.id, f.id)} onUploaded={refresh} /> : null}
        </div>
      ))}
    </Space>
  );
}

/** 记录履责: what was done and when; evidence files are attached to the saved record right after. */
function FulfilmentModal({ d, item, onClose }: { d: DispatchDetail; item: DispatchItem; onClose: () => void }) {
  const [form] = Form.useForm<{ doneOn: Dayjs; description: string }>();
  const record = useRecordFulfilment(d.id);
  const [saved, setSaved] = useState<string | null>(null);
  const refresh = useRefreshDispatch(d.id);
  const submit = (v: { doneOn: Dayjs; description: string }) =>
    submitForm(form, async () => {
      const after = await record.mutateAsync({
        itemId: item.id,
        doneOn: v.doneOn.format('YYYY-MM-DD'),
        description: v.description,
      });
      const rec = after.items.find((i) => i.id === item.id)?.fulfilments.at(-1);
      notifySuccess(rec?.late ? '履责纪实已记录（逾期）' : '履责纪实已记录');
      if (rec) setSaved(rec.id);
      else onClose();
    });
  if (saved)
    return (
      <FormModal form={form} title="上传佐证材料" okText="完成" pending={false} onClose={onClose}>
        <Typography.Paragraph>履责纪实已保存，可上传佐证材料（可多次上传）。</Typography.Paragraph>
        <Form form={form} onFinish={onClose}>
          <EvidenceUpload path={fulfilmentUploadPath(d.id, saved)} onUploaded={refresh} />
        </Form>
      </FormModal>
    );
  return (
    <FormModal
      form={form}
      title={`记录履责：${item.content}`}
      okText="保存"
      pending={record.isPending}
      onClose={onClose}
    >
      {item.overdue ? (
        <Typography.Paragraph type="danger">
          该事项已过截止日期（{formatDate(item.deadline)}），记录将标注为逾期。
        </Typography.Paragraph>
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ doneOn: todayInShanghai() }}>
        <Form.Item name="doneOn" label="履责日期" rules={[{ required: true, message: '请选择履责日期' }]}>
          <DatePicker disabledDate={afterToday} />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZFulfilmentInput.shape.description)}
          name="description"
          label="履责情况"
          rules={[{ required: true, whitespace: true, message: '请填写履责情况' }]}
        >
          <Input.TextArea rows={5} />
        </TextItem>
      </Form>
    </FormModal>
  );
}

const EVENTS = {
  issue: { label: '派发', confirm: '派发后责任主体即可看到并履责，确定派发？', primary: true },
  receive: { label: '签收', confirm: null, primary: true },
  close: { label: '办结', confirm: '办结后不能再记录履责，确定办结？', primary: false },
} as const;

function DispatchActions({ d }: { d: DispatchDetail }) {
  const fire = useDispatchEvent(d.id);
  const remove = useDeleteDispatch(d.id);
  const navigate = useNavigate();
  const run = async (type: keyof typeof EVENTS) => {
    const r = await quietly(fire.mutateAsync({ type, version: d.version }));
    if (r) notifySuccess(`已${EVENTS[type].label}`);
  };
  return (
    <Space>
      {(Object.keys(EVENTS) as (keyof typeof EVENTS)[])
        .filter((t) => d.actions.includes(t))
        .map((t) =>
          EVENTS[t].confirm ? (
            <Popconfirm key={t} title={EVENTS[t].confirm} onConfirm={() => run(t)} okText="确定" cancelText="取消">
              <Button type={EVENTS[t].primary ? 'primary' : 'default'} loading={fire.isPending}>
                {EVENTS[t].label}
              </Button>
            </Popconfirm>
          ) : (
            <Button key={t} type="primary" loading={fire.isPending} onClick={() => void run(t)}>
              {EVENTS[t].label}
            </Button>
          ),
        )}
      {d.actions.includes('delete') ? (
        <Popconfirm
          title="确定删除这份派单草稿？删除后不可恢复。"
          okText="删除"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          onConfirm={async () => {
            const ok = await quietly(remove.mutateAsync(d.version).then(() => true));
            if (ok) {
              notifySuccess('派单草稿已删除');
              void navigate('/responsibility');
            }
          }}
        >
          <Button danger>删除</Button>
        </Popconfirm>
      ) : null}
    </Space>
  );
}
