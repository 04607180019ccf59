import { Card, Tag } from 'antd';
import { Link } from 'react-router';
import { type ReportVerdicts as Verdicts, useReadsSpotChecks, useReportVerdicts } from '../api/spot-checks';
import { VERDICT_COLORS } from './verdict-editor';
import { DetailTable } from '../../../components/detail-table';

type Row = Verdicts['items'][number];

/**
 * 抽查结论 on a report: its recipient sees them once the check is concluded, the office as they are entered.
 * Shown only where the report says its verdicts are visible to the caller (`verdictsVisible`), and not when it was
 * never drawn.
 */
export function ReportVerdicts({ reportId }: { reportId: string }) {
  const { data } = useReportVerdicts(reportId);
  const office = useReadsSpotChecks();
  if (!data || data.items.length === 0) return null;
  return (
    <Card title="抽查核查结论" size="small" style={{ marginBottom: 16 }} data-testid="report-verdicts">
      <DetailTable<Row>
        dataSource={data.items}
        columns={[
          {
            title: '抽查',
            width: 150,
            render: (_, v) =>
              office ? (
                <Link to={`/responsibility/spot-checks/${v.spotCheckId}`}>{v.spotCheckCode}</Link>
              ) : (
                v.spotCheckCode
              ),
          },
          { title: '责任事项', dataIndex: 'content' },
          {
            title: '核查结论',
            width: 100,
            render: (_, v) =>
              v.verdict ? <Tag color={VERDICT_COLORS[v.verdict]}>{v.verdictLabel}</Tag> : v.verdictLabel,
          },
          { title: '核查意见', dataIndex: 'comment' },
          { title: '转为问题', dataIndex: 'problemCode', width: 130, render: (c: string | null) => c ?? '' },
        ]}
      />
    </Card>
  );
}
