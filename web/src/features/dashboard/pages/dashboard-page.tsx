import { FullscreenOutlined } from '@ant-design/icons';
import { QueryFallback } from '../../../components/query-fallback';
import { Button, Card, Empty, Typography } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { STALL_LINK_PERMISSION } from '../../../../../common/dashboard';
import { Chart, type ChartOption } from '../../../components/chart';
import { DateRangeFilter, FilterBar, UnitFilter } from '../../../components/list-filters';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { hasPermission, useMe } from '../../../lib/session';
import { DASHBOARD_FILTERS, type DashboardQuery } from '../api/query';
import { type StallLinkFigures, type StallRow, useStalls } from '../api/stalls';
import { AnnualReportActions } from '../components/annual-report';
import { BurdenCard } from '../components/burden-card';
import { OverreachCard } from '../components/overreach-card';
import { OverviewCards } from '../components/overview-cards';
import { StallTables } from '../components/stall-tables';
import { formatDateRange } from '../../../lib/format';

const _days = (n: number) => `${n.toFixed(1)} 天`;

/** For a wall display: the whole page full-screen (Esc leaves). */
function FullScreenButton() {
  if (!document.fullscreenEnabled) return null;
  return (
    <Button
      icon={<FullscreenOutlined />}
      onClick={() =>
        void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen())
      }
    >
      全屏
    </Button>
  );
}

interface Bar {
  label: string;
  row: StallRow;
  link: StallLinkFigures;
}

/** The ten unit × link pairs with the most items stuck beyond the limit. */
function worst(links: StallLinkFigures[]): Bar[] {
  return links
    .flatMap((link) =>
      link.rows.filter((r) => r.stuck > 0).map((row) => ({ label: `${row.unitName} · ${link.label}`, row, link })),
    )
    .sort((a, b) => b.row.stuck - a.row.stuck || b.row.p90Days - a.row.p90Days)
    .slice(0, 10);
}

function barOption(bars: Bar[]): ChartOption {
  const shown = [...bars].reverse();
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((b) => b.label), axisLabel: { width: 320, overflow: 'truncate' } },
    series: [{ type: 'bar', name: '超期滞留', data: shown.map((b) => b.row.stuck), itemStyle: { color: '#f5222d' } }],
  };
}

/** 统计大屏: the region's figures, then where the chain stalls (梗阻点 / 衰减点); every number opens the list behind it. */
export function DashboardPage() {
  const list = useListParams<DashboardQuery>(DASHBOARD_FILTERS);
  const query = list.filters;
  const stalls = useStalls(query);
  const { data } = stalls;
  const { data: me } = useMe();
  const navigate = useNavigate();
  const bars = useMemo(() => (data ? worst(data.links) : []), [data]);
  const option = useMemo(() => barOption(bars), [bars]);
  const header = (
    <>
      <PageHeader
        title="统计大屏"
        subTitle={
          data ? `责任链条梗阻点：${formatDateRange(data.from, data.to)} 进入各环节的事项，停留时间计至当前` : undefined
        }
        extra={
          <>
            <AnnualReportActions />
            <FullScreenButton />
          </>
        }
      />
      <FilterBar testId="dashboard-filters">
        <DateRangeFilter list={list} label="统计期间" />
        <UnitFilter list={list} placeholder="全部单位" />
        <Typography.Text type="secondary">
          不选期间时：概况按本年，梗阻点按近一年，泛化监测按本年，负担按本季度
        </Typography.Text>
      </FilterBar>
    </>
  );
  if (!data)
    return (
      <>
        {header}
        <QueryFallback query={stalls} what="统计数据" />
      </>
    );
  const mayOpen = (link: StallLinkFigures) => hasPermission(me, STALL_LINK_PERMISSION[link.link]);
  const open = (link: StallLinkFigures, row: StallRow) => {
    if (mayOpen(link)) navigate(row.path);
  };
  return (
    <>
      {header}
      <OverviewCards query={query} />
      <Card size="small" title="超期滞留最多的单位与环节（前10）" style={{ marginBottom: 16 }}>
        {bars.length ? (
          <Chart
            option={option}
            height={Math.max(160, bars.length * 32 + 40)}
            testId="chart-stalls"
            onClick={({ dataIndex }) => {
              const bar = [...bars].reverse()[dataIndex];
              if (bar) open(bar.link, bar.row);
            }}
          />
        ) : (
          <Empty description="各环节均无超期滞留事项" />
        )}
      </Card>
      <StallTables stalls={data} query={query} />
      <div style={{ marginTop: 16 }}>
        <OverreachCard query={query} />
        <BurdenCard query={query} />
      </div>
    </>
  );
}
