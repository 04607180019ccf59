import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { CAMPAIGN_STATE_LABELS, type TCreateCampaign, ZCreateCampaign } from '../../../../../common/campaigns.schema';
import { ADMIN_ROLES, ROLE_LABELS, ROLES } from '../../../../../common/roles';
import { DetailTable } from '../../../components/detail-table';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { dayjs, formatDate } from '../../../lib/format';
import { notifySuccess, quietly, submitForm } from '../../../lib/notify';
import {
  type Campaign,
  type CampaignFilters,
  useCampaignEvent,
  useCampaignReport,
  useCampaigns,
  useCreateCampaign,
  useUpdateCampaign,
} from '../api/campaigns';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const BUSINESS_ROLES = ROLES.filter((r) => !ADMIN_ROLES.includes(r));

type FormValues = Omit<TCreateCampaign, 'onDate'> & { onDate?: dayjs.Dayjs; ranksText?: string };

const NEW_CAMPAIGN: Partial<FormValues> = {
  trigger: 'holiday',
  workingDaysBefore: 3,
  roles: ['unit_head', 'unit_liaison'],
};

/** The form's values for a campaign being edited. */
const valuesOf = (c: Campaign): Partial<FormValues> => ({
  ...c,
  onDate: c.onDate ? dayjs(c.onDate) : undefined,
  ranksText: c.ranks.join('，'),
});

/** 新建 or 修改 a campaign (`editing`); the edit carries the version read, so a concurrent change answers 409. */
function CampaignModal({ editing, onClose }: { editing: Campaign | null; onClose: () => void }) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreateCampaign();
  const update = useUpdateCampaign();
  const trigger = Form.useWatch('trigger', form);
  const submit = (v: FormValues) => {
    const body = {
      name: v.name,
      trigger: v.trigger,
      workingDaysBefore: v.workingDaysBefore ?? 3,
      onDate: v.trigger === 'date' && v.onDate ? v.onDate.format('YYYY-MM-DD') : null,
      roles: v.roles ?? [],
      unitIds: editing?.unitIds ?? [],
      ranks: (v.ranksText ?? '').split(/[，,\s]+/).filter(Boolean),
      title: v.title,
      template: v.template,
    };
    return submitForm(form, async () => {
      if (editing) await update.mutateAsync({ id: editing.id, body: { ...body, version: editing.version } });
      else await create.mutateAsync(body);
      notifySuccess(editing ? '提醒活动已保存' : '提醒活动已创建');
      onClose();
    });
  };
  return (
    <Modal
      open
      title={editing ? `修改「${editing.name}」` : '新建关键节点提醒'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing ? '保存' : '创建'}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={editing ? valuesOf(editing) : NEW_CAMPAIGN}>
        <TextItem
          max={maxLengthOf(ZCreateCampaign.shape.name)}
          label="名称"
          name="name"
          rules={[{ required: true, message: '请填写名称' }]}
        >
          <Input placeholder="节前廉洁提醒" />
        </TextItem>
        <Form.Item label="发送时间" name="trigger">
          <Radio.Group
            options={[
              { value: 'holiday', label: '每个节假日前' },
              { value: 'date', label: '指定日期' },
            ]}
          />
        </Form.Item>
        {trigger === 'date' ? (
          <Form.Item label="发送日期" name="onDate" rules={[{ required: true, message: '请选择发送日期' }]}>
            <DatePicker />
          </Form.Item>
        ) : (
          <Form.Item label="提前工作日数" name="workingDaysBefore">
            <InputNumber min={1} max={20} />
          </Form.Item>
        )}
        <Form.Item label="接收角色" name="roles">
          <Select mode="multiple" options={BUSINESS_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label="职级（可选，逗号分隔）" name="ranksText">
          <Input placeholder="正科级, 副科级" />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateCampaign.shape.title)}
          label="标题"
          name="title"
          rules={[{ required: true, message: '请填写标题' }]}
        >
          <Input placeholder="{节日}前廉洁提醒" />
        </TextItem>
        <TextItem
          max={maxLengthOf(ZCreateCampaign.shape.template)}
          label="正文"
          name="template"
          rules={[{ required: true, message: '请填写正文' }]}
          extra="可用 {节日}、{日期} 占位"
        >
          <Input.TextArea rows={4} />
        </TextItem>
      </Form>
    </Modal>
  );
}

function Report({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data } = useCampaignReport(id);
  return (
    <Modal open={!!id} title="发送情况" footer={null} onCancel={onClose}>
      <DetailTable
        rowKey="occasion"
        dataSource={data?.sends ?? []}
        locale={{ emptyText: '尚未发送' }}
        columns={[
          { title: '发送日', dataIndex: 'sentOn', render: (v: string) => formatDate(v) },
          { title: '接收人', dataIndex: 'recipients' },
          { title: '已送达', render: (_, r) => r.deliveries.sent },
          { title: '待发送', render: (_, r) => r.deliveries.pending },
          { title: '失败', render: (_, r) => r.deliveries.failed },
        ]}
      />
    </Modal>
  );
}

export function CampaignsPage() {
  const list = useListParams<CampaignFilters>([]);
  // The campaign being edited; `'new'` while a new one is written.
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const result = useCampaigns(list.query);
  const { modal } = App.useApp();
  const fire = useCampaignEvent();
  const act = (c: Campaign, event: 'activate' | 'cancel') =>
    modal.confirm({
      title: event === 'activate' ? `启用「${c.name}」？` : `停用「${c.name}」？`,
      content:
        event === 'activate'
          ? '启用后到期即按配置的通道向接收人发送，每个节点只发送一次。'
          : '停用后不再发送，已发送的记录保留。',
      okText: event === 'activate' ? '启用' : '停用',
      okButtonProps: { danger: event === 'cancel' },
      onOk: () =>
        quietly(
          fire
            .mutateAsync({ id: c.id, event, version: c.version })
            .then(() => notifySuccess(event === 'activate' ? '已启用' : '已停用')),
        ),
    });
  return (
    <>
      <PageHeader
        title="关键节点提醒"
        extra={
          <>
            <ListExport path="/campaigns/export.xlsx" list={list} />
            <Button type="primary" onClick={() => setEditing('new')}>
              新建提醒
            </Button>
          </>
        }
      />
      <ListTable
        list={list}
        result={result}
        emptyText="暂无关键节点提醒"
        testId="campaign-table"
        columns={[
          { title: '名称', dataIndex: 'name' },
          {
            title: '发送时间',
            render: (_, c) =>
              c.trigger === 'date' ? formatDate(c.onDate) : `节假日前 ${c.workingDaysBefore} 个工作日`,
          },
          {
            title: '接收角色',
            render: (_, c) => c.roles.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS] ?? r).join('、'),
          },
          {
            title: '状态',
            dataIndex: 'state',
            render: (s: Campaign['state']) => (
              <Tag color={s === 'active' ? 'green' : undefined}>{CAMPAIGN_STATE_LABELS[s]}</Tag>
            ),
          },
          {
            title: '操作',
            render: (_, c) => (
              <Space>
                {c.actions.includes('edit') ? (
                  <Button type="link" size="small" onClick={() => setEditing(c)}>
                    修改
                  </Button>
                ) : null}
                {c.actions.includes('activate') ? (
                  <Button type="link" size="small" onClick={() => act(c, 'activate')}>
                    启用
                  </Button>
                ) : null}
                {c.actions.includes('cancel') ? (
                  <Button type="link" size="small" onClick={() => act(c, 'cancel')}>
                    停用
                  </Button>
                ) : null}
                <Button type="link" size="small" onClick={() => setReport(c.id)}>
                  发送情况
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editing ? <CampaignModal editing={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      <Report id={report} onClose={() => setReport(null)} />
    </>
  );
}
