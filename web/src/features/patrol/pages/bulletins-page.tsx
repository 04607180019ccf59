import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, Modal, Radio, Select, type TableProps, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { CIRCULAR_EVENTS, CIRCULAR_KINDS, TYPICAL_CASE_EVENTS, TYPICAL_CASE_KINDS } from '../../../../../common/patrol';
import { UnitSelect } from '../../../components/entity-selects';
import { FilterBar } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { applyFormErrors, notifyError, notifySuccess, validValues } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import {
  type Circular,
  type TypicalCase,
  useTypicalCases,
  useCirculars,
  useFindings,
  usePatrolWrite,
} from '../api/patrol';
import { PatrolNav } from '../components/patrol-nav';
import { stateColumn } from '../components/state-tag';
import { ZCreateCircular, ZCreateTypicalCase } from '../../../../../common/patrol.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const ACTION_LABELS: Record<string, string> = { ...CIRCULAR_EVENTS, ...TYPICAL_CASE_EVENTS };

function CreateModal({ kind, onClose }: { kind: 'circular' | 'case' | null; onClose: () => void }) {
  const [form] = Form.useForm();
  const findings = useFindings({ pageSize: 200 });
  const create = usePatrolWrite(kind === 'case' ? '/typical-cases' : '/circulars');
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    create.mutate(v, {
      onSuccess: () => {
        notifySuccess('已保存为拟稿');
        form.resetFields();
        onClose();
      },
      onError: (e) => {
        if (!applyFormErrors(form, e)) notifyError(e);
      },
    });
  };
  const findingOptions = (findings.data?.items ?? []).map((f) => ({
    value: f.id,
    label: `${f.code} ${f.unitName} ${f.title}`,
  }));
  return (
    <Modal
      title={kind === 'case' ? '起草典型案例' : '起草通报或约谈建议书'}
      open={!!kind}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存拟稿"
      cancelText="取消"
      okButtonProps={{ loading: create.isPending }}
      width={680}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: kind === 'case' ? 'negative' : 'circular' }}
        preserve={false}
      >
        <Form.Item name="kind" label="类型">
          <Radio.Group
            options={Object.entries(kind === 'case' ? TYPICAL_CASE_KINDS : CIRCULAR_KINDS).map(([value, label]) => ({
              value,
              label,
            }))}
          />
        </Form.Item>
        <TextItem
          max={maxLengthOf((kind === 'case' ? ZCreateTypicalCase : ZCreateCircular).shape.title)}
          name="title"
          label="标题"
          rules={[{ required: true, message: '请填写标题' }]}
        >
          <Input />
        </TextItem>
        <TextItem
          max={maxLengthOf((kind === 'case' ? ZCreateTypicalCase : ZCreateCircular).shape.body)}
          name="body"
          label={kind === 'case' ? '案例内容' : '正文'}
          rules={[{ required: true, message: '请填写内容' }]}
        >
          <Input.TextArea rows={6} />
        </TextItem>
        {kind === 'case' ? (
          <Form.Item name="findingId" label="来源督导发现">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={findingOptions} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="findingIds"
              label="点事：督导发现"
              rules={[{ required: true, message: '请至少选择一条督导发现' }]}
            >
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={findingOptions} />
            </Form.Item>
            <Form.Item name="people" label="点人：被点名人员" extra="输入姓名后回车">
              <Select mode="tags" open={false} />
            </Form.Item>
            <Form.Item name="audienceUnitIds" label="发布范围" extra="不选则发至全县各单位">
              <UnitSelect multiple placeholder="全县各单位" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}

/** 督导巡查通报、约谈建议书 and 典型案例: drafted by the office, approved, published. */
export function BulletinsPage() {
  const canManage = usePermission('patrol:manage');
  const { modal } = App.useApp();
  // One list in the URL: the tab is its filter, and its page and page size apply to the tab shown.
  const list = useListParams<{ tab?: string }>(['tab']);
  const tab = list.filters.tab ?? 'circulars';
  const paging = { page: list.page, pageSize: list.pageSize };
  const circulars = useCirculars(paging);
  const typicalCases = useTypicalCases(paging);
  const [creating, setCreating] = useState<'circular' | 'case' | null>(null);
  const fireCircular = usePatrolWrite<Circular, { id: string; type: string; version: number }>(
    (b) => `/circulars/${b.id}/events`,
  );
  const fireTypicalCase = usePatrolWrite<TypicalCase, { id: string; type: string; version: number }>(
    (b) => `/typical-cases/${b.id}/events`,
  );
  const confirm = (what: string, type: string, run: () => void) =>
    modal.confirm({
      title: `确认${ACTION_LABELS[type]}${what}？`,
      content: type === 'publish' ? '发布后相关单位即可查看，不能撤回。' : undefined,
      okText: '确定',
      cancelText: '取消',
      onOk: run,
    });
  const done = { onSuccess: () => notifySuccess('操作成功'), onError: notifyError };
  /** The buttons of the steps a row may take next, each confirmed before it is sent. */
  const actionLinks = (
    what: string,
    row: { id: string; version: number; actions: string[] },
    fire: typeof fireCircular | typeof fireTypicalCase,
  ) =>
    row.actions.map((a) => (
      <Button
        key={a}
        size="small"
        type="link"
        onClick={() => confirm(what, a, () => fire.mutate({ id: row.id, type: a, version: row.version }, done))}
      >
        {ACTION_LABELS[a]}
      </Button>
    ));

  const circularColumns: TableProps<Circular>['columns'] = [
    { title: '编号', dataIndex: 'code', width: 140 },
    { title: '发文字号', dataIndex: 'docNumber', width: 170, render: (v?: string | null) => v ?? '—' },
    { title: '类型', dataIndex: 'kindLabel', width: 150 },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    {
      title: '点名单位',
      dataIndex: 'units',
      width: 180,
      render: (u: Circular['units']) => u.map((x) => x.name).join('、'),
    },
    { title: '点事', dataIndex: 'namedMatters', width: 60 },
    { title: '范围', dataIndex: 'audience', width: 120, ellipsis: true },
    stateColumn(),
    {
      title: '操作',
      key: 'op',
      width: 200,
      render: (_: unknown, c) => (
        <Flex gap={4} wrap>
          {actionLinks(c.kindLabel, c, fireCircular)}
          <Button size="small" type="link" href={`/api/circulars/${c.id}/documents/circular.docx`} download>
            下载
          </Button>
        </Flex>
      ),
    },
  ];
  const typicalCaseColumns: TableProps<TypicalCase>['columns'] = [
    { title: '类型', dataIndex: 'kindLabel', width: 100 },
    { title: '标题', dataIndex: 'title', ellipsis: true },
    { title: '单位', dataIndex: 'unitName', width: 160 },
    { title: '发布时间', dataIndex: 'publishedAt', width: 150, render: (v: string | null) => formatDateTime(v) },
    stateColumn(),
    {
      title: '操作',
      key: 'op',
      width: 90,
      render: (_: unknown, c) => actionLinks('典型案例', c, fireTypicalCase),
    },
  ];
  const body = (text: string) => (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>
  );
  return (
    <>
      <PageHeader
        title="通报与典型案例"
        subTitle="督导巡查通报、约谈建议书纳入年度考核（督+考）；典型案例发至全县"
        extra={
          canManage ? (
            <>
              <Button icon={<PlusOutlined />} onClick={() => setCreating('circular')}>
                起草通报
              </Button>
              <Button icon={<PlusOutlined />} onClick={() => setCreating('case')}>
                起草典型案例
              </Button>
            </>
          ) : null
        }
      />
      <FilterBar>
        <PatrolNav />
        <ListExport path={tab === 'circulars' ? '/circulars/export.xlsx' : '/typical-cases/export.xlsx'} list={list} />
      </FilterBar>
      <Tabs
        activeKey={tab}
        onChange={(k) => list.setFilter('tab', k === 'circulars' ? undefined : k)}
        items={[
          { key: 'circulars', label: '通报与约谈建议' },
          { key: 'cases', label: '典型案例' },
        ]}
      />
      {tab === 'circulars' ? (
        <ListTable
          list={list}
          result={circulars}
          columns={circularColumns}
          expandable={{ expandedRowRender: (c) => body(c.body) }}
          emptyText="暂无通报"
          testId="circular-table"
        />
      ) : (
        <ListTable
          list={list}
          result={typicalCases}
          columns={typicalCaseColumns}
          expandable={{ expandedRowRender: (c) => body(c.body) }}
          emptyText="暂无典型案例"
          testId="typical-case-table"
        />
      )}
      <CreateModal kind={creating} onClose={() => setCreating(null)} />
    </>
  );
}
