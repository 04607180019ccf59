import { Card, Flex, Input, Select, type TableProps } from 'antd';
import { Link } from 'react-router';
import { WARNING_STATES, type WarningState } from '../../../../../common/warnings';
import { UnitSelect } from '../../../components/entity-selects';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { formatDate, formatDateTime } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { useSituations } from '../api/situations';
import { useWarnings, type Warning, type WarningFilters } from '../api/warnings';
import { articleNo } from '../../../components/warning-facts';
import { useUnitNames, WarningStateTag, WarningsNav } from '../components/warning-display';

const FILTER_KEYS = ['situationId', 'unitId', 'state', 'q'] as const;

/** 模拟问责单: the warnings of the scan, server-side paginated and filtered. */
export function WarningsPage() {
  const canManage = usePermission('warnings:manage');
  const list = useListParams<WarningFilters>(FILTER_KEYS);
  const { filters, setFilter } = list;
  const result = useWarnings(list.query);
  const situations = useSituations();
  const unitNames = useUnitNames();

  const columns: TableProps<Warning>['columns'] = [
    {
      title: '编号',
      dataIndex: 'code',
      width: 110,
      render: (v: string, w) => <Link to={`/warnings/${w.id}`}>{v}</Link>,
    },
    {
      title: '问责情形',
      dataIndex: 'situationName',
      ellipsis: true,
      render: (v: string, w) => <Link to={`/warnings/${w.id}`}>{v}</Link>,
    },
    { title: '依据', dataIndex: 'article', width: 150, render: (a?: number) => articleNo(a) },
    {
      title: '责任单位',
      dataIndex: 'unitId',
      width: 180,
      ellipsis: true,
      render: (id: string) => unitNames.get(id) ?? '—',
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      render: (_: string, w) => <WarningStateTag state={w.state} label={w.stateLabel} />,
    },
    { title: '整改时限', dataIndex: 'deadline', width: 140, sorter: true, render: (v: string) => formatDate(v) },
    {
      title: '可能被问责人员',
      dataIndex: 'people',
      width: 200,
      ellipsis: true,
      render: (_: unknown, w) => (w.people ?? []).map((p) => p.name).join('、') || '—',
    },
    { title: '发现时间', dataIndex: 'firstSeenAt', width: 150, sorter: true, render: (v: string) => formatDateTime(v) },
  ];

  return (
    <>
      <PageHeader
        title="模拟问责单"
        subTitle={canManage ? '系统按情形目录扫描生成，经研判后发出提醒函' : '本单位收到的模拟问责提醒函'}
        extra={<WarningsNav />}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap data-testid="warning-filters">
          <Input.Search
            aria-label="关键词"
            placeholder="编号或问题标题"
            allowClear
            style={{ width: 240 }}
            defaultValue={filters.q}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
          />
          <Select
            aria-label="问责情形"
            placeholder="问责情形"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 320 }}
            value={filters.situationId}
            loading={situations.isLoading}
            options={(situations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
            onChange={(v) => setFilter('situationId', v)}
          />
          <UnitSelect
            placeholder="责任单位"
            style={{ width: 260 }}
            value={filters.unitId ?? null}
            onChange={(v) => setFilter('unitId', (v as string | null) ?? undefined)}
          />
          <Select
            aria-label="状态"
            placeholder="状态"
            allowClear
            style={{ width: 160 }}
            value={filters.state}
            options={(Object.keys(WARNING_STATES) as WarningState[]).map((s) => ({
              value: s,
              label: WARNING_STATES[s],
            }))}
            onChange={(v) => setFilter('state', v)}
          />
          <ListExport path="/warnings/export.xlsx" list={list}>
            导出
          </ListExport>
        </Flex>
      </Card>
      <ListTable<Warning, WarningFilters>
        list={list}
        result={result}
        rowKey="id"
        columns={columns}
        emptyText="暂无模拟问责单"
        testId="warning-table"
        scroll={{ x: 1200 }}
      />
    </>
  );
}
