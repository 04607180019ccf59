import { Alert, Card, Col, Descriptions, Row, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import {
  CIRCUMSTANCES,
  DUTIES,
  FACTS,
  FORMS_OF_FOUR,
  JOINT_REVIEW_OFFICES,
  RESPONSIBILITIES,
  SERVICE_MANNERS,
  TOLERANCE_OUTCOMES,
} from '../../../../../common/cases';
import { DetailTable } from '../../../components/detail-table';
import { DownloadButton } from '../../../components/download-button';
import { articleNo } from '../../../components/warning-facts';
import { ExtraDispatchButton } from '../../../components/extra-dispatch-button';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate, formatDateTime } from '../../../lib/format';
import { type CaseForm, type CaseSubject, useCase } from '../api/cases';
import { useRuleItems } from '../../../lib/rule-items';
import { CaseActions } from '../components/case-actions';
import { CaseEvidence } from '../components/case-evidence';
import { CaseNav } from '../components/case-nav';

const formsText = (forms: CaseForm[] | null | undefined) =>
  forms?.length ? forms.map((f) => (f.mode === 'propose' ? `建议${f.form}` : f.form)).join('、') : '不予问责';

/** The subject's 第十七至十九条 circumstances, worded as the version in force (`text`). */
function circumstancesText(s: CaseSubject, text: (key: string) => string) {
  return (Object.keys(CIRCUMSTANCES) as (keyof typeof CIRCUMSTANCES)[])
    .flatMap((g) => (s.circumstances[g] ?? []).map((k) => text(`${g}.${k}`)))
    .join('；');
}

/** 问责案件详情: the file, the procedure so far and what the caller may do next. */
export function CaseDetailPage() {
  const circumstances = useRuleItems('circumstances');
  const { id } = useParams();
  const query = useCase(id);
  const c = query.data;
  if (!c) return <QueryFallback query={query} what="案件" />;
  const facts = c.facts;

  return (
    <>
      <PageHeader
        title={`${c.code} ${c.title}`}
        subTitle={`${c.kindLabel} · ${c.stateLabel}`}
        extra={
          <Space wrap>
            <ExtraDispatchButton sourceType="case" sourceId={c.id} />
            <CaseNav />
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <CaseActions c={c} />
        {c.decisionDate ? (
          <span style={{ marginLeft: 12 }}>
            <DownloadButton path={`/cases/${c.id}/documents/decision.docx`}>问责决定书</DownloadButton>
          </span>
        ) : null}
      </Card>
      {c.readiness.missing.length && ['investigating', 'reviewing'].includes(c.state) ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="作出决定前尚需完成"
          description={c.readiness.missing.join('；')}
          data-testid="case-missing"
        />
      ) : null}
      {c.consistency?.length ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title="尺度一致性提示"
          description={c.consistency.map((f) => f.message).join('；')}
        />
      ) : null}
      {c.clockNote.provisional ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="期限为暂定"
          description={c.clockNote.provisionalNote}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card size="small" title="基本情况" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
              <Descriptions.Item label="问责情形" span={2}>
                {articleNo(c.situation)}：{c.situationText}
              </Descriptions.Item>
              <Descriptions.Item label="案件来源">{c.sourceLabel}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <Tag>{c.stateLabel}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="提级预审">
                {c.prereviewRequired
                  ? c.prereview?.opinion
                    ? `已预审：${c.prereview.opinion}`
                    : '须提级预审'
                  : '不需要'}
              </Descriptions.Item>
              <Descriptions.Item label="决定文号">{c.decisionNumber ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="执行期限">
                {c.executionDeadline ? formatDate(c.executionDeadline) : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="回访">
                {c.followUp ? `${formatDate(c.followUp.date)} ${c.followUp.notes}` : '—'}
              </Descriptions.Item>
              <Descriptions.Item label="调查组" span={2}>
                {c.members
                  .filter((m) => m.role === 'investigator')
                  .map((m) => m.displayName)
                  .join('、')}
              </Descriptions.Item>
              <Descriptions.Item label="简要案情" span={2}>
                {c.summary || '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title="调查事实" style={{ marginBottom: 16 }} data-testid="case-facts">
            <Descriptions size="small" column={1} bordered>
              {Object.entries(FACTS).map(([k, label]) => (
                <Descriptions.Item key={k} label={label}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{facts[k as keyof typeof facts] || '（未记录）'}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
            <CaseEvidence c={c} />
            {c.statementIssuedAt ? (
              <Typography.Text type="secondary">
                事实材料已于 {formatDateTime(c.statementIssuedAt)} 出示
              </Typography.Text>
            ) : null}
          </Card>
          <Card size="small" title="问责对象" style={{ marginBottom: 16 }}>
            <DetailTable<CaseSubject>
              dataSource={c.subjects}
              data-testid="case-subjects"
              scroll={{ x: 900 }}
              columns={[
                { title: '对象', dataIndex: 'name', render: (v: string, s) => `${v}${s.post ? `（${s.post}）` : ''}` },
                {
                  title: '陈述申辩',
                  dataIndex: 'defense',
                  render: (v: string | null, s) => (v ? `${v}${s.signedAt ? '（已签字）' : '（未签字）'}` : '未记录'),
                },
                {
                  title: '责任认定',
                  dataIndex: 'responsibility',
                  render: (v: string | null, s) =>
                    v
                      ? `${RESPONSIBILITIES[v as keyof typeof RESPONSIBILITIES]} · ${DUTIES[s.duty as keyof typeof DUTIES]}`
                      : '—',
                },
                { title: '情节', render: (_: unknown, s) => circumstancesText(s, circumstances.text) || '—' },
                {
                  title: '容错',
                  dataIndex: 'tolerance',
                  render: (t: CaseSubject['tolerance']) =>
                    t ? TOLERANCE_OUTCOMES[t.outcome as keyof typeof TOLERANCE_OUTCOMES] : '—',
                },
                {
                  title: '处理',
                  dataIndex: 'forms',
                  render: (forms: CaseForm[], s) =>
                    c.decisionDate ? (
                      <Space orientation="vertical" size={0}>
                        <span>{formsText(forms)}</span>
                        {s.formOfFour ? <Tag>{FORMS_OF_FOUR[s.formOfFour as 1 | 2 | 3 | 4]}</Tag> : null}
                        {s.originalForms && JSON.stringify(s.originalForms) !== JSON.stringify(forms) ? (
                          <Typography.Text type="secondary">原决定：{formsText(s.originalForms)}</Typography.Text>
                        ) : null}
                      </Space>
                    ) : (
                      '—'
                    ),
                },
                {
                  title: '送达',
                  render: (_: unknown, s) =>
                    c.decisionDate
                      ? s.servedOn
                        ? `${formatDate(s.servedOn)}（${SERVICE_MANNERS[s.serviceManner as keyof typeof SERVICE_MANNERS] ?? ''}）`
                        : '待送达（申诉期限未起算）'
                      : '—',
                },
              ]}
            />
          </Card>
          {c.appeals.length ? (
            <Card size="small" title="申诉、复审、复核" style={{ marginBottom: 16 }}>
              <DetailTable
                dataSource={c.appeals}
                columns={[
                  {
                    title: '对象',
                    dataIndex: 'subjectId',
                    render: (sid: string) => c.subjects.find((s) => s.id === sid)?.name,
                  },
                  { title: '途径', dataIndex: 'kindLabel' },
                  { title: '提出日期', dataIndex: 'filedOn', render: (v: string) => formatDate(v) },
                  {
                    title: '办理期限',
                    dataIndex: 'decideDeadline',
                    render: (v: string | null) => formatDate(v, '计时中止'),
                  },
                  { title: '结论', dataIndex: 'result', render: (v: string | null) => v ?? '办理中' },
                ]}
              />
              <Typography.Text type="secondary">申诉期间不停止原决定的执行；复查不得加重处理。</Typography.Text>
            </Card>
          ) : null}
          {c.influencePeriods.length ? (
            <Card size="small" title="影响期" style={{ marginBottom: 16 }}>
              <DetailTable
                dataSource={c.influencePeriods}
                columns={[
                  { title: '处理', dataIndex: 'form' },
                  { title: '起始', dataIndex: 'startsOn', render: (v: string) => formatDate(v) },
                  { title: '届满', dataIndex: 'endsOn', render: (v: string) => formatDate(v) },
                  { title: '依据', dataIndex: 'source' },
                  {
                    title: '状态',
                    dataIndex: 'state',
                    render: (v: string) => (v === 'active' ? '影响期内' : '已解除'),
                  },
                ]}
              />
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title="匹配的容错事前备案" style={{ marginBottom: 16 }} data-testid="tolerance-matches">
            {c.toleranceMatches.length === 0 ? (
              <Typography.Text type="secondary">未找到同一单位或同一责任人的已备案事项</Typography.Text>
            ) : (
              c.toleranceMatches.map((f) => (
                <div key={f.id} style={{ marginBottom: 8 }}>
                  <Link to={`/tolerance-filings/${f.id}`}>
                    {f.code} {f.matter}
                  </Link>
                  <div>
                    {f.unitName} · 决策于 {formatDate(f.decidedOn)} {f.exploratory ? '· 探索性试点' : ''}
                  </div>
                  <Space size={4} wrap>
                    {f.reasons.map((r) => (
                      <Tag key={r} color="green">
                        {r}
                      </Tag>
                    ))}
                  </Space>
                  {f.dissent ? <Typography.Text type="secondary">反对意见：{f.dissent}</Typography.Text> : null}
                </div>
              ))
            )}
          </Card>
          {c.talks.length ? (
            <Card size="small" title="相关谈话" style={{ marginBottom: 16 }}>
              {c.talks.map((t) => (
                <div key={t.id}>
                  <Link to={`/talks/${t.id}`}>
                    {t.code} {t.kindLabel ?? t.kind}
                  </Link>{' '}
                  {formatDate(t.talkOn)}
                </div>
              ))}
            </Card>
          ) : null}
          <Card size="small" title="联审" style={{ marginBottom: 16 }} data-testid="joint-review">
            {(Object.keys(JOINT_REVIEW_OFFICES) as (keyof typeof JOINT_REVIEW_OFFICES)[]).map((o) => {
              const s = c.jointReview[o];
              return (
                <div key={o}>
                  <Typography.Text strong>{JOINT_REVIEW_OFFICES[o]}：</Typography.Text>
                  {s ? `${s.name} ${s.opinion}（${formatDate(s.at)}）` : '待签署'}
                </div>
              );
            })}
          </Card>
          <Card size="small" title="办理过程">
            <Timeline
              items={c.events.map((e) => ({
                children: (
                  <>
                    <div>
                      <Typography.Text strong>{e.typeLabel}</Typography.Text> · {e.actorName}
                    </div>
                    <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                    {e.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div> : null}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
