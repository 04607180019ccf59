import { Card, Descriptions, Space, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { PROBLEM_STATES, type ProblemState } from '../../../../../common/problems';
import { DetailTable } from '../../../components/detail-table';
import { ProposalOutcome } from '../../../components/proposal-outcome';
import { QueryFallback } from '../../../components/query-fallback';
import { DownloadButton } from '../../../components/download-button';
import { EventLogCard } from '../../../components/event-log-card';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/format';
import { type ComplaintDetail, useComplaint } from '../api/complaints';
import { ComplaintActions } from '../components/complaint-actions';

const CLOCK_TAGS: Record<string, [string, string]> = {
  open: ['processing', '计时中'],
  warn: ['warning', '即将到期'],
  overdue: ['error', '已超期'],
  done: ['success', '按时完成'],
  late: ['error', '逾期完成'],
};

function Clocks({ c }: { c: ComplaintDetail }) {
  if (c.clocks.length === 0) return null;
  return (
    <Card size="small" title="办理时限（工作日）">
      <DetailTable
        rowKey="key"
        dataSource={c.clocks}
        data-testid="complaint-clocks"
        columns={[
          { title: '事项', dataIndex: 'label' },
          { title: '期限', dataIndex: 'due', width: 130, render: (v: string | null) => formatDate(v) },
          { title: '完成日期', dataIndex: 'doneOn', width: 130, render: (v: string | null) => formatDate(v) },
          {
            title: '状态',
            dataIndex: 'status',
            width: 100,
            render: (s: string) => <Tag color={CLOCK_TAGS[s]?.[0]}>{CLOCK_TAGS[s]?.[1]}</Tag>,
          },
          { title: '依据', dataIndex: 'source', ellipsis: true },
        ]}
      />
    </Card>
  );
}

/** A complaint: the report (decrypted; the real-name filer's identity read is audited), clocks, actions, timeline. */
export function ComplaintDetailPage() {
  const { id } = useParams();
  const query = useComplaint(id);
  const c = query.data;
  if (!c) return <QueryFallback query={query} what="信访举报件" />;
  return (
    <>
      <PageHeader
        title={`信访举报 ${c.code}`}
        subTitle={`${c.channelLabel} · ${c.stateLabel}${c.overdue ? ' · 超期' : ''}`}
        extra={<ComplaintActions c={c} />}
      />
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        <Card size="small" title="反映内容">
          <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="complaint-detail">
            <Descriptions.Item label="举报人">
              {c.filer ? `${c.filer.name}（${c.filer.phone}）` : '匿名'}
            </Descriptions.Item>
            <Descriptions.Item label="类型">{c.kindLabel}</Descriptions.Item>
            <Descriptions.Item label="被反映人">
              {c.subjectName} {c.subjectPost}
            </Descriptions.Item>
            <Descriptions.Item label="被反映单位">{c.subjectUnitName}</Descriptions.Item>
            <Descriptions.Item label="收件日期">{formatDate(c.receivedOn)}</Descriptions.Item>
            <Descriptions.Item label="来源编号">{c.sourceRef || '—'}</Descriptions.Item>
            <Descriptions.Item label="发生时间">{c.happenedAt || '—'}</Descriptions.Item>
            <Descriptions.Item label="发生地点">{c.place || '—'}</Descriptions.Item>
            <Descriptions.Item label="主要问题" span={2}>
              <div style={{ whiteSpace: 'pre-wrap' }}>{c.content}</div>
            </Descriptions.Item>
            <Descriptions.Item label="承办人（首问负责）">{c.ownerName || '待接收'}</Descriptions.Item>
            <Descriptions.Item label="办结期限">{formatDate(c.completionDue)}</Descriptions.Item>
            {c.wayLabel && (
              <Descriptions.Item label="处置方式">
                {c.wayLabel}（{c.approver} 批准，{formatDate(c.decidedOn)}）
              </Descriptions.Item>
            )}
            {c.result && <Descriptions.Item label="办理结果">{c.result}</Descriptions.Item>}
            {c.answer && <Descriptions.Item label="答复">{c.answer}</Descriptions.Item>}
            {c.problem && (
              <Descriptions.Item label="交办问题">
                <Link to={`/problems/${c.problem.id}`}>{c.problem.code}</Link>（
                {PROBLEM_STATES[c.problem.state as ProblemState] ?? c.problem.state}）
              </Descriptions.Item>
            )}
            {c.repeats.length > 0 && (
              <Descriptions.Item label="重复件">{c.repeats.map((r) => r.code).join('、')}</Descriptions.Item>
            )}
          </Descriptions>
          {c.files.length > 0 && (
            <Space wrap style={{ marginTop: 8 }}>
              {c.files.map((f) => (
                <DownloadButton key={f.id} path={`/complaints/${c.id}/files/${f.id}`}>
                  {f.name}
                </DownloadButton>
              ))}
            </Space>
          )}
        </Card>
        <ProposalOutcome sourceId={c.id} />
        <Clocks c={c} />
        <EventLogCard events={c.events} />
      </Space>
    </>
  );
}
