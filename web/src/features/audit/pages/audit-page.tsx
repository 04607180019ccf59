import { Tag } from 'antd';
import { DateRangeFilter, FilterBar, SearchFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { formatDateTimeSeconds } from '../../../lib/format';
import { auditTypeLabel, Coded, objectLabel } from '../components/audit-labels';
import { type AuditEvent, type AuditQuery, useAuditEvents } from '../api/audit';
import { JsonDiff } from '../components/json-diff';
import { VerifyPanel } from '../components/verify-panel';

type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize'>;
const FILTER_KEYS = ['type', 'actor', 'entity', 'from', 'to'] as const;

export function AuditPage() {
  const list = useListParams<AuditFilters>(FILTER_KEYS);
  const result = useAuditEvents(list.query);

  return (
    <>
      <PageHeader
        title="审计日志"
        subTitle="只读；每条记录以 SM3 哈希链接，任何修改或删除都能被发现"
        extra={
          <>
            <ListExport path="/audit-events/export.xlsx" list={list} />
            <VerifyPanel />
          </>
        }
      />
      <FilterBar testId="audit-filters">
        <SearchFilter list={list} name="type" label="类型" placeholder="类型代码，如 auth.login" width={180} />
        <SearchFilter list={list} name="actor" label="操作人" placeholder="操作人用户名" width={160} />
        <SearchFilter list={list} name="entity" label="对象" placeholder="对象代码，如 unit" width={160} />
        <DateRangeFilter list={list} label="日期" instant />
      </FilterBar>
      <ListTable<AuditEvent, AuditFilters>
        list={list}
        result={result}
        rowKey="seq"
        size="small"
        emptyText="暂无审计记录"
        expandable={{
          expandedRowRender: (e) => <JsonDiff before={e.before} after={e.after} />,
          rowExpandable: (e) => e.before != null || e.after != null,
        }}
        columns={[
          { title: '序号', dataIndex: 'seq', width: 80 },
          { title: '时间', dataIndex: 'at', width: 170, render: (v: string) => formatDateTimeSeconds(v) },
          { title: '操作人', dataIndex: 'actorUsername', width: 120, render: (v: string | null) => v ?? '系统' },
          { title: 'IP', dataIndex: 'ip', width: 130, render: (v: string | null) => v ?? '—' },
          {
            title: '类型',
            dataIndex: 'type',
            render: (v: string) => (
              <Tag>
                <Coded code={v} text={auditTypeLabel(v)} />
              </Tag>
            ),
          },
          {
            title: '对象',
            dataIndex: 'entity',
            width: 120,
            render: (v: string | null) => <Coded code={v} text={objectLabel(v)} />,
          },
          {
            title: '对象 ID',
            dataIndex: 'entityId',
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
          {
            // 三员分立: business objects show which fields changed, not their content.
            title: '变更字段',
            dataIndex: 'changed',
            ellipsis: true,
            render: (v: string[]) => (v.length ? v.join('、') : '—'),
          },
        ]}
      />
    </>
  );
}
