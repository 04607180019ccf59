import {
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Statistic,
  Table,
  type TableProps,
} from 'antd';
import { useMemo, useState } from 'react';
import { DetailTable } from '../../../components/detail-table';
import { PageHeader } from '../../../components/page-header';
import { dayjs, formatDateTime } from '../../../lib/format';
import { applyFormErrors, notifyError, notifySuccess, validValues } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { Chart, type ChartOption } from '../../../components/chart';
import { type GroupWork, type Review, useFigures, usePatrolWrite, usePerformance, useReviews } from '../api/patrol';
import { PatrolGroupSelect } from '../components/patrol-group-select';
import { PatrolNav } from '../components/patrol-nav';
import { ZCreateReview } from '../../../../../common/patrol.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

function groupChart(items: GroupWork[]): ChartOption {
  const names = items.map((g) => g.groupName.replace('督导巡查组', '组'));
  const bar = (name: string, data: number[], color: string) => ({ type: 'bar', name, data, itemStyle: { color } });
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: names },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      bar(
        '督导次数',
        items.map((g) => g.inspections),
        '#1677ff',
      ),
      bar(
        '一线天数',
        items.map((g) => g.fieldDays),
        '#13c2c2',
      ),
      bar(
        '发现问题',
        items.map((g) => g.findings),
        '#fa8c16',
      ),
      bar(
        '问题销号',
        items.map((g) => g.problemsClosed),
        '#52c41a',
      ),
    ],
  };
}

function ReviewModal({ open, onClose, annual }: { open: boolean; onClose: () => void; annual: boolean }) {
  const [form] = Form.useForm();
  const save = usePatrolWrite('/group-reviews');
  const year = dayjs().year();
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    save.mutate(
      { ...v, kind: annual ? 'annual' : 'semiannual' },
      {
        onSuccess: () => {
          notifySuccess('已保存');
          onClose();
        },
        onError: (e) => {
          if (!applyFormErrors(form, e)) notifyError(e);
        },
      },
    );
  };
  return (
    <Modal
      title={annual ? '录入年度述职评议' : '报送半年工作报告'}
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ period: annual ? String(year) : `${year}-${dayjs().month() < 6 ? 'H1' : 'H2'}` }}
      >
        {annual ? (
          <Form.Item name="groupId" label="督导巡查组" rules={[{ required: true, message: '请选择督导巡查组' }]}>
            <PatrolGroupSelect />
          </Form.Item>
        ) : null}
        <Form.Item name="period" label="期间" rules={[{ required: true, message: '请填写期间' }]}>
          <Input placeholder={annual ? '2026' : '2026-H1'} />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateReview.shape.report)}
          name="report"
          label={annual ? '述职内容摘要' : '工作报告'}
          rules={[{ required: true, message: '请填写报告内容' }]}
        >
          <Input.TextArea rows={5} />
        </TextItem>
        {annual ? (
          <>
            <Form.Item name="score" label="评议得分" rules={[{ required: true, message: '请填写评议得分' }]}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
            <TextItem max={maxLengthOf(ZCreateReview.shape.comment)} name="comment" label="评议意见">
              <Input.TextArea rows={2} />
            </TextItem>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** 督导巡查组绩效: tasks, inspections, days in the field, findings, problems closed; reports and 述职 scores. */
export function PerformancePage() {
  const canManage = usePermission('patrol:manage');
  const canRecord = usePermission('patrol:record');
  const [year, setYear] = useState(dayjs().year());
  const perf = usePerformance(year);
  const figures = useFigures(year, canManage);
  const reviews = useReviews();
  const [reviewing, setReviewing] = useState(false);
  const chart = useMemo(() => groupChart(perf.data?.items ?? []), [perf.data]);
  const f = figures.data;
  const kpis = f
    ? [
        { title: '督导单位', value: f.unitsInspected, suffix: '个' },
        { title: '督导项目', value: f.projectsInspected, suffix: '个' },
        { title: '发现问题', value: f.findings, suffix: '条' },
        { title: '制发通报', value: f.circulars, suffix: '期' },
        { title: '点人点事', value: f.namedMatters, suffix: '条' },
        { title: '约谈建议', value: f.interviews, suffix: '份' },
        { title: '整改完成率', value: f.rectificationRate ?? 0, suffix: '%' },
        { title: '“四不两直”天数占比', value: f.unannouncedShare ?? 0, suffix: '%' },
      ]
    : [];
  const columns: TableProps<GroupWork>['columns'] = [
    { title: '督导巡查组', dataIndex: 'groupName', fixed: 'left', width: 130 },
    { title: '交办任务', dataIndex: 'tasks', width: 80 },
    { title: '已办结', dataIndex: 'tasksDone', width: 70 },
    { title: '督导次数', dataIndex: 'inspections', width: 80 },
    { title: '一线天数', dataIndex: 'fieldDays', width: 80 },
    { title: '暗访天数', dataIndex: 'unannouncedDays', width: 80 },
    { title: '发现问题', dataIndex: 'findings', width: 80 },
    { title: '交办问题', dataIndex: 'problems', width: 80 },
    { title: '已销号', dataIndex: 'problemsClosed', width: 70 },
    { title: '半年报告', dataIndex: 'semiannualReports', width: 140, render: (v: string[]) => v.join('、') || '—' },
    { title: '述职得分', dataIndex: 'annualScore', width: 80, render: (v: number | null) => v ?? '—' },
  ];
  const reviewColumns: TableProps<Review>['columns'] = [
    { title: '督导巡查组', dataIndex: 'groupName', width: 130 },
    { title: '类型', dataIndex: 'kindLabel', width: 120 },
    { title: '期间', dataIndex: 'period', width: 90 },
    { title: '内容', dataIndex: 'report', ellipsis: true },
    { title: '得分', dataIndex: 'score', width: 60, render: (v: number | null) => v ?? '—' },
    { title: '报送人', dataIndex: 'submittedBy', width: 100 },
    { title: '时间', dataIndex: 'createdAt', width: 150, render: (v: string) => formatDateTime(v) },
  ];
  const thisYear = dayjs().year();
  return (
    <>
      <PageHeader
        title="督导巡查组绩效"
        subTitle="领导小组定期听取组长述职，述职评议结果纳入绩效考核"
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 110 }}
              options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))}
            />
            {canManage || canRecord ? (
              <Button onClick={() => setReviewing(true)}>{canManage ? '录入述职评议' : '报送半年报告'}</Button>
            ) : null}
          </>
        }
      />
      <Flex style={{ marginBottom: 16 }}>
        <PatrolNav />
      </Flex>
      {kpis.length ? (
        <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="patrol-kpis">
          {kpis.map((k) => (
            <Col key={k.title} xs={12} md={6}>
              <Card size="small">
                <Statistic title={k.title} value={k.value} suffix={k.suffix} />
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      <Card title="各组工作量" size="small" style={{ marginBottom: 16 }}>
        <Chart option={chart} height={300} testId="chart-groups" />
      </Card>
      <DetailTable<GroupWork>
        rowKey="groupId"
        loading={perf.isFetching}
        dataSource={perf.data?.items ?? []}
        columns={columns}
        scroll={{ x: 1000 }}
        style={{ marginBottom: 16 }}
        data-testid="performance-table"
      />
      <Card title="半年报告与年度述职评议" size="small">
        <Table<Review>
          rowKey="id"
          size="small"
          dataSource={reviews.data?.items ?? []}
          columns={reviewColumns}
          pagination={{ pageSize: 10 }}
          scroll={{ x: 800 }}
          locale={{ emptyText: '暂无报告' }}
        />
      </Card>
      <ReviewModal open={reviewing} onClose={() => setReviewing(false)} annual={canManage} />
    </>
  );
}
