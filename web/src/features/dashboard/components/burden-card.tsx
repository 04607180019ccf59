import { Card, Table, Typography } from 'antd';
import { BURDEN_KINDS, type BurdenKind } from '../../../../../common/dashboard';
import { type BurdenUnit, useBurden } from '../api/burden';
import { DownloadButton } from '../../../components/download-button';
import type { DashboardQuery } from '../api/query';
import { formatDateRange } from '../../../lib/format';

const kinds = (demand: 'item' | 'report') =>
  (Object.keys(BURDEN_KINDS) as BurdenKind[]).filter((k) => BURDEN_KINDS[k].demand === demand);
const detail = (u: BurdenUnit, demand: 'item' | 'report') =>
  kinds(demand)
    .map((k) => `${BURDEN_KINDS[k].label} ${u.byKind[k] ?? 0}`)
    .join('，');

/**
 * 基层负担（减负）: what the system asked of each unit in the quarter — items to handle, reports to file, messages —
 * and how many records its quarterly reports reused instead of asking again. Heaviest first.
 */
export function BurdenCard({ query }: { query: DashboardQuery }) {
  const { data } = useBurden(query);
  if (!data) return null;
  const r = data.region;
  return (
    <Card
      size="small"
      title="基层负担（减负）"
      extra={
        <DownloadButton path="/dashboard/burden.xlsx" query={{ ...query }}>
          导出（.xlsx）
        </DownloadButton>
      }
      style={{ marginBottom: 16 }}
      data-testid="burden"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {formatDateRange(data.from, data.to)}，全区域：待办事项 {r.items} 件，报送 {r.reports} 次，消息 {r.messages}{' '}
        条；季度报告复用履责纪实 {r.reused} 条，无需重复填写。
      </Typography.Paragraph>
      <Table<BurdenUnit>
        size="small"
        rowKey="unitId"
        dataSource={data.units}
        pagination={data.units.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: '本期没有向各单位提出要求' }}
        scroll={{ x: 900 }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 180, ellipsis: true },
          { title: '待办事项', dataIndex: 'items', width: 90, align: 'right' },
          { title: '其中', key: 'itemDetail', render: (_, u) => detail(u, 'item') },
          { title: '报送', dataIndex: 'reports', width: 70, align: 'right' },
          { title: '其中', key: 'reportDetail', render: (_, u) => detail(u, 'report') },
          { title: '消息', dataIndex: 'messages', width: 70, align: 'right' },
          { title: '复用', dataIndex: 'reused', width: 70, align: 'right' },
        ]}
      />
    </Card>
  );
}
