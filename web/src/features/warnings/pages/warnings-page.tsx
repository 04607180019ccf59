import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { WARNING_STATES } from '../../../../../common/warnings';
import { ChoiceFilter, FilterBar, SearchFilter, UnitFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { formatDate, formatDateTime } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { useSituationOptions } from '../api/situations';
import { useWarnings, type Warning, type WarningFilters } from '../api/warnings';
import { articleNo } from '../../../components/warning-facts';
import { JointNav } from '../../../components/joint-nav';
import { useUnitNames, WarningStateTag } from '../components/warning-display';

const FILTER_KEYS = ['situationId', 'unitId', 'state', 'q'] as const;

/** 模拟问责单: the warnings of the scan, server-side paginated and filtered. */
export function WarningsPage() {
  const canManage = usePermission('warnings:manage');
  const list = useListParams<WarningFilters>(FILTER_KEYS);
  const result = useWarnings(list.query);
  const situations = useSituationOptions();
  const unitNames = useUnitNames();

  const columns: TableProps<Warning>['columns'] = [
    {
      title: '编号',
      dataIndex: 'code',
      width: 110,
      render: (v: string, w) => <Link to={`/warnings/${w.id}`}>{v}</Link>,
    },
    { title: '提醒函文号', dataIndex: 'docNumber', width: 170, render: (v?: string | null) => v ?? '—' },
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
        extra={<JointNav />}
      />
      <FilterBar testId="warning-filters">
        <SearchFilter list={list} placeholder="编号或问题标题" />
        <ChoiceFilter
          list={list}
          name="situationId"
          label="问责情形"
          searchable
          width={320}
          loading={situations.isLoading}
          options={(situations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
        <UnitFilter list={list} placeholder="责任单位" width={260} />
        <ChoiceFilter list={list} name="state" label="状态" labels={WARNING_STATES} width={160} />
        <ListExport path="/warnings/export.xlsx" list={list}>
          导出
        </ListExport>
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无模拟问责单" testId="warning-table" />
    </>
  );
}
