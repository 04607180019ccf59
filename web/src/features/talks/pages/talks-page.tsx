import { type TableProps, Tag } from 'antd';
import { Link } from 'react-router';
import { TALK_KINDS, TALK_STATES, type TalkState } from '../../../../../common/talks';
import { ChoiceFilter, DateRangeFilter, FilterBar, SearchFilter, UnitFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { NewButton } from '../../../components/new-button';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { type Talk, type TalkFilters, useTalks } from '../api/talks';

const FILTER_KEYS = ['kind', 'state', 'unitId', 'from', 'to', 'q'] as const;
const STATE_COLORS: Record<TalkState, string> = { planned: 'processing', recorded: 'gold', closed: 'success' };

export const subjectsOf = (t: Talk) =>
  [
    ...t.subjects.map((p) => `${p.name}（${p.unitName}${p.post}）`),
    t.subjectUnitName ? `${t.subjectUnitName}领导班子` : '',
  ]
    .filter(Boolean)
    .join('、');

/** 谈话管理: server-side filtered and paginated. */
export function TalksPage() {
  const canManage = usePermission('talks:manage');
  const list = useListParams<TalkFilters>(FILTER_KEYS);
  const result = useTalks(list.query);

  const columns: TableProps<Talk>['columns'] = [
    { title: '编号', dataIndex: 'code', width: 120, render: (v: string, t) => <Link to={`/talks/${t.id}`}>{v}</Link> },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 110,
      render: (_: string, t) => <Tag color={t.kind === 'admonition' ? 'red' : 'blue'}>{t.kindLabel}</Tag>,
    },
    { title: '谈话对象', key: 'subjects', ellipsis: true, render: (_, t) => subjectsOf(t) },
    {
      title: '事由',
      dataIndex: 'reason',
      ellipsis: true,
      render: (v: string, t) => <Link to={`/talks/${t.id}`}>{v}</Link>,
    },
    { title: '谈话日期', dataIndex: 'talkOn', width: 130, sorter: true, render: (v: string) => formatDate(v) },
    {
      title: '整改跟踪',
      key: 'followUp',
      width: 130,
      render: (_, t) =>
        !t.followUpRequired ? (
          '—'
        ) : t.followUpDone ? (
          <Tag color="success">已落实</Tag>
        ) : t.followUpOverdue ? (
          <Tag color="error">逾期未落实</Tag>
        ) : (
          <Tag>跟踪中</Tag>
        ),
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 100,
      render: (_: string, t) => <Tag color={STATE_COLORS[t.state]}>{t.stateLabel}</Tag>,
    },
  ];

  return (
    <>
      <PageHeader
        title="谈话管理"
        subTitle="廉政谈话、任职谈话、提醒谈话、警示谈话、诫勉谈话和约谈"
        extra={
          <>
            <ListExport path="/talks/export.xlsx" list={list}>
              导出
            </ListExport>
            <NewButton to="/talks/new" allowed={canManage}>
              安排谈话
            </NewButton>
          </>
        }
      />
      <FilterBar testId="talk-filters">
        <SearchFilter list={list} placeholder="编号、事由或记录" width={220} />
        <ChoiceFilter list={list} name="kind" label="谈话类型" labels={TALK_KINDS} />
        <UnitFilter list={list} placeholder="涉及单位" width={220} />
        <DateRangeFilter list={list} label="谈话日期" />
        <ChoiceFilter list={list} name="state" label="状态" labels={TALK_STATES} width={120} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无谈话记录" testId="talk-table" />
    </>
  );
}
