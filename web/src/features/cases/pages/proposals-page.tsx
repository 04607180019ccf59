import { type TableProps, Tag } from 'antd';
import { Link } from 'react-router';
import { PROPOSAL_SOURCES, PROPOSAL_STATES, type ProposalState } from '../../../../../common/proposals';
import { ChoiceFilter, FilterBar, SearchFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/format';
import { type Proposal, type ProposalFilters, useProposals } from '../api/proposals';
import { CaseNav } from '../components/case-nav';

const FILTER_KEYS = ['state', 'sourceType', 'q'] as const;
const STATE_COLORS: Record<ProposalState, string> = { pending: 'processing', accepted: 'success', declined: 'default' };

/** 问责建议受理: every source's proposals, waiting for the case office or a commission leader. */
export function ProposalsPage() {
  const list = useListParams<ProposalFilters>(FILTER_KEYS);
  const result = useProposals(list.query);
  const columns: TableProps<Proposal>['columns'] = [
    {
      title: '编号',
      dataIndex: 'code',
      width: 140,
      render: (v: string, p) => <Link to={`/cases/proposals/${p.id}`}>{v}</Link>,
    },
    { title: '来源', dataIndex: 'sourceLabel', width: 170 },
    {
      title: '事由',
      dataIndex: 'sourceTitle',
      ellipsis: true,
      render: (v: string, p) => <Link to={`/cases/proposals/${p.id}`}>{v}</Link>,
    },
    {
      title: '建议问责对象',
      key: 'subjects',
      ellipsis: true,
      render: (_, p) => p.subjects.map((s) => s.name).join('、'),
    },
    { title: '提出时间', dataIndex: 'createdAt', width: 120, sorter: true, render: (v: string) => formatDate(v) },
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      render: (_: string, p) => <Tag color={STATE_COLORS[p.state]}>{p.stateLabel}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader
        title="问责建议受理"
        subTitle="问题整改升级、模拟问责、督导巡查（督+问）、以案促改等提出的问责建议"
        extra={
          <ListExport path="/accountability-proposals/export.xlsx" list={list}>
            导出
          </ListExport>
        }
      />
      <CaseNav />
      <FilterBar testId="proposal-filters">
        <SearchFilter list={list} placeholder="编号、事由或理由" width={220} />
        <ChoiceFilter list={list} name="sourceType" label="来源" labels={PROPOSAL_SOURCES} width={200} />
        <ChoiceFilter list={list} name="state" label="状态" labels={PROPOSAL_STATES} width={120} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无问责建议" testId="proposal-table" />
    </>
  );
}
