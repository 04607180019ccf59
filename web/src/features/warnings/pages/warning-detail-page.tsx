import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Timeline, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { WARNING_EVENTS, WARNING_STATES } from '../../../../../common/warnings';
import { DownloadButton } from '../../../components/download-button';
import { ExtraDispatchButton } from '../../../components/extra-dispatch-button';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { usePermission } from '../../../lib/session';
import { formatDate, formatDateTime } from '../../../lib/format';
import { reminderDocPath, useWarning, type WarningDetail } from '../api/warnings';
import { WarningActions } from '../components/warning-actions';
import { articleLabel, FactsTable, FormsTags } from '../../../components/warning-facts';
import { PeopleTable, UnitName, WarningStateTag } from '../components/warning-display';
import { ProposalOutcome } from '../../../components/proposal-outcome';

const label = (o: Record<string, string>, k: string | null) => (k ? (o[k] ?? k) : '');

function WarningTimeline({ warning }: { warning: WarningDetail }) {
  const events = [...warning.events].sort((a, b) => (a.at < b.at ? 1 : -1));
  return (
    <Timeline
      data-testid="warning-timeline"
      items={events.map((e, i) => ({
        key: e.id ?? String(i),
        color: e.toState === 'resolved' ? 'green' : e.type === 'escalate' ? 'red' : 'blue',
        content: (
          <>
            <div>
              <Typography.Text strong>{label(WARNING_EVENTS, e.type)}</Typography.Text>
              {e.fromState && e.toState && e.fromState !== e.toState ? (
                <Typography.Text type="secondary">
                  （{label(WARNING_STATES, e.fromState)} → {label(WARNING_STATES, e.toState)}）
                </Typography.Text>
              ) : null}
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {e.actorName ?? '系统'} · {formatDateTime(e.at)}
            </Typography.Text>
            {e.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div> : null}
            {e.payload?.outcome ? <div>{e.payload.outcome}</div> : null}
          </>
        ),
      }))}
    />
  );
}

/** 模拟问责单详情: facts, the provisions, who would answer and how, the flow. */
export function WarningDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const query = useWarning(id);
  const w = query.data;
  const canOpenCase = usePermission('cases:manage');
  if (!w) return <QueryFallback query={query} what="模拟问责单" back={{ to: '/warnings', label: '返回列表' }} />;

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="warning-code">{w.code}</span>
            <span>{w.situationName}</span>
          </Space>
        }
        subTitle="模拟问责不是问责，是事前预警：请责任单位限期整改，化解风险。"
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
              返回
            </Button>
            <ExtraDispatchButton sourceType="warning" sourceId={w.id} />
            {canOpenCase ? (
              <Button
                onClick={() =>
                  void navigate(
                    `/cases/new?${new URLSearchParams({ sourceType: 'warning', sourceId: w.id, title: w.situationName })}`,
                  )
                }
              >
                问责立项
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <span data-testid="warning-state">
          <WarningStateTag state={w.state} label={w.stateLabel} />
        </span>
        <span>
          整改时限：<Typography.Text strong>{formatDate(w.deadline)}</Typography.Text>
        </span>
      </Flex>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <WarningActions warning={w} />
        <DownloadButton path={reminderDocPath(w.id)}>下载提醒函</DownloadButton>
      </Flex>
      {w.outcome ? (
        <Alert
          type={w.state === 'resolved' ? 'success' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          title={`办理结果：${w.outcome}`}
          data-testid="warning-outcome"
        />
      ) : null}
      <ProposalOutcome sourceId={w.id} />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small" title="问责情形与依据" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="问责情形" span={2}>
                {w.situationName}
              </Descriptions.Item>
              <Descriptions.Item label="问责条例依据" span={2}>
                {articleLabel(w.article)}
              </Descriptions.Item>
              <Descriptions.Item label="可能的问责方式" span={2}>
                <FormsTags forms={w.forms} />
              </Descriptions.Item>
              <Descriptions.Item label="责任单位">
                <UnitName id={w.unitId} />
              </Descriptions.Item>
              <Descriptions.Item label="关联问题">
                <Link to={`/problems/${w.problemId}`}>查看问题</Link>
              </Descriptions.Item>
              <Descriptions.Item label="发现时间">{formatDateTime(w.firstSeenAt)}</Descriptions.Item>
              <Descriptions.Item label="提醒函发出">{w.issuedAt ? formatDateTime(w.issuedAt) : '—'}</Descriptions.Item>
              <Descriptions.Item label="整改时限">{formatDate(w.deadline)}</Descriptions.Item>
              <Descriptions.Item label="办结时间">{w.closedAt ? formatDateTime(w.closedAt) : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={`触发事实（截至 ${formatDateTime(w.lastSeenAt)}）`} style={{ marginBottom: 16 }}>
            <FactsTable facts={w.facts} testId="warning-facts" />
          </Card>
          {w.currentFacts !== undefined && (
            <Card size="small" title="今日事实" style={{ marginBottom: 16 }}>
              {w.currentFacts ? (
                <FactsTable facts={w.currentFacts} testId="warning-current-facts" />
              ) : (
                <Alert type="success" showIcon title="今日已不再触发该情形，下次研判时将自动化解" />
              )}
            </Card>
          )}
          <Card size="small" title="可能被问责人员" style={{ marginBottom: 16 }}>
            <PeopleTable people={w.people} testId="warning-people" />
          </Card>
          <Card size="small" title="单位整改方案" style={{ marginBottom: 16 }}>
            {w.answer ? (
              <div style={{ whiteSpace: 'pre-wrap' }} data-testid="warning-answer">
                {w.answer}
              </div>
            ) : (
              <Typography.Text type="secondary">
                {w.state === 'issued' ? '待责任单位报送整改方案' : '暂无'}
              </Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title="办理记录">
            <WarningTimeline warning={w} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
