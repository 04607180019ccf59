import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { type PreviewRow, useRulePreview } from '../api/situations';
import { isInvalidJson } from './rule-editor';
import { factValue, fieldLabel } from '../../../components/warning-facts';
import { useUnitNames } from './warning-display';

/** 预览: which open problems the rule as edited fires on today (nothing is saved or generated). */
export function SituationPreview({ rule }: { rule: unknown }) {
  const preview = useRulePreview();
  const { data } = preview;
  const unitNames = useUnitNames();
  return (
    <Flex vertical gap={8} data-testid="situation-preview">
      <Flex gap={12} align="center" wrap>
        <Button
          icon={<EyeOutlined />}
          loading={preview.isPending}
          disabled={!rule || isInvalidJson(rule)}
          onClick={() => preview.mutate(rule)}
        >
          预览
        </Button>
        <Typography.Text type="secondary">
          按当前编辑的规则（无需先保存），查看今天会触发的问题；不生成预警。
        </Typography.Text>
      </Flex>
      {preview.error ? <Alert type="error" showIcon title={preview.error.message} /> : null}
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
