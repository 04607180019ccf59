import { Card, Col, Result, Row, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { DISPATCH_KINDS, REPORT_STATES, type ReportState } from '../../../../../common/responsibility';
import { Chart, type ChartOption } from '../../../components/chart';
import { DetailTable } from '../../../components/detail-table';
import { YearSelect } from '../../../components/year-select';
import { PageHeader } from '../../../components/page-header';
import { StatCard } from '../../../components/stat-card';
import { type ResponsibilityFigures, useResponsibilityFigures } from '../api/responsibility';
import { currentPeriod } from '../../../lib/format';

type Cell = ResponsibilityFigures['cells'][number];
const periodName = (q: number | null) => (q === null ? '年初/全年' : `第${q}季度`);
const pct = (v: number) => `${v}%`;
const GROUPS = [
  ['leader', '县级领导'],
  ['unit', '单位'],
] as const;

/** Lists and items per period, one bar pair per recipient group (county leaders / units). */
function chartOf(f: ResponsibilityFigures): ChartOption {
  const periods = f.byPeriod.map((p) => p.quarter);
  const sum = (q: number | null, g: string, key: 'lists' | 'items') =>
    f.cells.filter((c) => c.quarter === q && c.recipientGroup === g).reduce((n, c) => n + c[key], 0);
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 50, right: 50, top: 20, bottom: 60 },
    xAxis: { type: 'category', data: periods.map(periodName) },
    yAxis: [
      { type: 'value', name: '清单（份）', minInterval: 1 },
      { type: 'value', name: '事项（条）', minInterval: 1 },
    ],
    series: GROUPS.flatMap(([g, label]) => [
      { name: `${label}清单`, type: 'bar', stack: 'lists', data: periods.map((q) => sum(q, g, 'lists')) },
      {
        name: `${label}事项`,
        type: 'line',
        yAxisIndex: 1,
        data: periods.map((q) => sum(q, g, 'items')),
      },
    ]),
  };
}

/** 明责统计: the year's lists and items by period, kind and recipient (seed 004's figures), with fulfilment. */
export function ResponsibilityFiguresPage() {
  const { year: thisYear } = currentPeriod();
  const [year, setYear] = useState(thisYear);
  const { data: f, isLoading, error } = useResponsibilityFigures(year);
  const option = useMemo(() => (f ? chartOf(f) : null), [f]);
  return (
    <>
      <PageHeader
        title="明责统计"
        subTitle="由派单、责任事项和履责纪实实时统计（仅统计本人可查看的清单）"
        extra={<YearSelect value={year} onChange={setYear} />}
      />
      {error ? <Result status="error" title="统计数据加载失败" /> : null}
      {isLoading ? <Spin style={{ display: 'block', margin: '80px auto' }} /> : null}
      {f && option ? (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <StatCard xs={12} md={4} title="派出清单" value={f.total.lists} suffix="份" />
            <StatCard xs={12} md={4} title="涉及责任事项" value={f.total.items} suffix="条" />
            <StatCard xs={12} md={4} title="增派清单" value={f.extra.lists} suffix="份" />
            <StatCard xs={12} md={4} title="增派事项" value={f.extra.items} suffix="条" />
            <StatCard xs={12} md={4} title="履责率" value={f.fulfilmentRate} suffix="%" />
            <StatCard xs={12} md={4} title="按期履责率" value={f.onTimeRate} suffix="%" />
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Card size="small" title="按派单对象" style={{ marginBottom: 16 }}>
                <DetailTable
                  rowKey="recipientGroup"
                  dataSource={f.byRecipient}
                  data-testid="figures-by-recipient"
                  columns={[
                    { title: '派单对象', dataIndex: 'label' },
                    { title: '清单（份）', dataIndex: 'lists' },
                    { title: '事项（条）', dataIndex: 'items' },
                    { title: '增派清单', dataIndex: 'extraLists' },
                    { title: '增派事项', dataIndex: 'extraItems' },
                    { title: '履责率', dataIndex: 'fulfilmentRate', render: pct },
                    { title: '按期率', dataIndex: 'onTimeRate', render: pct },
                  ]}
                />
              </Card>
              <Card size="small" title="按期间" style={{ marginBottom: 16 }}>
                <DetailTable
                  rowKey={(r) => String(r.quarter)}
                  dataSource={f.byPeriod}
                  columns={[
                    { title: '期间', dataIndex: 'quarter', render: periodName },
                    { title: '清单（份）', dataIndex: 'lists' },
                    { title: '事项（条）', dataIndex: 'items' },
                    { title: '已履责', dataIndex: 'fulfilled' },
                    { title: '按期履责', dataIndex: 'onTime' },
                    { title: '履责率', dataIndex: 'fulfilmentRate', render: pct },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title="各期间清单与事项" style={{ marginBottom: 16 }}>
                <Chart option={option} height={300} testId="figures-chart" />
              </Card>
              <Card size="small" title="季度报告" style={{ marginBottom: 16 }}>
                {f.reports.length === 0
                  ? '暂无季度报告'
                  : f.reports.map((r) => `${REPORT_STATES[r.state as ReportState] ?? r.state} ${r.n} 份`).join('，')}
              </Card>
              <Card
                size="small"
                title="定期抽查（已完成的抽查）"
                style={{ marginBottom: 16 }}
                data-testid="figures-spot-checks"
              >
                {f.spotChecks.checks === 0 ? (
                  '本年度暂无已完成的抽查'
                ) : (
                  <>
                    抽查 {f.spotChecks.checks} 次，抽取报告 {f.spotChecks.reports} 份、事项 {f.spotChecks.items} 条：
                    {f.spotChecks.byVerdict
                      .filter((v) => v.n > 0)
                      .map((v) => `${v.label} ${v.n} 条`)
                      .join('，')}
                    ；不实或不到位占已核查事项 {f.spotChecks.negativeRate}%，转为问题 {f.spotChecks.problems} 个。
                  </>
                )}
              </Card>
            </Col>
          </Row>
          <Card size="small" title="按期间、派单类型和派单对象" style={{ marginBottom: 16 }}>
            <DetailTable<Cell>
              rowKey={(c) => `${c.quarter}-${c.kind}-${c.recipientKind}`}
              dataSource={f.cells}
              data-testid="figures-cells"
              columns={[
                { title: '期间', dataIndex: 'quarter', render: periodName },
                {
                  title: '派单类型',
                  dataIndex: 'kind',
                  render: (k: string) => DISPATCH_KINDS[k as keyof typeof DISPATCH_KINDS] ?? k,
                },
                { title: '派单对象', dataIndex: 'recipientKindLabel' },
                { title: '清单（份）', dataIndex: 'lists' },
                { title: '事项（条）', dataIndex: 'items' },
                { title: '已履责', dataIndex: 'itemsFulfilled' },
                { title: '按期履责', dataIndex: 'itemsOnTime' },
              ]}
            />
          </Card>
        </>
      ) : null}
    </>
  );
}
