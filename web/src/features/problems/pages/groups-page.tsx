import { type TableProps, Typography } from 'antd';
import { Link } from 'react-router';
import { FilterBar, SearchFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { type CommonGroup, type CommonGroupFilters, useCommonGroups } from '../api/groups';
import { ProblemsNav } from '../components/problems-nav';

const FILTER_KEYS = ['q'] as const;

const COLUMNS: TableProps<CommonGroup>['columns'] = [
  {
    title: '共性问题',
    dataIndex: 'title',
    render: (v: string, g) => <Link to={`/problems/groups/${g.id}`}>{v}</Link>,
  },
  { title: '说明', dataIndex: 'description', ellipsis: true, render: (v: string) => v || '—' },
  { title: '问题数', dataIndex: 'problemCount', width: 90 },
  { title: '建立时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
];

/** 共性问题: groups of similar problems rectified together (举一反三). */
export function GroupsPage() {
  const list = useListParams<CommonGroupFilters>(FILTER_KEYS);
  const result = useCommonGroups(list.query);
  return (
    <>
      <PageHeader title="共性问题" extra={<ProblemsNav />} />
      <Typography.Paragraph type="secondary">
        在台账中勾选两个以上同类问题，点击“归入共性问题”即可建立分组，举一反三、同步整改。
      </Typography.Paragraph>
      <FilterBar testId="problem-group-filters">
        <SearchFilter list={list} placeholder="共性问题名称" />
        <ListExport path="/problem-groups/export.xlsx" list={list} />
      </FilterBar>
      <ListTable
        list={list}
        result={result}
        columns={COLUMNS}
        emptyText="暂无共性问题"
        unit="组"
        testId="problem-group-table"
      />
    </>
  );
}
