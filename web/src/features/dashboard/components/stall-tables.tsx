import { Card, Col, Row, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { STALL_LINK_PERMISSION } from '../../../../../common/dashboard';
import { hasPermission, useMe } from '../../../lib/session';
import type { DashboardQuery } from '../api/query';
import { type Stalls, useLeaderStalls } from '../api/stalls';

const days = (n: number) => `${n.toFixed(1)} 天`;

/** A row of a link's table, by unit or by 分管县领导. */
interface StallLine {
  key: string;
  name: string;
  units?: number;
  count: number;
  medianDays: number;
  p90Days: number;
  stuck: number;
  path: string;
}
type LinkRows = Omit<Stalls['links'][number], 'rows'> & { rows: StallLine[] };

/**
 * One card per link of the chain, its rows by unit (the default) or by the county leader in charge of the units;
 * a click on a row opens the list behind it when the caller may read that list.
 */
export function StallTables({ stalls, query }: { stalls: Stalls; query: DashboardQuery }) {
  const [by, setBy] = useState<'unit' | 'leader'>('unit');
  const leaders = useLeaderStalls(query, by === 'leader');
  const { data: me } = useMe();
  const navigate = useNavigate();
  const links: LinkRows[] =
    by === 'unit'
      ? stalls.links.map((l) => ({
          ...l,
          rows: l.rows.map(({ unitId, unitName, ...r }) => ({ ...r, key: unitId, name: unitName })),
        }))
      : (leaders.data?.links ?? []).map((l) => ({
          ...l,
          rows: l.rows.map(({ leaderPersonId, leaderName, ...r }) => ({ ...r, key: leaderPersonId, name: leaderName })),
        }));
  const mayOpen = (link: LinkRows) => hasPermission(me, STALL_LINK_PERMISSION[link.link]);
  return (
    <>
      <Segmented
        aria-label="梗阻点分组"
        style={{ marginBottom: 12 }}
        value={by}
        onChange={(v) => setBy(v as 'unit' | 'leader')}
        options={[
          { value: 'unit', label: '按单位' },
          { value: 'leader', label: '按分管县领导' },
        ]}
      />
      <Row gutter={[16, 16]}>
        {links.map((link) => (
          <Col key={link.link} xs={24} xl={12}>
            <Card
              size="small"
              title={
                <span>
                  {link.label} <Tag>{link.chain}</Tag>
                </span>
              }
              extra={<Typography.Text type="secondary">时限：{link.limit}</Typography.Text>}
              data-testid={`stalls-${link.link}`}
            >
              <Table<StallLine>
                size="small"
                rowKey="key"
                loading={by === 'leader' && leaders.isFetching}
                pagination={link.rows.length > 8 ? { pageSize: 8, size: 'small' } : false}
                dataSource={link.rows}
                locale={{ emptyText: '本期无事项进入此环节' }}
                onRow={(row) => ({
                  onClick: () => {
                    if (mayOpen(link)) void navigate(row.path);
                  },
                  style: mayOpen(link) ? { cursor: 'pointer' } : undefined,
                })}
                columns={[
                  { title: by === 'unit' ? '单位' : '分管县领导', dataIndex: 'name', ellipsis: true },
                  ...(by === 'leader'
                    ? [{ title: '单位数', dataIndex: 'units', width: 72, align: 'right' as const }]
                    : []),
                  { title: '事项数', dataIndex: 'count', width: 72, align: 'right' },
                  { title: '中位用时', dataIndex: 'medianDays', width: 96, align: 'right', render: days },
                  { title: 'P90 用时', dataIndex: 'p90Days', width: 96, align: 'right', render: days },
                  {
                    title: '超期滞留',
                    dataIndex: 'stuck',
                    width: 80,
                    align: 'right',
                    render: (n: number) =>
                      n ? (
                        <Typography.Text type="danger" strong>
                          {n}
                        </Typography.Text>
                      ) : (
                        0
                      ),
                  },
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}
