import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, Modal, Radio, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { RECHECK_VERDICTS } from '../../../../../common/reviews';
import { DownloadButton } from '../../../components/download-button';
import { beforeToday, dayjs, notAfterToday } from '../../../lib/format';
import { applyFormErrors, notifyError, notifySuccess } from '../../../lib/notify';
import { type ReviewDetail, type ReviewEventInput, useReviewEvent } from '../api/reviews';
import { ZReviewEvent, ZReviewItem } from '../../../../../common/reviews.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

type Step = 'publish' | 'rectify' | 'schedule' | 'recheck';

/** One event's form in a modal: fields, how they become the event, and what the user is told when it is done. */
function EventModal<V extends object>({
  r,
  title,
  okText,
  done,
  toEvent,
  initialValues,
  onClose,
  children,
}: {
  r: ReviewDetail;
  title: string;
  okText: string;
  done: string;
  toEvent: (v: V) => Omit<ReviewEventInput, 'version'>;
  initialValues?: Partial<V>;
  onClose: () => void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const fire = useReviewEvent(r.id);
  async function submit(v: V) {
    try {
      await fire.mutateAsync({ ...toEvent(v), version: r.version } as ReviewEventInput);
      notifySuccess(done);
      onClose();
    } catch (err) {
      if (!applyFormErrors(form, err)) notifyError(err);
    }
  }
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ loading: fire.isPending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

function StepModal({ r, step, onClose }: { r: ReviewDetail; step: Step; onClose: () => void }) {
  switch (step) {
    case 'publish':
      return (
        <EventModal<{ conclusion: string; findings: string }>
          r={r}
          title="发布评估报告"
          okText="发布"
          done="评估报告已编号发布"
          onClose={onClose}
          initialValues={{ conclusion: r.conclusion, findings: r.findings }}
          toEvent={(v) => ({ type: 'publish', conclusion: v.conclusion, findings: v.findings ?? '' })}
        >
          <p>发布后评分不能再修改，报告编号印发，被评估单位可以查看。</p>
          <TextItem
            max={maxLengthOf(ZReviewEvent.shape.conclusion)}
            name="conclusion"
            label="评估结论（公开部分）"
            rules={[{ required: true, whitespace: true, message: '请填写评估结论' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </TextItem>
          <TextItem max={maxLengthOf(ZReviewEvent.shape.findings)} name="findings" label="存在问题（不予公开部分）">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
          </TextItem>
        </EventModal>
      );
    case 'rectify':
      return (
        <EventModal<{ items: { content: string; deadline: Dayjs }[] }>
          r={r}
          title="下达限期整改"
          okText="下达整改"
          done="整改事项已交办到问题台账"
          onClose={onClose}
          initialValues={{ items: [{ content: '', deadline: dayjs().add(30, 'day') }] }}
          toEvent={(v) => ({
            type: 'rectify',
            items: v.items.map((i) => ({ content: i.content, deadline: iso(i.deadline) })),
          })}
        >
          <p>每项整改事项作为被评估单位的问题交办，按时限跟踪销号；复查时逐项核对。</p>
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, n) => (
                  <Space key={f.key} align="baseline" style={{ display: 'flex' }}>
                    <TextItem
                      max={maxLengthOf(ZReviewItem.shape.content)}
                      name={[f.name, 'content']}
                      rules={[{ required: true, whitespace: true, message: '请填写整改事项' }]}
                      style={{ width: 380 }}
                    >
                      <Input aria-label={`整改事项${n + 1}`} placeholder="整改事项" />
                    </TextItem>
                    <Form.Item name={[f.name, 'deadline']} rules={[{ required: true, message: '请选择时限' }]}>
                      <DatePicker aria-label={`整改时限${n + 1}`} disabledDate={notAfterToday} />
                    </Form.Item>
                    {fields.length > 1 ? (
                      <MinusCircleOutlined aria-label="删除" onClick={() => remove(f.name)} />
                    ) : null}
                  </Space>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ content: '', deadline: dayjs().add(30, 'day') })}
                >
                  增加整改事项
                </Button>
              </>
            )}
          </Form.List>
        </EventModal>
      );
    case 'schedule':
      return (
        <EventModal<{ recheckOn: Dayjs }>
          r={r}
          title="安排复查"
          okText="安排"
          done="复查已安排"
          onClose={onClose}
          initialValues={{ recheckOn: dayjs().add(7, 'day') }}
          toEvent={(v) => ({ type: 'schedule', recheckOn: iso(v.recheckOn) })}
        >
          <Form.Item name="recheckOn" label="复查日期" rules={[{ required: true, message: '请选择复查日期' }]}>
            <DatePicker disabledDate={beforeToday} />
          </Form.Item>
        </EventModal>
      );
    case 'recheck':
      return (
        <EventModal<{ verdict: keyof typeof RECHECK_VERDICTS; comment: string }>
          r={r}
          title="复查"
          okText="记录复查结论"
          done="复查结论已记录"
          onClose={onClose}
          toEvent={(v) => ({ type: 'recheck', verdict: v.verdict, comment: v.comment })}
        >
          <p>复查合格须整改问题全部销号；不合格则退回限期整改，再次安排复查。</p>
          <Form.Item name="verdict" label="复查结论" rules={[{ required: true, message: '请选择复查结论' }]}>
            <Radio.Group
              options={Object.entries(RECHECK_VERDICTS).map(([value, label]) => ({ value, label }))}
              optionType="button"
            />
          </Form.Item>
          <TextItem
            max={maxLengthOf(ZReviewEvent.shape.comment)}
            name="comment"
            label="复查意见"
            rules={[{ required: true, whitespace: true, message: '请填写复查意见' }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} />
          </TextItem>
        </EventModal>
      );
  }
}

const STEP_LABELS: Record<Step, string> = {
  publish: '发布评估报告',
  rectify: '下达整改',
  schedule: '安排复查',
  recheck: '复查',
};

/** The steps the server allows now, each through its form; the report downloads at any stage (a draft before). */
export function ReviewActions({ r }: { r: ReviewDetail }) {
  const [step, setStep] = useState<Step | null>(null);
  const steps = (Object.keys(STEP_LABELS) as Step[]).filter((s) => r.actions.includes(s));
  return (
    <Space wrap>
      {steps.map((s) => (
        <Button key={s} type="primary" onClick={() => setStep(s)}>
          {STEP_LABELS[s]}
        </Button>
      ))}
      <DownloadButton path={`/supervision-reviews/${r.id}/documents/report.docx`}>
        {r.state === 'draft' ? '报告草稿' : '评估报告'}
      </DownloadButton>
      {step ? <StepModal r={r} step={step} onClose={() => setStep(null)} /> : null}
    </Space>
  );
}
