import { PlusOutlined } from '@ant-design/icons';
import { Button, Result, Row, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DISPATCH_KINDS, DISPATCH_STATES, SOURCE_TYPES, type SourceType } from '../../../../../common/responsibility';
import { ChoiceFilter, FilterBar, SearchFilter, UnitFilter, YearFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { StatCard } from '../../../components/stat-card';
import { usePermission } from '../../../lib/session';
import { type Dispatch, type DispatchFilters, useDispatches, useResponsibilityFigures } from '../api/responsibility';
import { useReadsSpotChecks } from '../api/spot-checks';
import { DispatchFormModal } from '../components/dispatch-form-modal';
import { currentPeriod } from '../../../lib/format';

const FILTERS = ['year', 'kind', 'state', 'unitId', 'overdue', 'mine', 'q'] as const;

/** 明责·主体责任: the year's figures and the lists the caller may see, with 派单 for the office. */
export function ResponsibilityPage() {
  const { year } = currentPeriod();
  const manage = usePermission('responsibility:manage');
  const readsSpotChecks = useReadsSpotChecks();
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  // 增派单 started from a source's page (ExtraDispatchButton): the form opens with the source filled in.
  const [params, setParams] = useSearchParams();
  const extraFrom = params.get('extraFrom') ?? '';
  const sourceId = params.get('sourceId');
  const source =
    manage && extraFrom in SOURCE_TYPES && sourceId ? { sourceType: extraFrom as SourceType, sourceId } : undefined;
  const closeForm = () => {
    setCreating(false);
    if (source)
      setParams(
        (p) => {
          p.delete('extraFrom');
          p.delete('sourceId');
          return p;
        },
        { replace: true },
      );
  };
  const list = useListParams<DispatchFilters>(FILTERS, { filters: { year: String(year) } });
  const shownYear = Number(list.filters.year) || year;
  const figures = useResponsibilityFigures(shownYear);
  const lists = useDispatches(list.query);
  const f = figures.data;
  return (
    <>
      <PageHeader
        title="明责·主体责任"
        extra={
          <Space>
            <Button onClick={() => void navigate('/responsibility/catalogue')}>责任事项目录</Button>
            <Button onClick={() => void navigate('/responsibility/reports')}>季度报告</Button>
            {readsSpotChecks ? (
              <Button onClick={() => void navigate('/responsibility/spot-checks')}>定期抽查</Button>
            ) : null}
            <Button onClick={() => void navigate('/responsibility/figures')}>统计</Button>
            <Button onClick={() => void navigate('/responsibility/year-end')}>年终汇总</Button>
            <Button onClick={() => void navigate('/responsibility/commitments')}>签字承诺</Button>
            {manage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建派单
              </Button>
            ) : null}
          </Space>
        }
      />
      {figures.isError ? <Result status="error" title="统计数据加载失败" /> : null}
      {f ? (
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <StatCard span={4} title={`${shownYear}年派出清单（份）`} value={f.total.lists} />
          <StatCard span={4} title="涉及责任事项（条）" value={f.total.items} />
          <StatCard span={4} title="增派清单（份）" value={f.extra.lists} />
          <StatCard span={4} title="增派事项（条）" value={f.extra.items} />
          <StatCard span={4} title="履责率" value={f.fulfilmentRate} suffix="%" />
          <StatCard span={4} title="按期履责率" value={f.onTimeRate} suffix="%" />
        </Row>
      ) : figures.isLoading ? (
        <Spin />
      ) : null}
      <FilterBar testId="dispatch-filters">
        <YearFilter list={list} ahead />
        <ChoiceFilter list={list} name="kind" label="派单类型" labels={DISPATCH_KINDS} />
        <ChoiceFilter list={list} name="state" label="状态" labels={DISPATCH_STATES} />
        <UnitFilter list={list} placeholder="派单单位" />
        <ChoiceFilter
          list={list}
          name="overdue"
          label="是否逾期"
          labels={{ true: '有逾期事项', false: '无逾期事项' }}
        />
        <ChoiceFilter list={list} name="mine" label="范围" labels={{ true: '我的清单' }} />
        <SearchFilter list={list} placeholder="编号或标题" />
        <ListExport path="/dispatches/export.xlsx" list={list} />
      </FilterBar>
      <ListTable<Dispatch, DispatchFilters>
        list={list}
        result={lists}
        unit="份"
        emptyText="暂无派单"
        testId="dispatch-list"
        columns={[
          {
            title: '编号',
            dataIndex: 'code',
            key: 'code',
            width: 150,
            sorter: true,
            render: (code: string, d) => <Link to={`/responsibility/dispatches/${d.id}`}>{code}</Link>,
          },
          { title: '类型', dataIndex: 'kindLabel', width: 100 },
          { title: '期间', dataIndex: 'periodLabel', width: 140 },
          { title: '派单对象', dataIndex: 'recipientName', width: 180 },
          { title: '标题', dataIndex: 'title' },
          { title: '履责', width: 90, render: (_, d) => `${d.fulfilledCount}/${d.itemCount}` },
          { title: '状态', dataIndex: 'stateLabel', width: 90, render: (s: string) => <Tag>{s}</Tag> },
        ]}
      />
      {creating || source ? <DispatchFormModal source={source} onClose={closeForm} /> : null}
    </>
  );
}
