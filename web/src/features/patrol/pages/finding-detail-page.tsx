import { Card, Descriptions, Flex, Space, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { FINDING_EVENTS } from '../../../../../common/patrol';
import { ExtraDispatchButton } from '../../../components/extra-dispatch-button';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDateTime } from '../../../lib/format';
import { useFinding } from '../api/patrol';
import { FindingActions } from '../components/finding-actions';
import { PatrolNav } from '../components/patrol-nav';
import { StateTag } from '../components/state-tag';
import { ProposalOutcome } from '../../../components/proposal-outcome';

const eventLabel = (t: string) =>
  t === 'merged_in' ? '并入重复发现' : (FINDING_EVENTS[t as keyof typeof FINDING_EVENTS] ?? t);

export function FindingDetailPage() {
  const { id } = useParams();
  const query = useFinding(id);
  const f = query.data;
  if (!f) return <QueryFallback query={query} what="督导发现" />;
  return (
    <>
      <PageHeader
        title={f.title}
        subTitle={`${f.code} · ${f.groupName} · ${f.reportedByName}`}
        extra={
          <Space wrap>
            <ExtraDispatchButton sourceType="finding" sourceId={f.id} />
            <FindingActions finding={f} />
          </Space>
        }
      />
      <Flex style={{ marginBottom: 16 }}>
        <PatrolNav />
      </Flex>
      <ProposalOutcome sourceId={f.id} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态">
          <StateTag state={f.state} label={f.stateLabel} testId="finding-state" />
        </Descriptions.Item>
        <Descriptions.Item label="责任单位">{f.unitName}</Descriptions.Item>
        <Descriptions.Item label="严重程度">{f.severityLabel}</Descriptions.Item>
        <Descriptions.Item label="问题类别">{f.category || '—'}</Descriptions.Item>
        <Descriptions.Item label="问题详情" span={2}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{f.description}</Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="整改建议" span={2}>
          {f.suggestion || '—'}
        </Descriptions.Item>
        {f.escalatedToLabel ? <Descriptions.Item label="上报对象">{f.escalatedToLabel}</Descriptions.Item> : null}
        {f.instruction ? (
          <Descriptions.Item label="批示">
            {f.instructedBy}：{f.instruction}
          </Descriptions.Item>
        ) : null}
        {f.closeReason ? <Descriptions.Item label="办结理由">{f.closeReason}</Descriptions.Item> : null}
        {f.mergedInto ? (
          <Descriptions.Item label="已合并到">
            <Link to={`/supervision/findings/${f.mergedInto.id}`}>
              {f.mergedInto.code} {f.mergedInto.title}
            </Link>
          </Descriptions.Item>
        ) : null}
        {f.problems.length ? (
          <Descriptions.Item label="交办问题" span={2}>
            <Flex gap={8} wrap data-testid="finding-problems">
              {f.problems.map((p) => (
                <Link key={p.id} to={`/problems/${p.id}`}>
                  {p.code}（{p.stateLabel}）
                </Link>
              ))}
            </Flex>
          </Descriptions.Item>
        ) : null}
        {f.duplicates?.length ? (
          <Descriptions.Item label="合并的重复发现" span={2}>
            {f.duplicates.map((d) => `${d.code} ${d.title}`).join('；')}
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Card title="办理过程" size="small">
        <Timeline
          items={[
            { content: `${formatDateTime(f.createdAt)} ${f.reportedByName} 报送` },
            ...(f.events ?? []).map((e) => ({
              content: `${formatDateTime(e.at)} ${e.actorName} ${eventLabel(e.type)}${e.comment ? `：${e.comment}` : ''}`,
            })),
          ]}
        />
      </Card>
    </>
  );
}
