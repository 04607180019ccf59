import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SUBJECT_KINDS, type SubjectKind } from '../../../../../common/assessment';
import { ZCreateSystem } from '../../../../../common/assessment.schema';
import { UNIT_TYPES } from '../../../../../common/org';
import { ChoiceFilter, FilterBar } from '../../../components/list-filters';
import { FormModal } from '../../../components/form-modal';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { dayjs } from '../../../lib/format';
import { unitTypeLabel } from '../../../lib/labels';
import { notifySuccess, submitForm } from '../../../lib/notify';
import { maxLengthOf } from '../../../lib/schema-limits';
import { usePermission } from '../../../lib/session';
import {
  type IndicatorSystem,
  type SystemFilters,
  type SystemInput,
  useCreateSystem,
  useSystemTemplates,
  useSystems,
} from '../api/systems';
import { AssessmentNav } from '../components/assessment-nav';
import { TextItem } from '../../../components/text-item';

const FILTER_KEYS = ['year'] as const;
const BLANK = '';
const unitTypeOptions = UNIT_TYPES.map((t) => ({ value: t, label: unitTypeLabel(t) }));
const subjectOptions = Object.entries(SUBJECT_KINDS).map(([value, label]) => ({ value, label }));
const subjectLabel = (k: string) => SUBJECT_KINDS[k as SubjectKind] ?? k;

interface Values {
  templateKey: string;
  name: string;
  year: number;
  unitType?: string | null;
  subjectKind: SubjectKind;
  description?: string;
}

function CreateSystemModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const templates = useSystemTemplates();
  const create = useCreateSystem();
  const navigate = useNavigate();
  const templateKey = Form.useWatch('templateKey', form);
  const options = [
    { value: BLANK, label: '空白体系（自行添加指标）' },
    ...(templates.data ?? []).map((t) => ({ value: t.key, label: t.name, title: t.description })),
  ];
  const pickTemplate = (key: string) => {
    const t = templates.data?.find((x) => x.key === key);
    form.setFieldsValue({
      name: t?.name ?? '',
      unitType: t?.unitType ?? null,
      subjectKind: (t?.subjectKind ?? 'unit') as SubjectKind,
      description: t?.description ?? '',
    });
  };
  const submit = (v: Values) =>
    submitForm(form, async () => {
      const s = await create.mutateAsync({
        name: v.name.trim(),
        year: v.year,
        unitType: (v.unitType ?? null) as SystemInput['unitType'],
        subjectKind: v.subjectKind,
        templateKey: v.templateKey || null,
        description: v.description?.trim() ?? '',
      });
      notifySuccess('指标体系已创建');
      onClose();
      void navigate(`/assessment/systems/${s.id}`);
    });
  return (
    <FormModal form={form} title="新建指标体系" okText="创建" pending={create.isPending} onClose={onClose} width={560}>
      <Form
        form={form}
        layout="vertical"
        name="system"
        initialValues={{ templateKey: BLANK, year: dayjs().year(), unitType: null, subjectKind: 'unit' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="templateKey" label="模板">
          <Select options={options} loading={templates.isLoading} onChange={pickTemplate} aria-label="模板" />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateSystem.shape.name)}
          name="name"
          label="体系名称"
          rules={[{ required: true, whitespace: true, message: '请填写体系名称' }]}
        >
          <Input />
        </TextItem>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="subjectKind"
          label="考核对象"
          extra="单位：按单位计分、同类单位排名；领导干部：按人计分（分管县领导和单位主要负责人），在本次考核的领导干部中排名"
        >
          <Select options={subjectOptions} aria-label="考核对象" disabled={!!templateKey} />
        </Form.Item>
        <Form.Item
          name="unitType"
          label="适用单位类型"
          extra="不选则适用于全部单位（领导干部：这些单位的主要负责人和分管县领导）"
        >
          <Select options={unitTypeOptions} allowClear aria-label="适用单位类型" />
        </Form.Item>
        <TextItem max={maxLengthOf(ZCreateSystem.shape.description)} name="description" label="说明">
          <Input.TextArea rows={3} />
        </TextItem>
      </Form>
    </FormModal>
  );
}

/** 指标体系: per year and unit type, created empty or from a shipped template. */
export function SystemsPage() {
  const canManage = usePermission('assessment:manage');
  const list = useListParams<SystemFilters>(FILTER_KEYS);
  const result = useSystems(list.query);
  const [creating, setCreating] = useState(false);
  const thisYear = dayjs().year();
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => ({
    value: String(y),
    label: `${y}年度`,
  }));

  const columns: TableProps<IndicatorSystem>['columns'] = [
    {
      title: '体系名称',
      dataIndex: 'name',
      render: (v: string, s) => <Link to={`/assessment/systems/${s.id}`}>{v}</Link>,
    },
    { title: '年度', dataIndex: 'year', width: 90 },
    { title: '考核对象', dataIndex: 'subjectKind', width: 100, render: subjectLabel },
    {
      title: '适用单位类型',
      dataIndex: 'unitType',
      width: 140,
      render: (v: string | null) => (v ? unitTypeLabel(v) : '全部单位'),
    },
    { title: '总分值', dataIndex: 'totalWeight', width: 100 },
    { title: '说明', dataIndex: 'description', ellipsis: true },
  ];

  return (
    <>
      <PageHeader
        title="指标体系"
        subTitle="一级/二级/三级指标、分值与计分方式"
        extra={
          <>
            <AssessmentNav />
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建指标体系
              </Button>
            ) : null}
          </>
        }
      />
      <FilterBar testId="system-filters">
        <ChoiceFilter list={list} name="year" label="年度" options={years} />
        <ListExport path="/indicator-systems/export.xlsx" list={list} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无指标体系" testId="system-table" />
      {creating ? <CreateSystemModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
