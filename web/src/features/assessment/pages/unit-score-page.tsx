import { Card, Descriptions, type TableProps, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { DetailTable } from '../../../components/detail-table';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate } from '../../../lib/format';
import { unitTypeLabel } from '../../../lib/labels';
import { type UnitScore, scorePath, useAssessment, usePersonScore, useUnitScore } from '../api/assessment';
import { GradeTag } from '../components/grade-tag';

type Item = UnitScore['items'][number] & { seq: number };

const points = (v: number) => (
  <Typography.Text type={v < 0 ? 'danger' : v > 0 ? 'success' : undefined} strong>
    {v > 0 ? `+${v.toFixed(2)}` : v.toFixed(2)}
  </Typography.Text>
);

const columns: TableProps<Item>['columns'] = [
  { title: '指标', dataIndex: 'indicatorName', width: 180, render: (v: string | null) => v ?? '指标外加（扣）分' },
  {
    title: '类别',
    key: 'kind',
    width: 150,
    render: (_, i) => (
      <Tag color={i.kind === 'veto' ? 'red' : i.kind === 'event' ? 'orange' : undefined}>
        {i.eventLabel ?? i.kindLabel}
      </Tag>
    ),
  },
  { title: '分值', dataIndex: 'points', width: 90, render: points },
  { title: '原因', dataIndex: 'reason' },
  { title: '日期', dataIndex: 'occurredOn', width: 110, render: (v: string | null) => (v ? formatDate(v) : '—') },
  {
    title: '来源',
    key: 'link',
    width: 150,
    render: (_, i) => (i.link ? <Link to={i.link}>{i.refCode ?? '查看来源'}</Link> : (i.refCode ?? '—')),
  },
];

/** One unit's score: every point with its reason, date and a link to its cause; the trend of earlier runs. */
export function UnitScorePage() {
  const { id, unitId } = useParams();
  const query = useUnitScore(id, unitId);
  return query.data ? <ScoreView id={id} u={query.data} /> : <QueryFallback query={query} what="单位得分" />;
}

/** One leader's score in a leader system (the leader's own, or any for the office, leaders and 组织部). */
export function PersonScorePage() {
  const { id, personId } = useParams();
  const query = usePersonScore(id, personId);
  return query.data ? <ScoreView id={id} u={query.data} /> : <QueryFallback query={query} what="个人得分" />;
}

function ScoreView({ id, u }: { id: string | undefined; u: UnitScore }) {
  const run = useAssessment(id);
  const leader = u.personId !== null;
  return (
    <>
      <PageHeader
        title={
          <>
            {leader ? `${u.personName}（${u.unitName}${u.post ?? ''}）` : u.unitName}{' '}
            <GradeTag grade={u.grade} label={u.gradeLabel} vetoed={u.vetoed} />
          </>
        }
        subTitle={
          <>
            <Link to={`/assessment/${id}`}>{run.data?.name ?? '返回考核'}</Link>
            {run.data ? ` · ${formatDate(run.data.periodFrom)} 至 ${formatDate(run.data.periodTo)}` : ''}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={4}
          data-testid="unit-score"
          items={[
            { key: 'score', label: '得分', children: u.score.toFixed(2) },
            {
              key: 'rank',
              label: leader ? '领导干部排名' : `${unitTypeLabel(u.unitType)}排名`,
              children: `${u.rank} / ${u.rankOf}`,
            },
            { key: 'ded', label: '事件扣分', children: u.deductions ? u.deductions.toFixed(2) : '—' },
            { key: 'bon', label: '加分', children: u.bonuses ? `+${u.bonuses.toFixed(2)}` : '—' },
            ...(u.talkId
              ? [{ key: 'talk', label: '末位谈话', children: <Link to={`/talks/${u.talkId}`}>查看谈话安排</Link> }]
              : []),
          ]}
        />
      </Card>
      <Card title="得分明细（每一分的来源）" size="small" style={{ marginBottom: 12 }}>
        <DetailTable<Item>
          rowKey="seq"
          columns={columns}
          dataSource={u.items.map((i, seq) => ({ ...i, seq }))}
          scroll={{ x: 900 }}
          data-testid="score-items"
        />
      </Card>
      {u.trend.length ? (
        <Card title="历年得分" size="small">
          <DetailTable
            rowKey="assessmentId"
            dataSource={u.trend}
            columns={[
              {
                title: '考核',
                dataIndex: 'name',
                render: (v: string, t) => <Link to={scorePath(t.assessmentId, u)}>{v}</Link>,
              },
              { title: '截止日期', dataIndex: 'periodTo', width: 120, render: (v: string) => formatDate(v) },
              { title: '得分', dataIndex: 'score', width: 100, render: (v: number) => v.toFixed(2) },
              { title: '等次', dataIndex: 'grade', width: 100 },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
