import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Segmented,
  Space,
  type TableProps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DetailTable } from '../../../components/detail-table';
import { DownloadButton } from '../../../components/download-button';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate, formatDateTime } from '../../../lib/format';
import {
  DECISION_KINDS,
  ITEM_KINDS,
  type MeetingDetail,
  type MeetingItem,
  minutesDocPath,
  useMeeting,
} from '../api/meetings';
import { DecideModal } from '../components/decide-modal';
import { MeetingActions } from '../components/meeting-actions';
import { ItemKindTag, MeetingStateTag, PersonName } from '../components/meeting-display';

function ItemSubject({ item }: { item: MeetingItem }) {
  return (
    <>
      <div>
        <Typography.Text strong>{item.title}</Typography.Text>
      </div>
      {item.description ? (
        <div>
          <Typography.Text type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
            {item.description}
          </Typography.Text>
        </div>
      ) : null}
      <Space size={12} wrap>
        {item.warningId ? <Link to={`/warnings/${item.warningId}`}>查看模拟问责单</Link> : null}
        {item.problemId ? <Link to={`/problems/${item.problemId}`}>查看问题</Link> : null}
      </Space>
    </>
  );
}

/** What the meeting decided on an item, and where the decision went (warning, problem). */
function Decision({ item }: { item: MeetingItem }) {
  if (!item.decisionKind) return <Tag>待决定</Tag>;
  return (
    <div data-testid="item-decision">
      <Tag color="green">{DECISION_KINDS[item.decisionKind] ?? item.decisionKind}</Tag>
      {item.decision ? <div style={{ whiteSpace: 'pre-wrap' }}>{item.decision}</div> : null}
      {item.decisionKind === 'lead_unit' ? <div>牵头单位：{item.leadUnitName ?? '—'}</div> : null}
      {item.decisionKind === 'new_problem' ? (
        <div>
          责任单位：{item.leadUnitName ?? '—'}
          ；责任人：
          <PersonName id={item.ownerPersonId} />
          ；时限：{item.deadline ? formatDate(item.deadline) : '—'}
        </div>
      ) : null}
      <Space size={12} wrap>
        {item.resultProblemId ? <Link to={`/problems/${item.resultProblemId}`}>查看交办事项</Link> : null}
        {item.warningId && (item.decisionKind === 'issue_warning' || item.decisionKind === 'dismiss_warning') ? (
          <Link to={`/warnings/${item.warningId}`}>查看模拟问责单</Link>
        ) : null}
      </Space>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {item.decidedBy ?? ''} · {formatDateTime(item.decidedAt)}
      </Typography.Text>
    </div>
  );
}

function Agenda({ meeting }: { meeting: MeetingDetail }) {
  const [deciding, setDeciding] = useState<MeetingItem | null>(null);
  const [show, setShow] = useState<'all' | 'open' | 'decided'>('all');
  const canDecide = meeting.actions.includes('decide');
  const rows = meeting.items.filter((i) =>
    show === 'all' ? true : show === 'open' ? !i.decisionKind : !!i.decisionKind,
  );
  const decided = meeting.items.filter((i) => i.decisionKind).length;
  const columns: TableProps<MeetingItem>['columns'] = [
    { title: '序号', dataIndex: 'seq', width: 64 },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 120,
      render: (_: string, i) => <ItemKindTag kind={i.kind} label={ITEM_KINDS[i.kind] ?? i.kind} />,
    },
    { title: '议题', key: 'subject', render: (_, i) => <ItemSubject item={i} /> },
    { title: '会议决定', key: 'decision', width: 360, render: (_, i) => <Decision item={i} /> },
    ...(canDecide
      ? [
          {
            title: '操作',
            key: 'ops',
            width: 90,
            render: (_: unknown, i: MeetingItem) =>
              i.decisionKind ? null : (
                <Button size="small" type="primary" onClick={() => setDeciding(i)}>
                  决定
                </Button>
              ),
          },
        ]
      : []),
  ];
  return (
    <Card
      title={`会议议程（${meeting.items.length} 项）`}
      size="small"
      extra={
        <Segmented
          size="small"
          value={show}
          onChange={(v) => setShow(v as typeof show)}
          options={[
            { value: 'all', label: '全部' },
            { value: 'open', label: `待决定 ${meeting.items.length - decided}` },
            { value: 'decided', label: `已决定 ${decided}` },
          ]}
        />
      }
    >
      <DetailTable<MeetingItem>
        size="middle"
        dataSource={rows}
        columns={columns}
        data-testid="agenda-table"
        scroll={{ x: 900 }}
        locale={{ emptyText: '暂无议题' }}
      />
      {deciding ? <DecideModal meeting={meeting} item={deciding} onClose={() => setDeciding(null)} /> : null}
    </Card>
  );
}

function descriptionItems(m: MeetingDetail): DescriptionsProps['items'] {
  const decided = m.items.filter((i) => i.decisionKind).length;
  return [
    { key: 'time', label: '会议时间', children: formatDateTime(m.scheduledAt) },
    { key: 'place', label: '会议地点', children: m.place || '—' },
    { key: 'items', label: '议题', children: `共 ${m.items.length} 项，已决定 ${decided} 项` },
    {
      key: 'members',
      label: '成员单位',
      span: 3,
      children: m.memberUnits.map((u) => (
        <Tag key={u.id} color={m.excusedUnitIds.includes(u.id) ? 'default' : undefined}>
          {u.name}
          {m.excusedUnitIds.includes(u.id) ? '（请假）' : ''}
        </Tag>
      )),
    },
    ...(m.attendingUnits.length
      ? [
          {
            key: 'attending',
            label: '列席单位',
            span: 3,
            children: m.attendingUnits.map((u) => <Tag key={u.id}>{u.name}</Tag>),
          },
        ]
      : []),
    ...(m.heldAt ? [{ key: 'held', label: '召开时间', children: formatDateTime(m.heldAt) }] : []),
    ...(m.closedAt ? [{ key: 'closed', label: '结束时间', children: formatDateTime(m.closedAt) }] : []),
    ...(m.summary
      ? [
          {
            key: 'summary',
            label: '会议纪要',
            span: 3,
            children: (
              <span style={{ whiteSpace: 'pre-wrap' }} data-testid="meeting-summary">
                {m.summary}
              </span>
            ),
          },
        ]
      : []),
  ];
}

/** 联席会议详情: agenda, decisions and minutes. */
export function MeetingDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const query = useMeeting(id);
  const m = query.data;
  if (!m) return <QueryFallback query={query} what="会议" back={{ to: '/meetings', label: '返回会议列表' }} />;
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8}>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label="返回"
              onClick={() => void navigate('/meetings')}
            />
            {m.title}
            <span data-testid="meeting-state">
              <MeetingStateTag state={m.state} label={m.stateLabel} />
            </span>
          </Flex>
        }
        extra={
          <>
            <MeetingActions meeting={m} />
            <DownloadButton path={minutesDocPath(m.id)}>下载会议纪要</DownloadButton>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" items={descriptionItems(m)} />
      </Card>
      <Agenda meeting={m} />
    </>
  );
}
