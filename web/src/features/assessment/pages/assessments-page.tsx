import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Select, type TableProps, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ASSESSMENT_STATES } from '../../../../../common/assessment';
import { ZCreateAssessment } from '../../../../../common/assessment.schema';
import { ChoiceFilter, FilterBar } from '../../../components/list-filters';
import { FormModal } from '../../../components/form-modal';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { dayjs, formatDate, formatDateTime } from '../../../lib/format';
import { notifySuccess, submitForm } from '../../../lib/notify';
import { maxLengthOf } from '../../../lib/schema-limits';
import { usePermission } from '../../../lib/session';
import { type Assessment, type AssessmentFilters, useAssessments, useCreateAssessment } from '../api/assessment';
import { useSystems } from '../api/systems';
import { AssessmentNav } from '../components/assessment-nav';
import { TextItem } from '../../../components/text-item';

const FILTER_KEYS = ['state'] as const;
export const STATE_COLORS: Record<string, string> = {
  draft: 'default',
  computed: 'processing',
  frozen: 'gold',
  published: 'success',
};

interface Values {
  systemId: string;
  name: string;
  period: [Dayjs, Dayjs];
}

function CreateAssessmentModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const systems = useSystems({ page: 1, pageSize: 100 });
  const create = useCreateAssessment();
  const navigate = useNavigate();
  const pickSystem = (id: string) => {
    const s = systems.data?.items.find((x) => x.id === id);
    if (!s) return;
    form.setFieldsValue({
      name: form.getFieldValue('name') || `${s.year}年度${s.name}`,
      period: [dayjs(`${s.year}-01-01`), dayjs(`${s.year}-12-31`)],
    });
  };
  const submit = (v: Values) =>
    submitForm(form, async () => {
      const a = await create.mutateAsync({
        systemId: v.systemId,
        name: v.name.trim(),
        periodFrom: v.period[0].format('YYYY-MM-DD'),
        periodTo: v.period[1].format('YYYY-MM-DD'),
      });
      notifySuccess('考核已创建，可开始计算');
      onClose();
      void navigate(`/assessment/${a.id}`);
    });
  return (
    <FormModal form={form} title="新建考核" okText="创建" pending={create.isPending} onClose={onClose} width={560}>
      <Form form={form} layout="vertical" name="assessment" onFinish={(v) => void submit(v)}>
        <Form.Item name="systemId" label="指标体系" rules={[{ required: true, message: '请选择指标体系' }]}>
          <Select
            aria-label="指标体系"
            loading={systems.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            options={(systems.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.year}年度 · ${s.name}` }))}
            onChange={pickSystem}
          />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateAssessment.shape.name)}
          name="name"
          label="考核名称"
          rules={[{ required: true, whitespace: true, message: '请填写考核名称' }]}
        >
          <Input />
        </TextItem>
        <Form.Item name="period" label="考核期间" rules={[{ required: true, message: '请选择考核期间' }]}>
          <DatePicker.RangePicker aria-label="考核期间" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 考核: runs of an indicator system for a period. Units and 组织部 see the published ones. */
export function AssessmentsPage() {
  const canManage = usePermission('assessment:manage');
  const list = useListParams<AssessmentFilters>(FILTER_KEYS);
  const result = useAssessments(list.query);
  const [creating, setCreating] = useState(false);

  const columns: TableProps<Assessment>['columns'] = [
    { title: '考核名称', dataIndex: 'name', render: (v: string, a) => <Link to={`/assessment/${a.id}`}>{v}</Link> },
    { title: '指标体系', dataIndex: 'systemName', ellipsis: true },
    {
      title: '考核期间',
      key: 'period',
      width: 220,
      render: (_, a) => `${formatDate(a.periodFrom)} 至 ${formatDate(a.periodTo)}`,
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      render: (_: string, a) => <Tag color={STATE_COLORS[a.state]}>{a.stateLabel}</Tag>,
    },
    {
      title: '版本',
      key: 'revision',
      width: 140,
      render: (_, a) =>
        a.publishedRevision ? `第${a.revision}版（已发布第${a.publishedRevision}版）` : `第${a.revision}版`,
    },
    {
      title: '发布时间',
      dataIndex: 'publishedAt',
      width: 160,
      render: (v: string | null) => (v ? formatDateTime(v) : '—'),
    },
  ];

  return (
    <>
      <PageHeader
        title="考核评价"
        subTitle="按指标体系计算得分，每一分都可追溯到来源事件"
        extra={
          <>
            <AssessmentNav />
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建考核
              </Button>
            ) : null}
          </>
        }
      />
      <FilterBar testId="assessment-filters">
        <ChoiceFilter list={list} name="state" label="状态" labels={ASSESSMENT_STATES} width={120} />
        <ListExport path="/assessments/export.xlsx" list={list} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无考核" testId="assessment-table" />
      {creating ? <CreateAssessmentModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
