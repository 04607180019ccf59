import { Button, Card, Descriptions, Input, InputNumber, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DetailTable } from '../../../components/detail-table';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate, formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { type ReviewDetail, useReview, useReviewEvent } from '../api/reviews';
import { ReviewActions } from '../components/review-actions';
import { REVIEW_STATE_COLORS } from './reviews-page';
import { ZReviewScore } from '../../../../../common/reviews.schema';
import { countOf, maxLengthOf, refuseTooLong } from '../../../lib/schema-limits';

type Indicator = ReviewDetail['indicators'][number];

/** The first-level indicators with their scores: typed in while the review is a draft (the office). */
function IndicatorScores({ r }: { r: ReviewDetail }) {
  const editable = r.actions.includes('score');
  const [draft, setDraft] = useState<Record<string, { score?: number | null; comment?: string }>>({});
  const fire = useReviewEvent(r.id);
  const scoreOf = (i: Indicator) => (i.id in draft && draft[i.id].score !== undefined ? draft[i.id].score : i.score);
  const commentOf = (i: Indicator) => draft[i.id]?.comment ?? i.comment;
  const changed = r.indicators.filter((i) => i.id in draft && scoreOf(i) !== null);
  async function save() {
    try {
      for (const i of changed)
        refuseTooLong(`${i.name}的评估意见：`, commentOf(i), maxLengthOf(ZReviewScore.shape.comment));
      await fire.mutateAsync({
        type: 'score',
        version: r.version,
        scores: changed.map((i) => ({ indicatorId: i.id, score: scoreOf(i) as number, comment: commentOf(i) })),
      });
      setDraft({});
      notifySuccess('评分已保存');
    } catch (err) {
      notifyError(err);
    }
  }
  const edit = (id: string, patch: { score?: number | null; comment?: string }) =>
    setDraft((d) => ({ ...d, [id]: { ...d[id], ...patch } }));
  return (
    <Card
      size="small"
      title={`评估得分${r.total !== null ? `：${r.total}分` : ''}`}
      extra={r.gradeLabel ? <Tag color="blue">{r.gradeLabel}</Tag> : null}
      style={{ marginBottom: 12 }}
    >
      <DetailTable
        dataSource={r.indicators}
        data-testid="review-indicators"
        columns={[
          { title: '一级指标', dataIndex: 'name', width: 160 },
          { title: '分值', dataIndex: 'weight', width: 70 },
          {
            title: '得分',
            key: 'score',
            width: 130,
            render: (_, i) =>
              editable ? (
                <InputNumber
                  aria-label={`${i.name}得分`}
                  min={0}
                  max={i.weight}
                  precision={1}
                  value={scoreOf(i)}
                  onChange={(v) => edit(i.id, { score: typeof v === 'number' ? v : null })}
                />
              ) : (
                (i.score ?? '—')
              ),
          },
          {
            title: '评估意见',
            key: 'comment',
            render: (_, i) =>
              editable ? (
                <Input
                  aria-label={`${i.name}评估意见`}
                  count={countOf(maxLengthOf(ZReviewScore.shape.comment))}
                  value={commentOf(i)}
                  onChange={(e) => edit(i.id, { comment: e.target.value })}
                />
              ) : (
                i.comment
              ),
          },
        ]}
      />
      {editable ? (
        <Button
          type="primary"
          style={{ marginTop: 8 }}
          onClick={save}
          loading={fire.isPending}
          disabled={!changed.length}
        >
          保存评分
        </Button>
      ) : null}
    </Card>
  );
}

/** One 督导评估: scores, the report's two parts, the rectification items in the ledger and every 复查. */
export function ReviewDetailPage() {
  const { id } = useParams();
  const q = useReview(id);
  const r = q.data;
  if (!r)
    return <QueryFallback query={q} what="督导评估" back={{ to: '/assessment/reviews', label: '返回督导评估' }} />;
  return (
    <>
      <PageHeader
        title={`${r.unitName} ${r.title}`}
        subTitle={<Link to="/assessment/reviews">返回督导评估</Link>}
        extra={<ReviewActions r={r} />}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="被评估单位">{r.unitName}</Descriptions.Item>
          <Descriptions.Item label="指标体系">{r.systemName}</Descriptions.Item>
          <Descriptions.Item label="实地督导">{formatDate(r.visitedOn)}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag color={REVIEW_STATE_COLORS[r.state]} data-testid="review-state">
              {r.stateLabel}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label="复查日期">{r.recheckOn ? formatDate(r.recheckOn) : '—'}</Descriptions.Item>
          <Descriptions.Item label="报告发布">
            {r.publishedAt ? formatDateTime(r.publishedAt) : '未发布'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <IndicatorScores r={r} />
      {r.conclusion || r.findings ? (
        <Card size="small" title="评估报告" style={{ marginBottom: 12 }}>
          <Typography.Paragraph>
            <Tag color="green">公开</Tag>
            {r.conclusion}
          </Typography.Paragraph>
          {r.findings ? (
            <Typography.Paragraph>
              <Tag color="red">不予公开</Tag>
              {r.findings}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ) : null}
      {r.items.length ? (
        <Card size="small" title="限期整改" style={{ marginBottom: 12 }}>
          <DetailTable
            dataSource={r.items}
            data-testid="review-items"
            columns={[
              { title: '序号', dataIndex: 'seq', width: 60 },
              { title: '整改事项', dataIndex: 'content' },
              { title: '时限', dataIndex: 'deadline', width: 120, render: (v: string) => formatDate(v) },
              {
                title: '问题台账',
                key: 'problem',
                width: 200,
                render: (_, i) => (
                  <>
                    <Link to={`/problems/${i.problemId}`}>{i.problemCode}</Link>{' '}
                    {i.problemState ? <Tag>{i.problemState}</Tag> : null}
                  </>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
      {r.checks.length ? (
        <Card size="small" title="复查记录" style={{ marginBottom: 12 }}>
          <Timeline
            items={r.checks.map((c) => ({
              color: c.verdict === 'passed' ? 'green' : 'red',
              content: `${formatDateTime(c.at)} ${c.verdictLabel}（未销号${c.open}项）：${c.comment}`,
            }))}
          />
        </Card>
      ) : null}
    </>
  );
}
