import { ArrowLeftOutlined, EditOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { ESCALATION_LEVELS } from '../../../../../common/problems';
import { DetailTable } from '../../../components/detail-table';
import { ExtraDispatchButton } from '../../../components/extra-dispatch-button';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate, formatDateTime } from '../../../lib/format';
import { usePermission } from '../../../lib/session';
import { problemDocumentHref, problemFileHref } from '../api/files';
import { type Measure, type ProblemDetail, useProblem } from '../api/problems';
import { ProblemActionBar } from '../components/action-bar';
import { EventTimeline } from '../components/event-timeline';
import { ColorDot, escalationLabel, ProblemFlags, StateTag } from '../components/problem-tags';
import { WhatIfCard } from '../../../components/what-if-card';
import { ComplaintOfProblem } from '../../../components/complaint-link';
import { ProposalOutcome } from '../../../components/proposal-outcome';

const DEADLINE_TYPES = { date: '指定日期', calendar: '自然日', working: '工作日' } as const;

function deadlineText(m: Measure, dispatched: boolean) {
  const rule =
    m.deadlineType === 'date' ? '' : `${m.deadlineDays}个${m.deadlineType === 'working' ? '工作日' : '自然日'}`;
  if (!dispatched && m.deadlineType !== 'date') return `交办后${rule}`;
  return rule ? `${formatDate(m.deadline)}（${rule}）` : formatDate(m.deadline);
}

function Documents({ problem }: { problem: ProblemDetail }) {
  const docs = [
    { kind: 'notice' as const, label: '整改通知书' },
    { kind: 'reminder' as const, label: '督办提醒函' },
    { kind: 'interview' as const, label: '约谈建议书' },
  ];
  return (
    <Space wrap>
      {docs.map((d) => (
        <Button key={d.kind} icon={<FileWordOutlined />} href={problemDocumentHref(problem.id, d.kind)} download>
          {d.label}
        </Button>
      ))}
    </Space>
  );
}

function closeStageHint(p: ProblemDetail): string | null {
  if (p.state !== 'close_requested') return null;
  return p.closeStage === 'unit_head'
    ? '待单位主要负责人审核'
    : p.closeStage === 'office'
      ? '待纪委监委审核销号'
      : null;
}

/** 问题详情: the four lists, progress, the event timeline, evidence and documents. */
export function ProblemDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const canManage = usePermission('problems:manage');
  const canOpenCase = usePermission('cases:manage');
  const query = useProblem(id);
  const p = query.data;
  if (!p) return <QueryFallback query={query} what="问题" back={{ to: '/problems', label: '返回台账' }} />;
  const dispatched = p.state !== 'draft';
  const stage = closeStageHint(p);

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <span data-testid="problem-code">{p.code}</span>
            <span>{p.title}</span>
          </Space>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(-1)}>
              返回
            </Button>
            <ExtraDispatchButton sourceType="problem" sourceId={p.id} />
            {canOpenCase && dispatched ? (
              <Button
                onClick={() =>
                  void navigate(
                    `/cases/new?${new URLSearchParams({ sourceType: 'problem', sourceId: p.id, title: p.title })}`,
                  )
                }
              >
                问责立项
              </Button>
            ) : null}
            {p.state === 'draft' && canManage ? (
              <Button icon={<EditOutlined />} onClick={() => void navigate(`/problems/${p.id}/edit`)}>
                编辑草稿
              </Button>
            ) : null}
          </>
        }
      />
      <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
        <span data-testid="problem-state">
          <StateTag state={p.state} label={p.stateLabel} />
        </span>
        {stage ? <Tag color="gold">{stage}</Tag> : null}
        <span>
          预警：
          <ColorDot color={p.color} />
        </span>
        <ProblemFlags problem={p} />
        {p.escalationLevel > 0 ? <span>督办级别：{escalationLabel(p.escalationLevel)}</span> : null}
      </Flex>
      {canManage && p.pendingEscalation ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`系统建议升级督办为「${ESCALATION_LEVELS[p.pendingEscalation as 1 | 2 | 3 | 4]}」`}
          description="请确认升级督办，或说明理由不予升级。"
        />
      ) : null}
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 16 }}>
        <ProblemActionBar problem={p} />
        <Documents problem={p} />
      </Flex>

      {p.source === 'complaint' ? <ComplaintOfProblem problemId={p.id} /> : null}
      <ProposalOutcome sourceId={p.id} />
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card size="small" title="问题清单" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label="问题来源">{p.sourceLabel}</Descriptions.Item>
              <Descriptions.Item label="问题类别">{p.category || '—'}</Descriptions.Item>
              <Descriptions.Item label="严重程度">{p.severityLabel}</Descriptions.Item>
              <Descriptions.Item label="问题描述" span={3}>
                <div style={{ whiteSpace: 'pre-wrap' }}>{p.description || '—'}</div>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title="责任清单与时限" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 3 }} size="small">
              <Descriptions.Item label="责任单位">{p.unitName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="责任人">{p.responsibleName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="分管县领导">{p.leaderName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="整改时限">{p.deadline ? formatDate(p.deadline) : '—'}</Descriptions.Item>
              <Descriptions.Item label="交办时间">
                {p.dispatchedAt ? formatDateTime(p.dispatchedAt) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="销号时间">{p.closedAt ? formatDateTime(p.closedAt) : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title="措施清单与整改进展" style={{ marginBottom: 16 }}>
            <DetailTable<Measure>
              dataSource={p.measures}
              data-testid="measure-table"
              columns={[
                { title: '序号', dataIndex: 'seq', width: 60 },
                { title: '整改措施', dataIndex: 'content' },
                {
                  title: '责任人',
                  dataIndex: 'ownerName',
                  width: 90,
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: '时限',
                  key: 'deadline',
                  width: 190,
                  render: (_, m) => <span title={DEADLINE_TYPES[m.deadlineType]}>{deadlineText(m, dispatched)}</span>,
                },
                { title: '进展', dataIndex: 'progress', render: (v: string | null) => v || '—' },
                {
                  title: '状态',
                  key: 'status',
                  width: 90,
                  render: (_, m) =>
                    m.done ? (
                      <Tag color="success">已完成</Tag>
                    ) : m.overdue ? (
                      <Tag color="red">逾期</Tag>
                    ) : (
                      <Tag>整改中</Tag>
                    ),
                },
              ]}
            />
          </Card>
          <Card size="small" title="佐证材料" style={{ marginBottom: 16 }}>
            {p.files.length ? (
              <Flex vertical gap={4} data-testid="problem-files">
                {p.files.map((f) => (
                  <span key={f.id}>
                    <a href={problemFileHref(p.id, f.id)} download>
                      {f.name}
                    </a>
                    <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
                      {(f.size / 1024).toFixed(1)} KB{f.createdAt ? ` · ${formatDateTime(f.createdAt)}` : ''}
                    </Typography.Text>
                  </span>
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">暂无佐证材料</Typography.Text>
            )}
          </Card>
          <WhatIfCard problemId={p.id} state={p.state} />
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title="办理记录">
            <EventTimeline problem={p} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
