import { Button, DatePicker, Form, Input, Tag } from 'antd';
import { ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { dayjs, formatDateTimeSeconds, TIME_ZONE } from '../../../lib/format';
import { type AuditEvent, type AuditQuery, useAuditEvents } from '../api/audit';
import { JsonDiff } from '../components/json-diff';
import { VerifyPanel } from '../components/verify-panel';

interface FilterValues {
  type?: string;
  actor?: string;
  entity?: string;
  range?: [dayjs.Dayjs | null, dayjs.Dayjs | null] | null;
}

type AuditFilters = Omit<AuditQuery, 'page' | 'pageSize'>;
const FILTER_KEYS = ['type', 'actor', 'entity', 'from', 'to'] as const;

export function AuditPage() {
  const list = useListParams<AuditFilters>(FILTER_KEYS);
  const { filters } = list;
  const result = useAuditEvents(list.query);

  const applyFilters = (v: FilterValues) => {
    const [from, to] = v.range ?? [null, null];
    list.update({
      filters: {
        type: v.type?.trim() || undefined,
        actor: v.actor?.trim() || undefined,
        entity: v.entity?.trim() || undefined,
        from: from ? from.tz(TIME_ZONE, true).startOf('day').toISOString() : undefined,
        to: to ? to.tz(TIME_ZONE, true).endOf('day').toISOString() : undefined,
      },
    });
  };
  const initialValues: FilterValues = {
    type: filters.type,
    actor: filters.actor,
    entity: filters.entity,
    range: filters.from && filters.to ? [dayjs(filters.from).tz(TIME_ZONE), dayjs(filters.to).tz(TIME_ZONE)] : null,
  };

  return (
    <>
      <PageHeader
        title="审计日志"
        subTitle="只读；每条记录以 SM3 哈希链接，任何修改或删除都能被发现"
        extra={<VerifyPanel />}
      />
      <Form<FilterValues>
        layout="inline"
        initialValues={initialValues}
        onFinish={applyFilters}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item name="type" label="类型">
          <Input placeholder="如 auth.login" allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="actor" label="操作人">
          <Input placeholder="用户名" allowClear style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="entity" label="对象">
          <Input placeholder="如 unit" allowClear style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
        </Form.Item>
      </Form>
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
          { title: '类型', dataIndex: 'type', render: (v: string) => <Tag>{v}</Tag> },
          { title: '对象', dataIndex: 'entity', width: 120, render: (v: string | null) => v ?? '—' },
          {
            title: '对象 ID',
            dataIndex: 'entityId',
            ellipsis: true,
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
    </>
  );
}
