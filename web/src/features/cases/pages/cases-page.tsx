import { type TableProps, Tag } from 'antd';
import { Link } from 'react-router';
import { CASE_KINDS, CASE_STATES } from '../../../../../common/cases';
import { ChoiceFilter, FilterBar, SearchFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { NewButton } from '../../../components/new-button';
import { articleNo } from '../../../components/warning-facts';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { type CaseFilter, type CaseRow, useCases } from '../api/cases';
import { CaseNav } from '../components/case-nav';

type CaseFilters = Pick<CaseFilter, 'q' | 'state' | 'kind'>;
const FILTER_KEYS = ['q', 'state', 'kind'] as const;

const STATE_COLORS: Record<string, string> = {
  proposed: 'default',
  investigating: 'processing',
  reviewing: 'purple',
  decided: 'orange',
  executed: 'cyan',
  closed: 'success',
};

/** 问责案件: a case officer sees the cases they are on, a commission leader all of the region's. */
export function CasesPage() {
  const canManage = usePermission('cases:manage');
  const list = useListParams<CaseFilters>(FILTER_KEYS);
  const result = useCases(list.query);

  const columns: TableProps<CaseRow>['columns'] = [
    { title: '案件编号', dataIndex: 'code', width: 130, sorter: true },
    {
      title: '案件名称',
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, c) => <Link to={`/cases/${c.id}`}>{v}</Link>,
    },
    { title: '类型', dataIndex: 'kindLabel', width: 150 },
    { title: '决定文号', dataIndex: 'decisionNumber', width: 170, render: (v: string | null) => v ?? '—' },
    {
      title: '问责情形',
      dataIndex: 'situation',
      width: 110,
      render: (n: number, c) => <span title={c.situationText}>{articleNo(n)}</span>,
    },
    { title: '来源', dataIndex: 'sourceLabel', width: 100 },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      render: (s: string, c) => <Tag color={STATE_COLORS[s]}>{c.stateLabel}</Tag>,
    },
    { title: '立项日期', dataIndex: 'createdAt', width: 120, sorter: true, render: (v: string) => formatDate(v) },
  ];

  return (
    <>
      <PageHeader
        title="问责案件"
        subTitle="案件材料仅调查组成员、联审人员和委领导可见"
        extra={
          <>
            <CaseNav />
            <ListExport path="/cases/export.xlsx" list={list} />
            <NewButton to="/cases/new" allowed={canManage}>
              问责立项
            </NewButton>
          </>
        }
      />
      <FilterBar testId="case-filters">
        <SearchFilter list={list} placeholder="案件名称或编号" />
        <ChoiceFilter list={list} name="state" label="状态" labels={CASE_STATES} />
        <ChoiceFilter list={list} name="kind" label="类型" labels={CASE_KINDS} width={180} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无问责案件" unit="件" testId="case-table" />
    </>
  );
}
