import { FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Statistic, type TableProps, Tooltip } from 'antd';
import { useState } from 'react';
import { PROBLEM_STATES, type ProblemState } from '../../../../../common/problems';
import { DownloadButton } from '../../../components/download-button';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { NewButton } from '../../../components/new-button';
import { PageHeader } from '../../../components/page-header';
import { type ListView, SavedViews } from '../../../components/saved-views';
import { buildUrl } from '../../../lib/api';
import { type Me, useMe, usePermission } from '../../../lib/session';
import { type Problem, type ProblemFilters, useProblemStats, useProblems } from '../api/problems';
import { CommonGroupModal } from '../components/common-group-modal';
import { ImportProblemsModal } from '../components/import-modal';
import { IssueCircularButton } from '../components/issue-circular';
import { LedgerFilters, PROBLEM_FILTER_KEYS } from '../components/ledger-filters';
import { problemColumns } from '../components/problem-columns';
import { COLOR_HEX } from '../components/problem-tags';
import { ProblemsNav } from '../components/problems-nav';

function StatsBar({ filters }: { filters: ProblemFilters }) {
  const { data } = useProblemStats(filters);
  const rows = data?.items ?? [];
  const sum = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).reduce((n, r) => n + r.count, 0);
  const states = (Object.keys(PROBLEM_STATES) as ProblemState[]).filter((s) => sum((r) => r.state === s) > 0);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="problem-stats">
      <Flex gap={32} wrap>
        <Statistic title="问题总数" value={sum(() => true)} />
        {states.map((s) => (
          <Statistic key={s} title={PROBLEM_STATES[s]} value={sum((r) => r.state === s)} />
        ))}
        <Statistic
          title="红色预警"
          value={sum((r) => r.color === 'red')}
          styles={{ content: { color: COLOR_HEX.red } }}
        />
        <Statistic
          title="黄色预警"
          value={sum((r) => r.color === 'yellow')}
          styles={{ content: { color: COLOR_HEX.yellow } }}
        />
        <Statistic
          title="蓝色预警"
          value={sum((r) => r.color === 'blue')}
          styles={{ content: { color: COLOR_HEX.blue } }}
        />
      </Flex>
    </Card>
  );
}

/** The ledger's own views; the first, its default, puts what needs attention first for every role. */
function ledgerViews(me: Me | null | undefined, canManage: boolean): ListView[] {
  const views: ListView[] = [
    { label: '需关注', search: '' },
    { label: '逾期未改', search: 'overdue=true' },
    { label: '红色预警', search: 'color=red' },
  ];
  const unitId = me?.roles.find((r) => r.unitId)?.unitId;
  if (unitId) {
    views.push(
      { label: '本单位待签收', search: `unitId=${unitId}&state=dispatched` },
      { label: '本单位逾期', search: `unitId=${unitId}&overdue=true` },
    );
  }
  if (canManage) {
    views.push(
      { label: '待审核销号', search: 'state=close_requested' },
      { label: '待确认升级', search: 'pending=true' },
    );
  }
  const personId = me?.user.personId;
  if (personId && me?.roles.some((r) => r.role === 'county_leader')) {
    views.push({ label: '我分管的', search: `leaderPersonId=${personId}` });
  }
  views.push({ label: '最新登记', search: 'sort=-createdAt' });
  return views;
}

/**
 * 问题整改台账: server-side paginated, filtered and sorted; by default what needs attention comes first
 * (open before closed, the longest overdue and nearest deadlines first: `sort=attention`).
 */
export function LedgerPage() {
  const canManage = usePermission('problems:manage');
  const { data: me } = useMe();
  const list = useListParams<ProblemFilters>(PROBLEM_FILTER_KEYS, { sort: 'attention' });
  const { filters } = list;
  const result = useProblems(list.query);
  const [selected, setSelected] = useState<string[]>([]);
  const [importOpen, setImportOpen] = useState(false);
  const [groupOpen, setGroupOpen] = useState(false);

  const columns: TableProps<Problem>['columns'] = [
    { ...problemColumns.code, sorter: true },
    { ...problemColumns.title, ellipsis: true },
    { ...problemColumns.unit, ellipsis: true },
    { title: '来源', dataIndex: 'sourceLabel', width: 110 },
    problemColumns.state,
    problemColumns.color,
    { ...problemColumns.deadline, sorter: true },
    problemColumns.flags,
    { title: '分管县领导', dataIndex: 'leaderName', width: 100, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title="问题清单 · 整改台账"
        extra={
          <>
            <ProblemsNav />
            <NewButton to="/problems/new" allowed={canManage}>
              新建问题
            </NewButton>
          </>
        }
      />
      <StatsBar filters={filters} />
      <SavedViews list="problems" presets={ledgerViews(me, canManage)} />
      <LedgerFilters list={list} showDrafts={canManage} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {canManage ? (
          <>
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              批量导入
            </Button>
            <DownloadButton path="/problems/import-template.xlsx">下载模板</DownloadButton>
          </>
        ) : null}
        <ListExport path="/problems/export.xlsx" list={list}>
          导出台账
        </ListExport>
        {canManage ? (
          <>
            <Tooltip title={selected.length ? undefined : '请先勾选要通报的问题'}>
              <Button
                icon={<FileWordOutlined />}
                disabled={!selected.length}
                href={
                  selected.length
                    ? buildUrl('/problems/documents/circular.docx', { ids: selected.join(',') })
                    : undefined
                }
                download
              >
                通报草稿
              </Button>
            </Tooltip>
            <IssueCircularButton ids={selected} />
            <Tooltip title={selected.length >= 2 ? undefined : '请至少勾选两个问题'}>
              <Button disabled={selected.length < 2} onClick={() => setGroupOpen(true)}>
                归入共性问题
              </Button>
            </Tooltip>
            {selected.length ? (
              <span style={{ alignSelf: 'center', color: '#888' }}>已选 {selected.length} 项</span>
            ) : null}
          </>
        ) : null}
      </Flex>
      <ListTable<Problem, ProblemFilters>
        list={list}
        result={result}
        rowKey="id"
        columns={columns}
        testId="problem-table"
        scroll={{ x: 1100 }}
        rowSelection={
          canManage
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                preserveSelectedRowKeys: true,
              }
            : undefined
        }
        onRow={(p) => ({ style: p.color ? { boxShadow: `inset 3px 0 0 ${COLOR_HEX[p.color]}` } : undefined })}
      />
      <ImportProblemsModal open={importOpen} onClose={() => setImportOpen(false)} />
      <CommonGroupModal
        open={groupOpen}
        problemIds={selected}
        onClose={() => setGroupOpen(false)}
        onCreated={() => {
          setGroupOpen(false);
          setSelected([]);
        }}
      />
    </>
  );
}
