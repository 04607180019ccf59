import { type TableProps, Tag } from 'antd';
import { Link } from 'react-router';
import { TOLERANCE_STATES } from '../../../../../common/tolerance';
import { ChoiceFilter, FilterBar, SearchFilter, UnitFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { NewButton } from '../../../components/new-button';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { type Filing, type FilingFilters, useFilings } from '../api/tolerance';
import { FilingStateTag } from '../components/filing-state-tag';

const FILTER_KEYS = ['state', 'unitId', 'q'] as const;

/** 容错免责备案: a unit sees its own filings, the commission every unit's (server-side list). */
export function FilingsPage() {
  const canFile = usePermission('tolerance:file');
  const canApprove = usePermission('tolerance:approve');
  const list = useListParams<FilingFilters>(FILTER_KEYS);
  const result = useFilings(list.query);

  const columns: TableProps<Filing>['columns'] = [
    {
      title: '编号',
      dataIndex: 'code',
      width: 120,
      render: (v: string, f) => <Link to={`/tolerance-filings/${f.id}`}>{v}</Link>,
    },
    {
      title: '备案事项',
      dataIndex: 'matter',
      ellipsis: true,
      render: (v: string, f) => (
        <>
          <Link to={`/tolerance-filings/${f.id}`}>{v}</Link>{' '}
          {f.exploratory ? <Tag color="blue">改革试点/探索</Tag> : null}
        </>
      ),
    },
    { title: '备案单位', dataIndex: 'unitName', width: 150, ellipsis: true },
    {
      title: '责任人',
      key: 'people',
      width: 160,
      ellipsis: true,
      render: (_, f) => f.people.map((p) => p.name).join('、'),
    },
    { title: '决策日期', dataIndex: 'decidedOn', width: 130, sorter: true, render: (v: string) => formatDate(v) },
    { title: '复核日期', dataIndex: 'reviewOn', width: 130, sorter: true, render: (v: string) => formatDate(v) },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      render: (_: string, f) => <FilingStateTag state={f.state} label={f.stateLabel} />,
    },
  ];

  return (
    <>
      <PageHeader
        title="容错免责事前备案"
        subTitle={
          canApprove
            ? '各单位报备的探索性、试点性重大决策，审批后作为容错免责的依据'
            : '重大决策前报备，留存集体决策和不同意见'
        }
        extra={
          <>
            <ListExport path="/tolerance-filings/export.xlsx" list={list}>
              导出
            </ListExport>
            <NewButton to="/tolerance-filings/new" allowed={canFile}>
              新建备案
            </NewButton>
          </>
        }
      />
      <FilterBar testId="filing-filters">
        <SearchFilter list={list} placeholder="编号、事项或决策内容" width={260} />
        <UnitFilter list={list} placeholder="备案单位" />
        <ChoiceFilter list={list} name="state" label="状态" labels={TOLERANCE_STATES} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无备案" testId="filing-table" />
    </>
  );
}
