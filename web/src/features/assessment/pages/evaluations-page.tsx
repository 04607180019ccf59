import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Select, Switch, type TableProps, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { EVALUATION_KINDS, EVALUATION_STATES, type EvaluationState } from '../../../../../common/evaluations';
import { ZCreateEvaluation } from '../../../../../common/evaluations.schema';
import { type UnitSummary, UnitSelect, useAllUnits } from '../../../components/entity-selects';
import { FormModal } from '../../../components/form-modal';
import { ChoiceFilter, FilterBar, UnitFilter, YearFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { currentPeriod, dayjs, formatDateTime } from '../../../lib/format';
import { applyFormErrors, notifyError, notifySuccess } from '../../../lib/notify';
import { maxLengthOf } from '../../../lib/schema-limits';
import { usePermission } from '../../../lib/session';
import { type Evaluation, type EvaluationFilters, useCreateEvaluation, useEvaluations } from '../api/evaluations';
import { AssessmentNav } from '../components/assessment-nav';
import { TextItem } from '../../../components/text-item';

const FILTER_KEYS = ['year', 'kind', 'state', 'unitId'] as const;
const STATE_COLORS: Record<EvaluationState, string> = { scheduled: 'default', held: 'processing', closed: 'success' };
const DEFAULT_ATTENDEES = ['县纪委书记', '县委组织部部长', '党员代表'];

interface NewEvaluationValues {
  kind: keyof typeof EVALUATION_KINDS;
  title: string;
  year: number;
  scheduledAt: Dayjs;
  place: string;
  unitIds: string[];
  /** The units' principals report in person: their scores count for them in leader systems too. */
  inPerson: boolean;
  attendees: string[];
}

function NewEvaluationModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<NewEvaluationValues>();
  const create = useCreateEvaluation();
  const navigate = useNavigate();
  const units = useAllUnits<UnitSummary & { principalPersonId: string | null }>();
  const unitOf = (unitId: string) => units.data?.items.find((u) => u.id === unitId);
  const principalOf = (unitId: string) => unitOf(unitId)?.principalPersonId ?? null;
  // In person needs a principal on record for every reporting unit; none would silently report as the unit.
  const withoutPrincipal = (unitIds: string[] = []) =>
    unitIds.filter((id) => !principalOf(id)).map((id) => unitOf(id)?.shortName || unitOf(id)?.name || '（未知单位）');
  async function submit(v: NewEvaluationValues) {
    try {
      const e = await create.mutateAsync({
        kind: v.kind,
        title: v.title,
        year: v.year,
        scheduledAt: v.scheduledAt.toISOString(),
        place: v.place ?? '',
        reporters: v.unitIds.map((unitId) => ({ unitId, personId: v.inPerson ? principalOf(unitId) : null })),
        attendees: v.attendees,
      });
      const asked = e.reporters.reduce((n, r) => n + r.questions.length, 0);
      notifySuccess(`评议会议已安排，已从日常监督中生成质询问题${asked}个`);
      void navigate(`/assessment/evaluations/${e.id}`);
    } catch (err) {
      if (!applyFormErrors(form, err)) notifyError(err);
    }
  }
  return (
    <FormModal form={form} title="安排评议会议" okText="安排" pending={create.isPending} onClose={onClose} width={640}>
      <Form
        form={form}
        name="evaluation"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'integrity',
          year: currentPeriod().year,
          scheduledAt: dayjs().add(7, 'day').hour(9).minute(0).second(0),
          attendees: DEFAULT_ATTENDEES,
          inPerson: false,
        }}
      >
        <Form.Item name="kind" label="评议类型" rules={[{ required: true, message: '请选择评议类型' }]}>
          <Select options={Object.entries(EVALUATION_KINDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateEvaluation.shape.title)}
          name="title"
          label="会议名称"
          rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}
        >
          <Input placeholder="如：2026年度部门主要负责人述责述廉会议" />
        </TextItem>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="scheduledAt" label="会议时间" rules={[{ required: true, message: '请选择会议时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <TextItem max={maxLengthOf(ZCreateEvaluation.shape.place)} name="place" label="会议地点">
          <Input />
        </TextItem>
        <Form.Item
          name="unitIds"
          label="述职单位（按发言顺序选择）"
          extra="安排后，系统从各单位未交办的督查发现、逾期未销号的问题和未化解的模拟问责提醒函中生成质询问题。"
          rules={[{ required: true, message: '至少选择一个述职单位' }]}
        >
          <UnitSelect multiple placeholder="选择述职单位" />
        </Form.Item>
        <Form.Item
          name="inPerson"
          label="主要负责人本人述职"
          valuePropName="checked"
          dependencies={['unitIds']}
          rules={[
            {
              validator: (_, on: boolean) => {
                const missing = on ? withoutPrincipal(form.getFieldValue('unitIds')) : [];
                return missing.length
                  ? Promise.reject(new Error(`以下单位未登记主要负责人，请先在组织机构中登记：${missing.join('、')}`))
                  : Promise.resolve();
              },
            },
          ]}
          extra="开启后，评议得分同时计入各单位主要负责人本人的领导干部考核（按人考核体系的“本人述职评议得分”指标）。"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="attendees" label="评议人" rules={[{ required: true, message: '至少填写一名评议人' }]}>
          <Select mode="tags" tokenSeparators={['，', ',', '、']} placeholder="输入评议人后回车" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 述职评议 / 述责述廉 / 三述一评 meetings: the office's, or those the caller's unit reports in. */
export function EvaluationsPage() {
  const canManage = usePermission('assessment:manage');
  const list = useListParams<EvaluationFilters>(FILTER_KEYS);
  const result = useEvaluations(list.query);
  const [creating, setCreating] = useState(false);

  const columns: TableProps<Evaluation>['columns'] = [
    {
      title: '会议名称',
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, e) => <Link to={`/assessment/evaluations/${e.id}`}>{v}</Link>,
    },
    { title: '类型', dataIndex: 'kindLabel', width: 110 },
    { title: '会议时间', dataIndex: 'scheduledAt', width: 160, render: (v: string) => formatDateTime(v) },
    { title: '地点', dataIndex: 'place', width: 160, ellipsis: true },
    { title: '述职单位', dataIndex: 'reporterCount', width: 90 },
    { title: '质询问题', dataIndex: 'questionCount', width: 90 },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      render: (_: string, e) => <Tag color={STATE_COLORS[e.state]}>{e.stateLabel}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        title="述职评议"
        subTitle="述职评议、述责述廉、三述一评：质询问题来自日常监督发现，评议结果可追溯"
        extra={
          <>
            <AssessmentNav />
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                安排评议会议
              </Button>
            ) : null}
          </>
        }
      />
      <FilterBar testId="evaluation-filters">
        <YearFilter list={list} />
        <ChoiceFilter list={list} name="kind" label="类型" labels={EVALUATION_KINDS} width={130} />
        <ChoiceFilter list={list} name="state" label="状态" labels={EVALUATION_STATES} width={120} />
        {canManage ? <UnitFilter list={list} placeholder="述职单位" width={220} /> : null}
        <ListExport path="/evaluations/export.xlsx" list={list} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无评议会议" testId="evaluation-table" />
      {creating ? <NewEvaluationModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
