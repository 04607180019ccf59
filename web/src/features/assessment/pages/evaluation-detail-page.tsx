import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifyOutcome, notifySuccess } from '../../../lib/notify';
import {
  type EvaluationDetail,
  type EvaluationEventInput,
  useEvaluation,
  useEvaluationEvent,
} from '../api/evaluations';
import { ReporterCard } from '../components/evaluation-reporter';
import { EvaluationScoring } from '../components/evaluation-scoring';
import { ZEvaluationEvent } from '../../../../../common/evaluations.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

/** 结束评议: the conclusions that go into the 纪要, confirmed before the meeting's record is numbered. */
function CloseModal({ e, onClose }: { e: EvaluationDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ summary: string }>();
  const fire = useEvaluationEvent(e.id);
  async function submit(v: { summary: string }) {
    try {
      await fire.mutateAsync({ type: 'close', version: e.version, summary: v.summary });
      notifySuccess('评议已结束，纪要已编号印发');
      onClose();
    } catch (err) {
      notifyError(err);
    }
  }
  return (
    <Modal
      open
      title="结束评议并印发纪要"
      okText="结束评议"
      okButtonProps={{ loading: fire.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      <p>结束后质询答复和评分不能再修改，纪要将编号印发。</p>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ summary: e.summary }}>
        <TextItem
          max={maxLengthOf(ZEvaluationEvent.shape.summary)}
          name="summary"
          label="评议意见（纪要“会议要求”部分）"
          rules={[{ required: true, whitespace: true, message: '请填写评议意见' }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 10 }}
            placeholder="如：各单位对照质询问题逐项整改，一个月内书面报告整改情况；评议结果纳入年度考核。"
          />
        </TextItem>
      </Form>
    </Modal>
  );
}

function Actions({ e }: { e: EvaluationDetail }) {
  const { modal } = App.useApp();
  const fire = useEvaluationEvent(e.id);
  const [closing, setClosing] = useState(false);
  const confirmFire = (input: EvaluationEventInput, title: string, content: string, done: string) =>
    modal.confirm({
      title,
      content,
      okText: '确定',
      cancelText: '取消',
      onOk: () => notifyOutcome(fire.mutateAsync(input), done),
    });
  const whole = e.reporters.length === e.reporterCount;
  return (
    <Space wrap>
      {e.actions.includes('redraw') ? (
        <Button
          onClick={() =>
            confirmFire(
              { type: 'redraw', version: e.version },
              '重新生成质询问题？',
              '按今天的督查发现、逾期问题和提醒函重新生成；手工补充的质询问题保留。',
              '质询问题已重新生成',
            )
          }
        >
          重新生成质询问题
        </Button>
      ) : null}
      {e.actions.includes('hold') ? (
        <Button
          type="primary"
          onClick={() =>
            confirmFire(
              { type: 'hold', version: e.version },
              '召开评议？',
              '召开后开始记录质询答复和评议打分。',
              '评议已开始',
            )
          }
        >
          召开评议
        </Button>
      ) : null}
      {e.actions.includes('close') ? (
        <Button type="primary" onClick={() => setClosing(true)}>
          结束评议
        </Button>
      ) : null}
      {whole ? (
        <DownloadButton path={`/evaluations/${e.id}/documents/minutes.docx`}>
          {e.state === 'closed' ? '下载纪要' : '纪要草稿'}
        </DownloadButton>
      ) : null}
      {closing ? <CloseModal e={e} onClose={() => setClosing(false)} /> : null}
    </Space>
  );
}

/** One meeting: who reports, the questions drawn from supervision with their answers, scores, the 纪要. */
export function EvaluationDetailPage() {
  const { id } = useParams();
  const q = useEvaluation(id);
  const e = q.data;
  if (!e)
    return <QueryFallback query={q} what="评议会议" back={{ to: '/assessment/evaluations', label: '返回述职评议' }} />;
  return (
    <>
      <PageHeader
        title={e.title}
        subTitle={<Link to="/assessment/evaluations">返回述职评议</Link>}
        extra={<Actions e={e} />}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label="类型">{e.kindLabel}</Descriptions.Item>
          <Descriptions.Item label="会议时间">{formatDateTime(e.scheduledAt)}</Descriptions.Item>
          <Descriptions.Item label="地点">{e.place || '—'}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag data-testid="evaluation-state">{e.stateLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="评议人">{e.attendees.join('、')}</Descriptions.Item>
          <Descriptions.Item label="述职单位">{e.reporterCount}个</Descriptions.Item>
          {e.summary ? <Descriptions.Item label="评议意见">{e.summary}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      {e.manage && e.state === 'held' ? <EvaluationScoring e={e} /> : null}
      {e.reporters.map((r, i) => (
        <ReporterCard key={r.id} e={e} r={r} index={i} />
      ))}
    </>
  );
}
