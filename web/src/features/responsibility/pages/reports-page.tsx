import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { REPORT_STATES } from '../../../../../common/responsibility';
import { FormModal } from '../../../components/form-modal';
import { ChoiceFilter, FilterBar, QuarterFilter, YearFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { currentPeriod, formatDateTime } from '../../../lib/format';
import { notifySuccess, submitForm } from '../../../lib/notify';
import { hasPermission, useMe } from '../../../lib/session';
import { type Report, useCreateReport, useReports } from '../api/responsibility';

type Filters = { year?: string; quarter?: string; state?: string };
const FILTERS = ['year', 'quarter', 'state'] as const;

/** 落实情况季度报告: the reports the caller may see; a recipient drafts the quarter's report (assembled by the server). */
export function ReportsPage() {
  const { year } = currentPeriod();
  const list = useListParams<Filters>(FILTERS, { filters: { year: String(year) } });
  const result = useReports(list.query);
  const { data: me } = useMe();
  const [creating, setCreating] = useState(false);
  // Who may report: a county leader for himself, a unit's liaison or head for the unit.
  const unitRole = me?.roles.find((r) => r.unitId && (r.role === 'unit_liaison' || r.role === 'unit_head'));
  const reporter = hasPermission(me, 'responsibility:report')
    ? unitRole
      ? { recipientKind: 'unit', unitId: unitRole.unitId }
      : me?.user.personId
        ? { recipientKind: 'leader', unitId: null }
        : null
    : null;
  return (
    <>
      <PageHeader
        title="落实情况季度报告"
        subTitle="报告由本季度的责任事项和履责纪实自动汇总，无需重复填写"
        extra={
          reporter ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              生成季度报告
            </Button>
          ) : null
        }
      />
      <FilterBar>
        <YearFilter list={list} />
        <QuarterFilter list={list} />
        <ChoiceFilter list={list} name="state" label="状态" labels={REPORT_STATES} />
        <ListExport path="/responsibility-reports/export.xlsx" list={list} />
      </FilterBar>
      <ListTable<Report, Filters>
        list={list}
        result={result}
        unit="份"
        emptyText="暂无季度报告"
        testId="report-list"
        columns={[
          {
            title: '期间',
            dataIndex: 'periodLabel',
            width: 160,
            render: (p: string, r) => <Link to={`/responsibility/reports/${r.id}`}>{p}</Link>,
          },
          { title: '报告主体', dataIndex: 'recipientName' },
          { title: '提交时间', dataIndex: 'submittedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
          { title: '审核时间', dataIndex: 'approvedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
          { title: '状态', dataIndex: 'stateLabel', width: 100, render: (s: string) => <Tag>{s}</Tag> },
        ]}
      />
      {creating && reporter ? <CreateReportModal reporter={reporter} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function CreateReportModal({
  reporter,
  onClose,
}: {
  reporter: { recipientKind: string; unitId: string | null };
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ year: number; quarter: number }>();
  const create = useCreateReport();
  const navigate = useNavigate();
  const now = currentPeriod();
  return (
    <FormModal form={form} title="生成季度报告" okText="生成" pending={create.isPending} onClose={onClose}>
      <Form
        form={form}
        layout="inline"
        initialValues={{ year: now.year, quarter: now.quarter }}
        onFinish={(v) =>
          submitForm(form, async () => {
            const r = await create.mutateAsync({ ...v, ...reporter });
            notifySuccess('季度报告已生成，请核对后提交');
            onClose();
            void navigate(`/responsibility/reports/${r.id}`);
          })
        }
      >
        <Form.Item name="year" label="年度" rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="quarter" label="季度" rules={[{ required: true }]}>
          <Select style={{ width: 120 }} options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
