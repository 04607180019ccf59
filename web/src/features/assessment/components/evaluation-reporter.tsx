import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Input, List, Modal, Space, Tag, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { buildUrl } from '../../../lib/api';
import { dayjs, formatDateTime, notAfterToday } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import {
  type EvaluationDetail,
  type Reporter,
  useAnswerQuestion,
  useEvaluationEvent,
  useQuestionToProblem,
  useUploadReport,
} from '../api/evaluations';
import { GradeTag } from './grade-tag';
import { ZAnswer, ZEvaluationEvent } from '../../../../../common/evaluations.schema';
import { countOf, maxLengthOf, refuseTooLong } from '../../../lib/schema-limits';

const ORDINALS = '一二三四五六七八九十';
const ordinal = (n: number) => (n <= 10 ? ORDINALS[n - 1] : String(n));

/** One 质询 with its answer: typed in while the meeting is held (the office), read-only otherwise. */
function QuestionItem({ e, q }: { e: EvaluationDetail; q: Reporter['questions'][number] }) {
  const [draft, setDraft] = useState(q.answer);
  const answer = useAnswerQuestion(e.id);
  const editable = e.manage && e.state === 'held';
  async function save() {
    try {
      refuseTooLong('答复', draft, maxLengthOf(ZAnswer.shape.answer));
      await answer.mutateAsync({ questionId: q.id, answer: draft });
      notifySuccess('答复已记录');
    } catch (err) {
      notifyError(err);
    }
  }
  return (
    <List.Item data-testid="evaluation-question">
      <div style={{ width: '100%' }}>
        <Space wrap size={4} style={{ marginBottom: 4 }}>
          <Typography.Text strong>质询{q.seq}</Typography.Text>
          <Tag color={q.source === 'manual' ? 'blue' : 'orange'}>{q.sourceLabel}</Tag>
          {q.link ? <Link to={q.link}>{q.sourceCode ?? '查看来源'}</Link> : null}
          {q.answeredAt ? <Tag color="green">已答复</Tag> : null}
          {q.problem ? (
            <Link to={`/problems/${q.problem.id}`}>已交办为问题 {q.problem.code}</Link>
          ) : e.manage && e.state !== 'scheduled' ? (
            <HandOnButton e={e} q={q} />
          ) : null}
        </Space>
        <div>{q.question}</div>
        {editable ? (
          <Space.Compact style={{ width: '100%', marginTop: 6 }}>
            <Input.TextArea
              aria-label={`质询${q.seq}的答复`}
              autoSize={{ minRows: 1, maxRows: 4 }}
              count={countOf(maxLengthOf(ZAnswer.shape.answer))}
              value={draft}
              onChange={(ev) => setDraft(ev.target.value)}
              placeholder="记录述职人的答复"
            />
            <Button onClick={save} loading={answer.isPending} disabled={!draft.trim() || draft === q.answer}>
              记录答复
            </Button>
          </Space.Compact>
        ) : (
          <div style={{ marginTop: 4, color: q.answer ? undefined : '#999' }}>
            答复：{q.answer || '尚未答复'}
            {q.answeredAt ? (
              <Typography.Text type="secondary">（{formatDateTime(q.answeredAt)}）</Typography.Text>
            ) : null}
          </div>
        )}
      </div>
    </List.Item>
  );
}

/** 交办为问题: an unsatisfactory answer becomes a problem of the unit with a deadline, in the ledger. */
function HandOnButton({ e, q }: { e: EvaluationDetail; q: Reporter['questions'][number] }) {
  const [open, setOpen] = useState(false);
  const [deadline, setDeadline] = useState<Dayjs | null>(dayjs().add(30, 'day'));
  const handOn = useQuestionToProblem(e.id);
  async function submit() {
    if (!deadline) return;
    try {
      await handOn.mutateAsync({ questionId: q.id, deadline: deadline.format('YYYY-MM-DD') });
      notifySuccess('已交办为问题，进入问题台账跟踪整改');
      setOpen(false);
    } catch (err) {
      notifyError(err);
    }
  }
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        交办为问题
      </Button>
      {open ? (
        <Modal
          open
          title="质询问题交办为问题"
          okText="交办"
          okButtonProps={{ loading: handOn.isPending, disabled: !deadline }}
          onOk={submit}
          onCancel={() => setOpen(false)}
        >
          <p>{q.question}</p>
          <Space>
            整改时限
            <DatePicker aria-label="整改时限" value={deadline} onChange={setDeadline} disabledDate={notAfterToday} />
          </Space>
        </Modal>
      ) : null}
    </>
  );
}

/** A question put by hand in the meeting (or before it). */
function AskQuestion({ e, r }: { e: EvaluationDetail; r: Reporter }) {
  const [text, setText] = useState('');
  const fire = useEvaluationEvent(e.id);
  async function ask() {
    try {
      refuseTooLong('质询问题', text.trim(), maxLengthOf(ZEvaluationEvent.shape.question));
      await fire.mutateAsync({ type: 'ask', version: e.version, reporterId: r.id, question: text.trim() });
      setText('');
      notifySuccess('质询问题已补充');
    } catch (err) {
      notifyError(err);
    }
  }
  return (
    <Space.Compact style={{ width: '100%', marginTop: 8 }}>
      <Input
        aria-label={`向${r.unitName}补充质询`}
        value={text}
        count={countOf(maxLengthOf(ZEvaluationEvent.shape.question))}
        onChange={(ev) => setText(ev.target.value)}
        onPressEnter={() => text.trim() && void ask()}
        placeholder="补充质询问题（回车提交）"
      />
      <Button onClick={ask} loading={fire.isPending} disabled={!text.trim()}>
        补充质询
      </Button>
    </Space.Compact>
  );
}

/** The written report: download, or hand it in once (the office, or the unit's own head or liaison). */
function ReportFile({ e, r }: { e: EvaluationDetail; r: Reporter }) {
  const upload = useUploadReport(e.id);
  if (r.report) {
    return (
      <a href={buildUrl(`/evaluations/${e.id}/reporters/${r.id}/report`)} download>
        书面报告：{r.report.name}
      </a>
    );
  }
  if (!r.canUpload) return <Typography.Text type="secondary">未提交书面报告</Typography.Text>;
  return (
    <Upload
      showUploadList={false}
      customRequest={async ({ file }) => {
        try {
          await upload.mutateAsync({ reporterId: r.id, file: file as File });
          notifySuccess('书面报告已提交');
        } catch (err) {
          notifyError(err);
        }
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
        提交书面报告
      </Button>
    </Upload>
  );
}

export function ReporterCard({ e, r, index }: { e: EvaluationDetail; r: Reporter; index: number }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="evaluation-reporter"
      title={`（${ordinal(index + 1)}）${r.unitName}${r.reporterName ? `（${r.reporterName}）` : ''}`}
      extra={
        <Space wrap>
          {r.personId ? <Tag color="blue">本人述职·计入个人考核</Tag> : null}
          <ReportFile e={e} r={r} />
          {r.average !== null ? (
            <span data-testid="reporter-score">
              平均分 {r.average.toFixed(2)}（{r.scored}人评分）第{r.rank}名{' '}
              {r.grade ? <GradeTag grade={r.grade} label={r.gradeLabel ?? ''} vetoed={false} /> : null}
            </span>
          ) : (
            <Typography.Text type="secondary">尚未评分</Typography.Text>
          )}
        </Space>
      }
    >
      {r.questions.length ? (
        <List size="small" dataSource={r.questions} renderItem={(q) => <QuestionItem key={q.id} e={e} q={q} />} />
      ) : (
        <Typography.Text type="secondary">日常监督中无未整改问题，暂无质询问题。</Typography.Text>
      )}
      {e.manage && e.state !== 'closed' ? <AskQuestion e={e} r={r} /> : null}
    </Card>
  );
}
