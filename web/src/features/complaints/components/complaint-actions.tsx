import { Alert, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import {
  COMPLAINT_EVENTS,
  COMPLAINT_FINDINGS,
  COMPLAINT_WAYS,
  type ComplaintEvent,
  FEEDBACK_METHODS,
} from '../../../../../common/complaints';
import { FormModal } from '../../../components/form-modal';
import { ApiError } from '../../../lib/api';
import type { Dayjs } from 'dayjs';
import { type ComplaintDetail, useComplaintEvent } from '../api/complaints';
import { ZComplaintEvent } from '../../../../../common/complaints.schema';
import { maxLengthOf } from '../../../lib/schema-limits';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The fields each event asks for (the server checks them again). */
function Fields({ type, c }: { type: ComplaintEvent; c: ComplaintDetail }) {
  const date = (name: string, label: string) => (
    <Form.Item name={name} label={label}>
      <DatePicker style={{ width: '100%' }} />
    </Form.Item>
  );
  switch (type) {
    case 'hand_over':
      return (
        <Form.Item name="toUserId" label="接手承办人（用户编号）" rules={[{ required: true, message: '请填写接手人' }]}>
          <Input />
        </Form.Item>
      );
    case 'transfer':
      return (
        <Form.Item name="transferTo" label="转办的下级机关" rules={[{ required: true, message: '请填写转办机关' }]}>
          <Input placeholder="如：城关镇纪委" />
        </Form.Item>
      );
    case 'lower_reply':
      return (
        <>
          <Form.Item name="lowerResult" label="下级机关办理" rules={[{ required: true, message: '请选择' }]}>
            <Select options={options({ accepted: '已受理', retransferred: '已再转办' })} />
          </Form.Item>
          {date('on', '日期')}
        </>
      );
    case 'mark_repeat':
      return (
        <Form.Item name="repeatOfId" label="原信访件编号（ID）" rules={[{ required: true, message: '请填写原件' }]}>
          <Input />
        </Form.Item>
      );
    case 'notify_acceptance':
      return (
        <>
          <Form.Item name="method" label="告知方式" rules={[{ required: true, message: '请选择告知方式' }]}>
            <Select options={options(FEEDBACK_METHODS)} />
          </Form.Item>
          {date('on', '告知日期')}
        </>
      );
    case 'decide':
      return (
        <>
          <Form.Item name="way" label="处置方式" rules={[{ required: true, message: '请选择处置方式' }]}>
            <Select options={options(COMPLAINT_WAYS)} />
          </Form.Item>
          <Form.Item
            name="approver"
            label="批准人（集体研究后报批）"
            rules={[{ required: true, message: '请填写批准人' }]}
          >
            <Input maxLength={maxLengthOf(ZComplaintEvent.shape.approver)} />
          </Form.Item>
          {date('decidedOn', '集体研究日期')}
        </>
      );
    case 'complete':
      return (
        <>
          <Form.Item name="finding" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
            <Select options={options(COMPLAINT_FINDINGS)} />
          </Form.Item>
          <Form.Item name="result" label="办理结果" rules={[{ required: true, message: '请填写办理结果' }]}>
            <Input.TextArea rows={4} maxLength={maxLengthOf(ZComplaintEvent.shape.result)} />
          </Form.Item>
        </>
      );
    case 'feedback':
      return (
        <>
          {!c.anonymous && (
            <>
              <Form.Item name="method" label="反馈方式" rules={[{ required: true, message: '请选择反馈方式' }]}>
                <Select options={options(FEEDBACK_METHODS)} />
              </Form.Item>
              {date('on', '反馈日期')}
            </>
          )}
          <Form.Item
            name="answer"
            label="答复内容（举报人凭受理编号可见）"
            initialValue={c.answerDraft}
            rules={[{ required: true, message: '请填写答复内容' }]}
          >
            <Input.TextArea rows={4} maxLength={maxLengthOf(ZComplaintEvent.shape.answer)} />
          </Form.Item>
        </>
      );
    case 'objection':
    case 'answer_objection':
      return (
        <Form.Item
          name="text"
          label={type === 'objection' ? '异议内容' : '说明'}
          rules={[{ required: true, message: '请填写' }]}
        >
          <Input.TextArea rows={4} maxLength={maxLengthOf(ZComplaintEvent.shape.text)} />
        </Form.Item>
      );
    default:
      return null;
  }
}

/** The buttons of the events the caller may fire now, each opening its form. */
export function ComplaintActions({ c }: { c: ComplaintDetail }) {
  const [open, setOpen] = useState<ComplaintEvent | null>(null);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const fire = useComplaintEvent(c.id);
  async function submit(values: Record<string, unknown>) {
    setError(null);
    const body: Record<string, unknown> = { type: open, version: c.version };
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || v === null || v === '') continue;
      body[k] = typeof (v as Dayjs).format === 'function' ? (v as Dayjs).format('YYYY-MM-DD') : v;
    }
    try {
      await fire.mutateAsync(body as never);
      setOpen(null);
      form.resetFields();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '操作失败');
    }
  }
  return (
    <>
      <Space wrap data-testid="complaint-actions">
        {(c.actions as ComplaintEvent[]).map((a) => (
          <Button key={a} onClick={() => setOpen(a)}>
            {COMPLAINT_EVENTS[a]}
          </Button>
        ))}
      </Space>
      {open && (
        <FormModal
          form={form}
          title={COMPLAINT_EVENTS[open]}
          okText="确定"
          pending={fire.isPending}
          onClose={() => {
            setOpen(null);
            setError(null);
          }}
        >
          <Form form={form} layout="vertical" onFinish={submit}>
            <Fields type={open} c={c} />
            <Form.Item name="comment" label="备注">
              <Input.TextArea rows={2} maxLength={maxLengthOf(ZComplaintEvent.shape.comment)} />
            </Form.Item>
            {error && <Alert type="error" showIcon message={error} />}
          </Form>
        </FormModal>
      )}
    </>
  );
}
