import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, type TableProps, Tag } from 'antd';
import { Link, useNavigate } from 'react-router';
import { TOLERANCE_STATES, type ToleranceState } from '../../../../../common/tolerance';
import { UnitSelect } from '../../../components/entity-selects';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
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
  const navigate = useNavigate();
  const list = useListParams<FilingFilters>(FILTER_KEYS);
  const { filters, setFilter } = list;
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
            {canFile ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/tolerance-filings/new')}>
                新建备案
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap data-testid="filing-filters">
          <Input.Search
            aria-label="关键词"
            placeholder="编号、事项或决策内容"
            allowClear
            style={{ width: 260 }}
            defaultValue={filters.q}
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
          />
          <UnitSelect
            placeholder="备案单位"
            style={{ width: 240 }}
            value={filters.unitId ?? null}
            onChange={(v) => setFilter('unitId', (v as string | null) ?? undefined)}
          />
          <Select
            aria-label="状态"
            placeholder="状态"
            allowClear
            style={{ width: 140 }}
            value={filters.state}
            options={(Object.keys(TOLERANCE_STATES) as ToleranceState[]).map((s) => ({
              value: s,
              label: TOLERANCE_STATES[s],
            }))}
            onChange={(v) => setFilter('state', v)}
          />
        </Flex>
      </Card>
      <ListTable<Filing, FilingFilters>
        list={list}
        result={result}
        rowKey="id"
        columns={columns}
        emptyText="暂无备案"
        testId="filing-table"
        scroll={{ x: 1000 }}
      />
    </>
  );
}
