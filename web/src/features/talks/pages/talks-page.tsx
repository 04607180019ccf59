import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Input, Select, type TableProps, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { TALK_KINDS, TALK_STATES, type TalkKind, type TalkState } from '../../../../../common/talks';
import { UnitSelect } from '../../../components/entity-selects';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { dayjs, formatDate } from '../../../lib/format';
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
  const navigate = useNavigate();
  const list = useListParams<TalkFilters>(FILTER_KEYS);
  const { filters, update, setFilter } = list;
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
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/talks/new')}>
                安排谈话
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap data-testid="talk-filters">
          <Input.Search
            aria-label="关键词"
            placeholder="编号、事由或记录"
            allowClear
            style={{ width: 220 }}
            defaultValue={filters.q}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
          />
          <Select
            aria-label="谈话类型"
            placeholder="谈话类型"
            allowClear
            style={{ width: 140 }}
            value={filters.kind}
            options={(Object.keys(TALK_KINDS) as TalkKind[]).map((k) => ({ value: k, label: TALK_KINDS[k] }))}
            onChange={(v) => setFilter('kind', v)}
          />
          <UnitSelect
            placeholder="涉及单位"
            style={{ width: 220 }}
            value={filters.unitId ?? null}
            onChange={(v) => setFilter('unitId', (v as string | null) ?? undefined)}
          />
          <DatePicker.RangePicker
            aria-label="谈话日期"
            value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
            onChange={(r) =>
              update({
                filters: { ...filters, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') },
              })
            }
          />
          <Select
            aria-label="状态"
            placeholder="状态"
            allowClear
            style={{ width: 120 }}
            value={filters.state}
            options={(Object.keys(TALK_STATES) as TalkState[]).map((s) => ({ value: s, label: TALK_STATES[s] }))}
            onChange={(v) => setFilter('state', v)}
          />
        </Flex>
      </Card>
      <ListTable<Talk, TalkFilters>
        list={list}
        result={result}
        rowKey="id"
        columns={columns}
        emptyText="暂无谈话记录"
        testId="talk-table"
        scroll={{ x: 1000 }}
      />
    </>
  );
}
