import {
  Button,
  type ButtonProps,
  Checkbox,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  type UploadFile,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ESCALATION_LEVELS, type ProblemEvent } from '../../../../../common/problems';
import { ZProblemEvent } from '../../../../../common/problems.schema';
import { EvidenceUpload, uploadedIds } from '../../../components/evidence-upload';
import { notifySuccess, quietly } from '../../../lib/notify';
import { type EventInput, type ProblemDetail, type ProblemFile, useProblemEvent } from '../api/problems';
import { maxLengthOf } from '../../../lib/schema-limits';
import { beforeToday } from '../../../lib/format';
import { TextItem } from '../../../components/text-item';

/** The limits the server validates (common/problems.schema.ts). */
const COMMENT_MAX = maxLengthOf(ZProblemEvent.shape.comment);
const PROGRESS_MAX = maxLengthOf(ZProblemEvent.shape.progress);

/** Events fired with a click (after confirmation where irreversible). */
const DIRECT: Partial<Record<ProblemEvent, { label: string; confirm?: string; done: string; primary?: boolean }>> = {
  dispatch: {
    label: '交办',
    confirm: '交办后将通知责任单位，且不能再修改问题内容。确定交办？',
    done: '问题已交办',
    primary: true,
  },
  receive: { label: '签收', done: '已签收，请按时限整改', primary: true },
  approve_close_request: {
    label: '同意（单位审核）',
    confirm: '确认本单位已完成整改，同意报送纪委监委销号？',
    done: '已同意，待纪委监委销号',
    primary: true,
  },
  close: { label: '销号', confirm: '销号后问题将归档为已销号。确定销号？', done: '问题已销号', primary: true },
};

/** Events that need a form. */
type ModalEvent = 'report_progress' | 'request_close' | 'reject_close' | 'reopen' | 'escalate' | 'dismiss_escalation';
const MODAL_LABELS: Record<ModalEvent, string> = {
  report_progress: '报告进展',
  request_close: '申请销号',
  reject_close: '退回重改',
  reopen: '反弹重开',
  escalate: '升级督办',
  dismiss_escalation: '不予升级',
};
const ORDER: ProblemEvent[] = [
  'dispatch',
  'receive',
  'report_progress',
  'request_close',
  'approve_close_request',
  'close',
  'reject_close',
  'reopen',
  'escalate',
  'dismiss_escalation',
];

interface EventFormValues {
  measureId?: string;
  progress?: string;
  done?: boolean;
  files?: UploadFile<ProblemFile>[];
  comment?: string;
  level?: number;
  deadline?: Dayjs;
}

function EventFields({ type, problem }: { type: ModalEvent; problem: ProblemDetail }) {
  const evidence = (
    <Form.Item name="files" label="佐证材料" valuePropName="value">
      <EvidenceUpload path={`/problems/${problem.id}/files`} />
    </Form.Item>
  );
  switch (type) {
    case 'report_progress':
      return (
        <>
          <Form.Item name="measureId" label="整改措施" rules={[{ required: true, message: '请选择整改措施' }]}>
            <Select
              aria-label="整改措施"
              options={problem.measures.map((m) => ({
                value: m.id,
                label: `措施${m.seq}：${m.content}${m.done ? '（已完成）' : ''}`,
              }))}
            />
          </Form.Item>
          <TextItem
            max={PROGRESS_MAX}
            name="progress"
            label="整改进展"
            rules={[{ required: true, whitespace: true, message: '请填写整改进展' }]}
          >
            <Input.TextArea rows={4} aria-label="整改进展" />
          </TextItem>
          <Form.Item name="done" valuePropName="checked">
            <Checkbox>该措施已整改完成</Checkbox>
          </Form.Item>
          {evidence}
        </>
      );
    case 'request_close':
      return (
        <>
          <TextItem max={COMMENT_MAX} name="comment" label="整改情况说明">
            <Input.TextArea rows={4} aria-label="整改情况说明" />
          </TextItem>
          {evidence}
          {problem.files.length ? (
            <div style={{ color: '#888', marginTop: -8 }}>
              此前已上传佐证材料 {problem.files.length} 份，可一并作为销号依据。
            </div>
          ) : null}
        </>
      );
    case 'reject_close':
      return (
        <TextItem
          max={COMMENT_MAX}
          name="comment"
          label="退回理由"
          rules={[{ required: true, whitespace: true, message: '请填写退回理由' }]}
        >
          <Input.TextArea rows={4} aria-label="退回理由" />
        </TextItem>
      );
    case 'reopen':
      return (
        <>
          <TextItem
            max={COMMENT_MAX}
            name="comment"
            label="反弹情况说明"
            rules={[{ required: true, whitespace: true, message: '请填写反弹情况说明' }]}
          >
            <Input.TextArea rows={4} aria-label="反弹情况说明" />
          </TextItem>
          <Form.Item name="deadline" label="新的整改时限" rules={[{ required: true, message: '请选择新的整改时限' }]}>
            <DatePicker disabledDate={beforeToday} aria-label="新的整改时限" />
          </Form.Item>
        </>
      );
    case 'escalate':
      return (
        <>
          <Form.Item name="level" label="督办措施" rules={[{ required: true, message: '请选择督办措施' }]}>
            <Select
              aria-label="督办措施"
              options={Object.entries(ESCALATION_LEVELS).map(([value, label]) => ({
                value: Number(value),
                label,
                disabled: Number(value) <= problem.escalationLevel,
              }))}
            />
          </Form.Item>
          <TextItem max={COMMENT_MAX} name="comment" label="说明">
            <Input.TextArea rows={3} />
          </TextItem>
        </>
      );
    case 'dismiss_escalation':
      return (
        <TextItem
          max={COMMENT_MAX}
          name="comment"
          label="不予升级理由"
          rules={[{ required: true, whitespace: true, message: '请填写不予升级理由' }]}
        >
          <Input.TextArea rows={4} aria-label="不予升级理由" />
        </TextItem>
      );
  }
}

function EventModal({ type, problem, onClose }: { type: ModalEvent; problem: ProblemDetail; onClose: () => void }) {
  const [form] = Form.useForm<EventFormValues>();
  const fire = useProblemEvent(problem.id);
  const initial: EventFormValues =
    type === 'escalate'
      ? { level: problem.pendingEscalation ?? Math.min(problem.escalationLevel + 1, 4) }
      : type === 'report_progress'
        ? { measureId: problem.measures.find((m) => !m.done)?.id ?? problem.measures[0]?.id }
        : {};
  const submit = async (v: EventFormValues) => {
    const files = v.files ?? [];
    if (files.some((f) => f.status === 'uploading')) {
      form.setFields([{ name: 'files', errors: ['请等待文件上传完成'] }]);
      return;
    }
    const input: EventInput = { type, version: problem.version, comment: v.comment?.trim() ?? '' };
    if (type === 'report_progress')
      Object.assign(input, { measureId: v.measureId, progress: v.progress, done: !!v.done });
    if (type === 'report_progress' || type === 'request_close') input.fileIds = uploadedIds(files);
    if (type === 'escalate') input.level = v.level;
    if (type === 'reopen') input.deadline = v.deadline?.format('YYYY-MM-DD');
    const result = await quietly(fire.mutateAsync(input));
    if (result) {
      notifySuccess(`${MODAL_LABELS[type]}已提交`);
      onClose();
    }
  };
  return (
    <Modal
      open
      title={MODAL_LABELS[type]}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="提交"
      confirmLoading={fire.isPending}
      destroyOnHidden
      okButtonProps={{ danger: type === 'reject_close', 'data-testid': 'event-submit' } as ButtonProps}
    >
      <Form<EventFormValues>
        form={form}
        layout="vertical"
        name={`event-${type}`}
        initialValues={initial}
        onFinish={(v) => void submit(v)}
      >
        <EventFields type={type} problem={problem} />
      </Form>
    </Modal>
  );
}

/** The buttons of the problem's `actions`, nothing else. */
export function ProblemActionBar({ problem }: { problem: ProblemDetail }) {
  const fire = useProblemEvent(problem.id);
  const [open, setOpen] = useState<ModalEvent | null>(null);
  const actions = ORDER.filter((a) => problem.actions.includes(a));
  if (actions.length === 0) return null;

  const direct = async (type: ProblemEvent) => {
    const done = await quietly(fire.mutateAsync({ type, version: problem.version }));
    if (done) notifySuccess(DIRECT[type]?.done ?? '操作成功');
  };

  return (
    <Flex gap={8} wrap data-testid="problem-actions">
      {actions.map((a) => {
        const d = DIRECT[a];
        if (d) {
          const button = (
            <Button
              key={a}
              type={d.primary ? 'primary' : 'default'}
              loading={fire.isPending && fire.variables?.type === a}
              onClick={d.confirm ? undefined : () => void direct(a)}
            >
              {d.label}
            </Button>
          );
          return d.confirm ? (
            <Popconfirm key={a} title={d.confirm} okText="确定" cancelText="取消" onConfirm={() => direct(a)}>
              {button}
            </Popconfirm>
          ) : (
            button
          );
        }
        const m = a as ModalEvent;
        return (
          <Button
            key={a}
            danger={m === 'reject_close' || m === 'escalate'}
            type={m === 'report_progress' || m === 'request_close' ? 'primary' : 'default'}
            onClick={() => setOpen(m)}
          >
            {MODAL_LABELS[m]}
          </Button>
        );
      })}
      {open ? <EventModal type={open} problem={problem} onClose={() => setOpen(null)} /> : null}
    </Flex>
  );
}
