import { Alert, Card, Flex, Table, Tag, Typography } from 'antd';
import type { Overreach, OverreachUnit } from '../api/overreach';
import { useOverreach } from '../api/overreach';
import { DownloadButton } from '../../../components/download-button';
import type { DashboardQuery } from '../api/query';
import { formatDateRange } from '../../../lib/format';

const share = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');
const forms = (f: number[]) => f.join(' / ');

function RegionLine({ data }: { data: Overreach }) {
  const r = data.region;
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
      全区域 {formatDateRange(data.from, data.to)}：问责 {r.cases} 人次，兜底条款 {share(r.casesCatchAll, r.cases)}
      ；提醒函 {r.warnings} 份，兜底条款 {share(r.warningsCatchAll, r.warnings)}；谈话 {r.talks}{' '}
      人次；四种形态（一/二/三/四）
      {forms(r.forms)}。
    </Typography.Paragraph>
  );
}

/**
 * 问责泛化监测: how much each unit's accountability rests on the catch-all 第七条第（十一）项, its mix of the 四种形态
 * and its volume, against the region; units out of line come first with the reason in words.
 */
export function OverreachCard({ query }: { query: DashboardQuery }) {
  const { data } = useOverreach(query);
  if (!data) return null;
  const flagged = data.units.filter((u) => u.flags.length).length;
  return (
    <Card
      size="small"
      title="问责泛化监测"
      extra={
        <DownloadButton path="/dashboard/overreach.xlsx" query={{ ...query }}>
          导出（.xlsx）
        </DownloadButton>
      }
      style={{ marginBottom: 16 }}
      data-testid="overreach"
    >
      <RegionLine data={data} />
      {flagged ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`${flagged}个单位与全区域明显不一致，请关注`}
        />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 8 }} title="各单位与全区域基本一致" />
      )}
      <Table<OverreachUnit>
        size="small"
        rowKey="unitId"
        dataSource={data.units}
        pagination={data.units.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: '本期没有问责、提醒函或谈话' }}
        scroll={{ x: 900 }}
        columns={[
          { title: '单位', dataIndex: 'unitName', width: 180, ellipsis: true },
          { title: '问责（人次）', dataIndex: 'cases', width: 100, align: 'right' },
          { title: '兜底条款', width: 90, align: 'right', render: (_, u) => share(u.casesCatchAll, u.cases) },
          { title: '提醒函', dataIndex: 'warnings', width: 80, align: 'right' },
          { title: '兜底条款', width: 90, align: 'right', render: (_, u) => share(u.warningsCatchAll, u.warnings) },
          { title: '谈话', dataIndex: 'talks', width: 70, align: 'right' },
          { title: '四种形态 一/二/三/四', width: 150, render: (_, u) => forms(u.forms) },
          {
            title: '提示',
            render: (_, u) =>
              u.flags.length ? (
                <Flex vertical gap={4}>
                  {u.flags.map((f) => (
                    <Tag key={f} color="orange" style={{ whiteSpace: 'normal' }}>
                      {f}
                    </Tag>
                  ))}
                </Flex>
              ) : (
                <Typography.Text type="secondary">与全区域一致</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
