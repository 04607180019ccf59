import { CheckCircleOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { notifyError, notifySuccess, submitForm } from '../../../lib/notify';
import { type MeetingDetail, useMeetingEvent } from '../api/meetings';
import { ZMeetingEvent } from '../../../../../common/meetings.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { FormModal } from '../../../components/form-modal';

function AddItemModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; description?: string }>();
  const fire = useMeetingEvent(meeting.id);
  const submit = (v: { title: string; description?: string }) =>
    submitForm(form, async () => {
      await fire.mutateAsync({
        type: 'add_item',
        version: meeting.version,
        title: v.title.trim(),
        description: v.description?.trim() ?? '',
      });
      notifySuccess('议题已添加');
      onClose();
    });
  return (
    <FormModal form={form} title="添加议题" okText="添加" pending={fire.isPending} onClose={onClose}>
      <Form form={form} layout="vertical" name="add-item" onFinish={(v) => void submit(v)}>
        <Form.Item name="title" label="议题" rules={[{ required: true, whitespace: true, message: '请填写议题' }]}>
          <Input maxLength={maxLengthOf(ZMeetingEvent.shape.title)} aria-label="议题" />
        </Form.Item>
        <Form.Item name="description" label="议题说明">
          <Input.TextArea rows={4} maxLength={maxLengthOf(ZMeetingEvent.shape.description)} aria-label="议题说明" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

function CloseModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const [form] = Form.useForm<{ summary: string }>();
  const fire = useMeetingEvent(meeting.id);
  const [modal, contextHolder] = Modal.useModal();
  const undecided = meeting.items.filter((i) => !i.decisionKind).length;
  const submit = async (v: { summary: string }) => {
    const ok = await modal.confirm({
      title: '确定结束会议？',
      content: `结束后不能再添加议题或作出决定${undecided ? `，尚有 ${undecided} 个议题未作决定` : ''}。`,
      okText: '结束会议',
      cancelText: '取消',
    });
    if (!ok) return;
    await submitForm(form, async () => {
      await fire.mutateAsync({ type: 'close', version: meeting.version, summary: v.summary.trim() });
      notifySuccess('会议已结束，可下载会议纪要');
      onClose();
    });
  };
  return (
    <FormModal form={form} title="结束会议" okText="结束会议" pending={fire.isPending} onClose={onClose} width={640}>
      {contextHolder}
      {undecided ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`尚有 ${undecided} 个议题未作决定，结束会议后将不能再作决定。`}
        />
      ) : null}
      <Form form={form} layout="vertical" name="close-meeting" onFinish={(v) => void submit(v)}>
        <Form.Item
          name="summary"
          label="会议纪要主要内容"
          rules={[{ required: true, whitespace: true, message: '请填写会议纪要主要内容' }]}
        >
          <Input.TextArea
            rows={6}
            maxLength={maxLengthOf(ZMeetingEvent.shape.summary)}
            showCount
            aria-label="会议纪要主要内容"
          />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 召开会议 / 添加议题 / 结束会议, as the server's `actions` allow. */
export function MeetingActions({ meeting }: { meeting: MeetingDetail }) {
  const fire = useMeetingEvent(meeting.id);
  const [open, setOpen] = useState<'add' | 'close' | null>(null);
  const can = (a: string) => meeting.actions.includes(a as MeetingDetail['actions'][number]);
  const hold = async () => {
    try {
      await fire.mutateAsync({ type: 'hold', version: meeting.version });
      notifySuccess('会议已召开，可逐项作出决定');
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <>
      {can('add_item') ? (
        <Button icon={<PlusOutlined />} onClick={() => setOpen('add')}>
          添加议题
        </Button>
      ) : null}
      {can('hold') ? (
        <Button type="primary" icon={<PlayCircleOutlined />} loading={fire.isPending} onClick={() => void hold()}>
          召开会议
        </Button>
      ) : null}
      {can('close') ? (
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setOpen('close')}>
          结束会议
        </Button>
      ) : null}
      {open === 'add' ? <AddItemModal meeting={meeting} onClose={() => setOpen(null)} /> : null}
      {open === 'close' ? <CloseModal meeting={meeting} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
