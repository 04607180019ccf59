import { Card, Col, Empty, Flex, Row, Spin, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { Chart, type ChartOption } from '../../../components/chart';
import { type OverviewSection, useOverview } from '../api/overview';
import type { DashboardQuery } from '../api/query';

function barOption(section: OverviewSection): ChartOption {
  const shown = [...section.items].reverse();
  return {
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((i) => i.label), axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: section.title, data: shown.map((i) => i.count), label: { show: true, position: 'right' } },
    ],
  };
}

/** One figure: a bar per element, and the same numbers as links — a click on either opens the list behind it. */
function SectionCard({ section }: { section: OverviewSection }) {
  const navigate = useNavigate();
  const option = useMemo(() => barOption(section), [section]);
  return (
    <Card
      size="small"
      title={section.title}
      extra={<Typography.Text type="secondary">{section.note}</Typography.Text>}
      data-testid={`overview-${section.key}`}
    >
      {section.items.length ? (
        <>
          <Chart
            option={option}
            height={Math.max(120, section.items.length * 28 + 32)}
            onClick={({ dataIndex }) => {
              const item = [...section.items].reverse()[dataIndex];
              if (item) void navigate(item.path);
            }}
          />
          <Flex gap={12} wrap>
            {section.items.map((i) => (
              <Link key={i.key} to={i.path} aria-label={`${i.label}，共 ${i.count} 项`}>
                {i.label} {i.count}
              </Link>
            ))}
          </Flex>
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />
      )}
    </Card>
  );
}

/** 区域概况: the region's figures as the caller's lists show them, every bar and number opening its list. */
export function OverviewCards({ query }: { query: DashboardQuery }) {
  const { data, isLoading } = useOverview(query);
  if (isLoading) return <Spin style={{ display: 'block', margin: '24px auto' }} />;
  if (!data?.sections.length) return null;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {data.sections.map((s) => (
        <Col key={s.key} xs={24} lg={12} xxl={8}>
          <SectionCard section={s} />
        </Col>
      ))}
    </Row>
  );
}
