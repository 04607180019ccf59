import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { FINDING_STATES } from '../../../../../common/patrol';
import { ChoiceFilter, FilterBar, SearchFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { type Finding, useFindings } from '../api/patrol';
import { PatrolNav } from '../components/patrol-nav';
import { stateColumn } from '../components/state-tag';

type FindingFilters = { state?: string; q?: string };
const FILTER_KEYS = ['state', 'q'] as const;

/** Findings: the office reviews every group's, a group sees its own; units never see them. */
export function FindingsPage() {
  const canManage = usePermission('patrol:manage');
  // The office opens on the findings waiting for its review.
  const list = useListParams<FindingFilters>(FILTER_KEYS, { filters: canManage ? { state: 'submitted' } : {} });
  const result = useFindings(list.query);
  const columns: TableProps<Finding>['columns'] = [
    { title: '编号', dataIndex: 'code', width: 120 },
    {
      title: '问题概述',
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, f) => <Link to={`/supervision/findings/${f.id}`}>{v}</Link>,
    },
    { title: '责任单位', dataIndex: 'unitName', width: 140 },
    { title: '督导巡查组', dataIndex: 'groupName', width: 140 },
    { title: '严重程度', dataIndex: 'severityLabel', width: 90 },
    { title: '报送时间', dataIndex: 'createdAt', width: 150, sorter: true, render: (v: string) => formatDateTime(v) },
    stateColumn(),
  ];
  return (
    <>
      <PageHeader
        title="督导发现"
        subTitle="督导巡查组报送的问题，由领导小组办公室审核后交办、上报或办结"
        extra={
          <ListExport path="/findings/export.xlsx" list={list}>
            导出台账
          </ListExport>
        }
      />
      <FilterBar>
        <PatrolNav />
        <ChoiceFilter list={list} name="state" label="状态" labels={FINDING_STATES} />
        <SearchFilter list={list} placeholder="搜索问题" width={200} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无督导发现" testId="finding-table" />
    </>
  );
}
