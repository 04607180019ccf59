import { Alert, App, Button, Card, Descriptions, Progress, QRCode, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { SURVEY_STATES, type SurveyState } from '../../../../../common/assessment';
import { DetailTable } from '../../../components/detail-table';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate } from '../../../lib/format';
import { notifyError, notifyOutcome, notifySuccess } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { ballotUrl, type SurveyResults, useCloseSurvey, useIssueBallots, useSurveyResults } from '../api/surveys';

const PRINT_CSS =
  '@media print { .ant-layout-sider, .ant-layout-header, .ant-alert-banner, .no-print { display: none !important; } .ballot-slip { break-inside: avoid; } }';

/** The one-time ballot slips, shown once after issuing: print, cut and hand out at random. */
function BallotSlips({ title, unitName, tokens }: { title: string; unitName: string; tokens: string[] }) {
  return (
    <Card
      title={`选票（${tokens.length}张）`}
      size="small"
      style={{ marginBottom: 12 }}
      extra={
        <Button className="no-print" type="primary" onClick={() => window.print()}>
          打印选票
        </Button>
      }
    >
      <Alert
        className="no-print"
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title="选票只显示这一次"
        description="系统只保存选票的摘要，不保存选票本身，离开本页后无法再次查看。请立即打印，裁成单张密封后由党员随机抽取，不要登记谁领了哪一张。"
      />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', gap: 8 }}>
        {tokens.map((t, i) => (
          <div
            key={t}
            className="ballot-slip"
            data-testid="ballot-slip"
            style={{ border: '1px dashed #999', padding: 8, display: 'flex', gap: 8, alignItems: 'center' }}
          >
            <QRCode value={ballotUrl(t)} size={96} bordered={false} />
            <div style={{ fontSize: 12, wordBreak: 'break-all' }}>
              <div style={{ fontWeight: 600 }}>
                {title}（{unitName}）第{i + 1}张
              </div>
              <div>用手机扫码或打开以下网址作答，每张选票只能提交一次：</div>
              <div data-testid="ballot-link">{ballotUrl(t)}</div>
            </div>
          </div>
        ))}
      </div>
    </Card>
  );
}

function ResultsCard({ s }: { s: SurveyResults }) {
  const rows = s.perQuestion.map((q, i) => ({ key: i, no: i + 1, ...q }));
  return (
    <Card title="各题结果" size="small" className="no-print" style={{ marginBottom: 12 }}>
      <DetailTable
        rowKey="key"
        dataSource={rows}
        data-testid="survey-results"
        columns={[
          { title: '序号', dataIndex: 'no', width: 60 },
          { title: '测评题目', dataIndex: 'question' },
          ...s.scale.map((label, k) => ({
            title: label,
            key: `c${k}`,
            width: 70,
            render: (_: unknown, r: (typeof rows)[number]) => r.counts[k],
          })),
          {
            title: '平均分',
            dataIndex: 'average',
            width: 90,
            render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
          },
        ]}
      />
      <div style={{ marginTop: 8, color: '#888' }}>
        计分：{s.scale.join('、')}分别计100、80、60、0分；平均分按已提交的选票计算。
      </div>
    </Card>
  );
}

/** One 民主测评: issue the ballots (once), follow participation, read the results per question, close. */
export function SurveyDetailPage() {
  const { id } = useParams();
  const { modal } = App.useApp();
  const canManage = usePermission('assessment:manage');
  const query = useSurveyResults(id);
  const s = query.data;
  const issue = useIssueBallots(id ?? '');
  const close = useCloseSurvey(id ?? '');
  const [tokens, setTokens] = useState<string[] | null>(null);
  if (!s) return <QueryFallback query={query} what="民主测评" />;
  const open = s.state === 'open';

  const confirmIssue = () =>
    modal.confirm({
      title: '发放选票',
      content: `按${s.unitName}在册党员人数生成一次性选票。选票只显示这一次，且不能重复发放，请准备好打印。`,
      okText: '发放',
      onOk: async () => {
        try {
          const r = await issue.mutateAsync(s.version);
          setTokens(r.tokens);
          notifySuccess(`已生成${r.tokens.length}张选票`);
        } catch (err) {
          notifyError(err);
        }
      },
    });
  const confirmClose = () =>
    modal.confirm({
      title: '结束测评',
      content: '结束后未使用的选票全部作废，不能再提交。',
      okText: '结束测评',
      okButtonProps: { danger: true },
      onOk: () => notifyOutcome(close.mutateAsync(s.version), '测评已结束'),
    });

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="no-print">
        <PageHeader
          title={s.title}
          subTitle={<Link to="/assessment/surveys">返回民主测评</Link>}
          extra={
            canManage && open ? (
              <Space>
                {s.issued === 0 ? (
                  <Button type="primary" onClick={confirmIssue} loading={issue.isPending}>
                    发放选票
                  </Button>
                ) : null}
                <Button danger onClick={confirmClose} loading={close.isPending}>
                  结束测评
                </Button>
              </Space>
            ) : null
          }
        />
        <Card size="small" style={{ marginBottom: 12 }}>
          <Descriptions column={{ xs: 1, md: 3 }} size="small">
            <Descriptions.Item label="测评单位">{s.unitName}</Descriptions.Item>
            <Descriptions.Item label="被测评人">{s.personName ?? '领导班子'}</Descriptions.Item>
            <Descriptions.Item label="年度">{s.year}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={open ? 'processing' : 'default'}>{SURVEY_STATES[s.state as SurveyState] ?? s.state}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="发放选票">{s.issued ? `${s.issued}张` : '未发放'}</Descriptions.Item>
            <Descriptions.Item label="已提交">
              <span data-testid="survey-answered">{s.answered}张</span>
            </Descriptions.Item>
            <Descriptions.Item label="创建日期">{formatDate(s.createdAt)}</Descriptions.Item>
          </Descriptions>
          <div style={{ marginTop: 8 }}>
            参与率：
            <Progress
              percent={s.participation}
              style={{ maxWidth: 360, display: 'inline-flex' }}
              format={(p) => `${p}%`}
              data-testid="survey-participation"
            />
          </div>
        </Card>
      </div>
      {tokens ? <BallotSlips title={s.title} unitName={s.unitName} tokens={tokens} /> : null}
      <ResultsCard s={s} />
    </>
  );
}
