import { Card, Col, Row, Spin } from 'antd';
import { APPEAL_KINDS, APPEAL_RESULTS, FORMS_OF_FOUR, TOLERANCE_OUTCOMES } from '../../../../../common/cases';
import { Chart, type ChartOption } from '../../../components/chart';
import { itemNo } from '../../../components/warning-facts';
import { PageHeader } from '../../../components/page-header';
import { StatCard } from '../../../components/stat-card';
import { useCaseFigures } from '../api/cases';
import { CaseNav } from '../components/case-nav';

const bar = (names: string[], values: number[]): ChartOption => ({
  tooltip: {},
  grid: { left: 120, right: 20, top: 10, bottom: 20 },
  xAxis: { type: 'value', minInterval: 1 },
  yAxis: { type: 'category', data: names },
  series: [{ type: 'bar', data: values }],
});
const pie = (rows: { name: string; value: number }[]): ChartOption => ({
  tooltip: { trigger: 'item' },
  legend: { bottom: 0 },
  series: [{ type: 'pie', radius: ['35%', '65%'], data: rows }],
});

/** 问责统计: situations, forms, 四种形态, the catch-all share (防问责泛化), tolerance and appeals. */
export function CaseFiguresPage() {
  const { data } = useCaseFigures();
  if (!data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  return (
    <>
      <PageHeader
        title="问责统计"
        subTitle="防止问责泛化、简单化：关注兜底条款使用比例和问责方式结构"
        extra={<CaseNav />}
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <StatCard xs={12} md={6} title="问责案件" value={data.total} suffix="件" />
        <StatCard
          xs={12}
          md={6}
          title="兜底情形（第十一项）占比"
          value={data.catchAllShare}
          suffix="%"
          testId="catch-all"
        />
        <StatCard
          xs={12}
          md={6}
          title="容错免责认定"
          value={data.tolerance.reduce((n, r) => n + (r.outcome === 'none' ? 0 : r.n), 0)}
          suffix="人次"
        />
        <StatCard xs={12} md={6} title="申诉复查" value={data.appeals.reduce((n, r) => n + r.n, 0)} suffix="件" />
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Card size="small" title="按问责情形（第七条）" style={{ marginBottom: 16 }}>
            <Chart
              option={bar(
                data.bySituation.map((r) => itemNo(r.situation)),
                data.bySituation.map((r) => r.n),
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="按问责方式" style={{ marginBottom: 16 }}>
            <Chart
              option={bar(
                data.byForm.map((r) => r.form),
                data.byForm.map((r) => r.n),
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="四种形态" style={{ marginBottom: 16 }}>
            <Chart
              option={pie(
                data.byFormOfFour.map((r) => ({ name: FORMS_OF_FOUR[r.formOfFour as 1 | 2 | 3 | 4], value: r.n })),
              )}
              height={260}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="容错纠错结论" style={{ marginBottom: 16 }}>
            <Chart
              option={pie(
                data.tolerance.map((r) => ({
                  name: TOLERANCE_OUTCOMES[r.outcome as keyof typeof TOLERANCE_OUTCOMES] ?? r.outcome,
                  value: r.n,
                })),
              )}
              height={260}
            />
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="申诉及结果" style={{ marginBottom: 16 }}>
            <Chart
              option={pie(
                data.appeals.map((r) => ({
                  name: `${APPEAL_KINDS[r.kind as keyof typeof APPEAL_KINDS]}·${r.result ? APPEAL_RESULTS[r.result as keyof typeof APPEAL_RESULTS] : '办理中'}`,
                  value: r.n,
                })),
              )}
              height={260}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
