import { EyeOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { type PreviewRow, useSituationPreview } from '../api/situations';
import { factValue, fieldLabel, useUnitNames } from './warning-display';

/** 预览: which open problems the saved rule fires on today. */
export function SituationPreview({ id, version }: { id: string; version: number }) {
  const [on, setOn] = useState(false);
  const { data, isFetching, refetch } = useSituationPreview(id, version, on);
  const unitNames = useUnitNames();
  return (
    <Flex vertical gap={8} data-testid="situation-preview">
      <Flex gap={12} align="center" wrap>
        <Button icon={<EyeOutlined />} loading={isFetching} onClick={() => (on ? void refetch() : setOn(true))}>
          预览
        </Button>
        <Typography.Text type="secondary">
          按已保存的规则，查看当前会触发的问题（不生成预警）；修改规则后请先保存。
        </Typography.Text>
      </Flex>
      {data ? (
        <>
          <Typography.Text strong data-testid="preview-total">
            当前将触发 {data.total} 个问题{data.total > data.items.length ? `，以下为前 ${data.items.length} 个` : ''}
          </Typography.Text>
          <Table<PreviewRow>
            rowKey="problem_id"
            size="small"
            dataSource={data.items}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[
              {
                title: '问题',
                dataIndex: 'code',
                width: 260,
                render: (v: string, r) => (
                  <Link to={`/problems/${r.problem_id}`}>
                    {v} {r.title}
                  </Link>
                ),
              },
              { title: '责任单位', dataIndex: 'unit_id', width: 180, render: (u: string) => unitNames.get(u) ?? '—' },
              {
                title: '触发事实',
                dataIndex: 'facts',
                render: (f: PreviewRow['facts']) =>
                  Object.entries(f ?? {})
                    .map(([k, v]) => `${fieldLabel(k)}：${factValue(k, v)}`)
                    .join('；'),
              },
            ]}
          />
        </>
      ) : null}
    </Flex>
  );
}
