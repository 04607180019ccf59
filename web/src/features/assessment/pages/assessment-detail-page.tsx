import { App, Button, Card, Descriptions, Empty, Spin, Table, type TableProps, Tabs, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { ASSESSMENT_EVENTS, type AssessmentEvent } from '../../../../../common/assessment';
import { DownloadButton } from '../../../components/download-button';
import { EventLogCard } from '../../../components/event-log-card';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { buildUrl } from '../../../lib/api';
import { formatDate, formatDateTime } from '../../../lib/format';
import { unitTypeLabel } from '../../../lib/labels';
import { notifySuccess, quietly } from '../../../lib/notify';
import { useMe, usePermission } from '../../../lib/session';
import {
  type AssessmentDetail,
  type ScoreRow,
  assessmentExportPath,
  assessmentReportPath,
  scorePath,
  useAssessment,
  useAssessmentEvent,
  useScores,
} from '../api/assessment';
import { AssessmentNav } from '../components/assessment-nav';
import { GradeTag } from '../components/grade-tag';
import { STATE_COLORS } from './assessments-page';

/** What each action does, said before it is done. */
const CONFIRM: Record<AssessmentEvent, { content: string; done: string; primary?: boolean }> = {
  compute: { content: '按当前指标、规则和各模块数据计算（可重复计算，结果以最后一次为准）。', done: '已计算' },
  freeze: { content: '冻结后得分不再变化，提交委领导审批发布。', done: '已冻结', primary: true },
  publish: {
    content: '发布后结果对各单位和组织部可见，末位单位将按设置生成待办的约谈/提醒谈话。',
    done: '已发布',
    primary: true,
  },
  revise: { content: '修订将产生新版本重新计算；已发布的版本在新版本发布前仍然有效。', done: '已进入修订' },
};
const ORDER: AssessmentEvent[] = ['compute', 'freeze', 'publish', 'revise'];

function Actions({ run }: { run: AssessmentDetail }) {
  const { modal } = App.useApp();
  const fire = useAssessmentEvent(run.id);
  const canManage = usePermission('assessment:manage');
  // The 通报 lists every unit: only readers of the whole region download it.
  const wholeRegion = useMe().data?.scope.allUnits ?? false;
  const navigate = useNavigate();
  return (
    <>
      {ORDER.filter((a) => run.actions.includes(a)).map((a) => (
        <Button
          key={a}
          type={CONFIRM[a].primary ? 'primary' : 'default'}
          loading={fire.isPending && fire.variables?.type === a}
          onClick={() =>
            modal.confirm({
              title: `${ASSESSMENT_EVENTS[a]}：${run.name}`,
              content: CONFIRM[a].content,
              onOk: () =>
                quietly(fire.mutateAsync({ type: a, version: run.version }).then(() => notifySuccess(CONFIRM[a].done))),
            })
          }
        >
          {ASSESSMENT_EVENTS[a]}
        </Button>
      ))}
      {canManage ? <Button onClick={() => void navigate(`/assessment/${run.id}/ratings`)}>评价人打分</Button> : null}
      <DownloadButton path={assessmentExportPath(run.id)}>导出得分（.xlsx）</DownloadButton>
      {wholeRegion ? <DownloadButton path={assessmentReportPath(run.id)}>考核通报（.docx）</DownloadButton> : null}
    </>
  );
}

/** Each published revision's 考核结果通报 with its 发文字号, newest first. */
function Publications({ run }: { run: AssessmentDetail }) {
  const wholeRegion = useMe().data?.scope.allUnits ?? false;
  return (
    <span data-testid="assessment-publications">
      {run.publications.map((p) => (
        <span key={p.id} style={{ marginRight: 16 }}>
          第{p.revision}版 {p.docNumber ?? '（未编号）'}（{formatDate(p.publishedAt)}发布）
          {wholeRegion ? (
            <a href={buildUrl(assessmentReportPath(run.id), { revision: p.revision })} download>
              下载
            </a>
          ) : null}
        </span>
      ))}
    </span>
  );
}

/** The subject columns: a unit, or in a leader system the person's name (linked), post and unit. */
function subjectColumns(runId: string, leaders: boolean): TableProps<ScoreRow>['columns'] {
  if (!leaders) {
    return [
      {
        title: '单位',
        dataIndex: 'unitName',
        render: (v: string, r) => <Link to={scorePath(runId, r)}>{v}</Link>,
      },
    ];
  }
  return [
    {
      title: '姓名',
      dataIndex: 'personName',
      width: 110,
      render: (v: string, r) => <Link to={scorePath(runId, r)}>{v}</Link>,
    },
    { title: '职务', dataIndex: 'post', width: 200 },
    { title: '单位', dataIndex: 'unitName' },
  ];
}

function ScoresTable({ runId, rows }: { runId: string; rows: ScoreRow[] }) {
  const leaders = rows.some((r) => r.personId !== null);
  const columns: TableProps<ScoreRow>['columns'] = [
    { title: '名次', key: 'rank', width: 90, render: (_, r) => `${r.rank} / ${r.rankOf}` },
    ...(subjectColumns(runId, leaders) ?? []),
    { title: '得分', dataIndex: 'score', width: 90, render: (v: number) => v.toFixed(2) },
    { title: '扣分', dataIndex: 'deductions', width: 90, render: (v: number) => (v ? v.toFixed(2) : '—') },
    { title: '加分', dataIndex: 'bonuses', width: 90, render: (v: number) => (v ? `+${v.toFixed(2)}` : '—') },
    {
      title: '等次',
      key: 'grade',
      width: 170,
      render: (_, r) => <GradeTag grade={r.grade} label={r.gradeLabel} vetoed={r.vetoed} />,
    },
    {
      title: '末位谈话',
      dataIndex: 'talkId',
      width: 100,
      render: (v: string | null) => (v ? <Link to={`/talks/${v}`}>已安排</Link> : '—'),
    },
  ];
  return (
    <Table<ScoreRow>
      size="small"
      rowKey={(r) => r.personId ?? r.unitId}
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 50 ? { pageSize: 50 } : false}
      scroll={{ x: 760 }}
    />
  );
}

function ScoresCard({ run }: { run: AssessmentDetail }) {
  const canManage = usePermission('assessment:manage');
  const readable = canManage ? run.computedAt !== null : run.publishedRevision !== null;
  const { data, isLoading } = useScores(run.id, readable);
  const rows = data?.items ?? [];
  const types = [...new Set(rows.map((r) => r.unitType))];
  const title = data ? `得分与排名（第${data.revision}版）` : '得分与排名';
  return (
    <Card title={title} size="small" style={{ marginBottom: 12 }} data-testid="assessment-scores">
      {isLoading ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={readable ? '没有可查看的得分' : '尚未计算，计算后显示得分'}
        />
      ) : types.length === 1 ? (
        <ScoresTable runId={run.id} rows={rows} />
      ) : (
        <Tabs
          items={types.map((t) => ({
            key: t,
            label: unitTypeLabel(t),
            children: <ScoresTable runId={run.id} rows={rows.filter((r) => r.unitType === t)} />,
          }))}
        />
      )}
    </Card>
  );
}

/** One assessment run: its state and actions, the scores per unit type, exports and the record. */
export function AssessmentDetailPage() {
  const { id } = useParams();
  const query = useAssessment(id);
  const run = query.data;
  if (!run) return <QueryFallback query={query} what="考核" />;
  return (
    <>
      <PageHeader
        title={
          <>
            {run.name} <Tag color={STATE_COLORS[run.state]}>{run.stateLabel}</Tag>
          </>
        }
        subTitle={`${formatDate(run.periodFrom)} 至 ${formatDate(run.periodTo)}`}
        extra={
          <>
            <AssessmentNav />
            <Actions run={run} />
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={3}
          data-testid="assessment-detail"
          items={[
            {
              key: 'system',
              label: '指标体系',
              children: <Link to={`/assessment/systems/${run.systemId}`}>{run.systemName}</Link>,
            },
            { key: 'rev', label: '当前版本', children: `第${run.revision}版` },
            {
              key: 'pub',
              label: '已发布版本',
              children: run.publishedRevision ? `第${run.publishedRevision}版` : '未发布',
            },
            { key: 'c', label: '计算时间', children: run.computedAt ? formatDateTime(run.computedAt) : '—' },
            { key: 'f', label: '冻结时间', children: run.frozenAt ? formatDateTime(run.frozenAt) : '—' },
            { key: 'p', label: '发布时间', children: run.publishedAt ? formatDateTime(run.publishedAt) : '—' },
            {
              key: 'report',
              label: '结果通报',
              span: 3,
              children: run.publications.length ? <Publications run={run} /> : '发布后印发，发文字号在发布时编定',
            },
          ]}
        />
      </Card>
      <ScoresCard run={run} />
      {run.events.length ? <EventLogCard events={run.events.map((e, n) => ({ ...e, id: String(n) }))} /> : null}
    </>
  );
}
