import { Card, Col, Empty, Row, Statistic } from 'antd';
import { QueryFallback } from '../../../components/query-fallback';
import { type ReactNode, useMemo } from 'react';
import { WARNING_STATES } from '../../../../../common/warnings';
import { PageHeader } from '../../../components/page-header';
import { JointNav } from '../../../components/joint-nav';
import { useWarningFigures, type WarningFigures } from '../api/figures';
import { Chart, type ChartOption } from '../../../components/chart';

const STATE_COLORS: Record<string, string> = {
  pending_review: '#faad14',
  issued: '#1677ff',
  rectifying: '#13c2c2',
  resolved: '#52c41a',
  escalated: '#f5222d',
  dismissed: '#bfbfbf',
};

const stateLabel = (s: string) => WARNING_STATES[s as keyof typeof WARNING_STATES] ?? s;

/** A horizontal bar chart of named counts (long Chinese names read better on the y axis). */
function barOption(rows: { name: string; n: number }[], color: string): ChartOption {
  const sorted = [...rows].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: sorted.map((r) => r.name),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: '预警数',
        data: sorted.map((r) => r.n),
        itemStyle: { color },
        label: { show: true, position: 'right' },
      },
    ],
  };
}

function options(f: WarningFigures) {
  return {
    situation: barOption(f.bySituation, '#d4380d'),
    unit: barOption(f.byUnit.slice(0, 10), '#1677ff'),
    month: {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: f.byMonth.map((r) => r.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: '新增预警', data: f.byMonth.map((r) => r.n), itemStyle: { color: '#91caff' } },
        { type: 'line', name: '趋势', data: f.byMonth.map((r) => r.n), smooth: true, itemStyle: { color: '#d4380d' } },
      ],
    } satisfies ChartOption,
    state: {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          type: 'pie',
          name: '预警状态',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{c} 件' },
          data: f.byState.map((r) => ({
            name: stateLabel(r.state),
            value: r.n,
            itemStyle: { color: STATE_COLORS[r.state] },
          })),
        },
      ],
    } satisfies ChartOption,
  };
}

function ChartCard({ title, empty, children }: { title: string; empty: boolean; children: ReactNode }) {
  return (
    <Card title={title} size="small" style={{ height: '100%' }}>
      {empty ? <Empty description="暂无数据" style={{ padding: '80px 0' }} /> : children}
    </Card>
  );
}

/** 模拟问责数据统计: runs, warnings by situation / unit / month / state, and their effect. */
export function FiguresPage() {
  const query = useWarningFigures();
  const { data } = query;
  const charts = useMemo(() => (data ? options(data) : null), [data]);
  const header = (
    <PageHeader title="模拟问责数据统计" subTitle="模拟问责开展次数、预警分布及整改成效" extra={<JointNav />} />
  );
  if (!data || !charts)
    return (
      <>
        {header}
        <QueryFallback query={query} what="统计数据" />
      </>
    );
  const total = data.byState.reduce((n, r) => n + r.n, 0);
  const kpis = [
    { title: '模拟问责扫描次数', value: data.scans, suffix: '次' },
    { title: '预警总数', value: total, suffix: '件' },
    { title: '已发提醒函', value: data.issued, suffix: '件' },
    { title: '提醒后整改销号', value: data.rectified, suffix: '个' },
    { title: '涉及干部', value: data.cadres, suffix: '人' },
  ];
  return (
    <>
      {header}
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="figures-kpis">
        {kpis.map((k) => (
          <Col key={k.title} xs={12} md={8} xl={{ flex: '20%' }}>
            <Card size="small">
              <Statistic title={k.title} value={k.value} suffix={k.suffix} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard title="按情形统计" empty={!data.bySituation.length}>
            <Chart option={charts.situation} testId="chart-situation" />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title="按月新增预警" empty={!data.byMonth.length}>
            <Chart option={charts.month} testId="chart-month" />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title="预警状态分布" empty={!total}>
            <Chart option={charts.state} testId="chart-state" />
          </ChartCard>
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title="预警较多的单位（前10）" empty={!data.byUnit.length}>
            <Chart option={charts.unit} testId="chart-unit" />
          </ChartCard>
        </Col>
      </Row>
    </>
  );
}
