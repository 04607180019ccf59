import { CheckCircleOutlined, PlayCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { notifySuccess, submitForm } from '../../../lib/notify';
import { UnitSelect } from '../../../components/entity-selects';
import { type MeetingDetail, useMeetingEvent } from '../api/meetings';
import { ZMeetingEvent } from '../../../../../common/meetings.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { FormModal } from '../../../components/form-modal';
import { TextItem } from '../../../components/text-item';

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
        <TextItem
          max={maxLengthOf(ZMeetingEvent.shape.title)}
          name="title"
          label="议题"
          rules={[{ required: true, whitespace: true, message: '请填写议题' }]}
        >
          <Input aria-label="议题" />
        </TextItem>
        <TextItem max={maxLengthOf(ZMeetingEvent.shape.description)} name="description" label="议题说明">
          <Input.TextArea rows={4} aria-label="议题说明" />
        </TextItem>
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
        <TextItem
          max={maxLengthOf(ZMeetingEvent.shape.summary)}
          name="summary"
          label="会议纪要主要内容"
          rules={[{ required: true, whitespace: true, message: '请填写会议纪要主要内容' }]}
        >
          <Input.TextArea rows={6} aria-label="会议纪要主要内容" />
        </TextItem>
      </Form>
    </FormModal>
  );
}

type HoldValues = { excusedUnitIds?: string[]; attendingUnitIds?: string[] };

/** 召开会议: the member units that sent apologies (请假) and the units that attended (列席), as held; both are printed. */
function HoldModal({ meeting, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const [form] = Form.useForm<HoldValues>();
  const fire = useMeetingEvent(meeting.id);
  const submit = (v: HoldValues) =>
    submitForm(form, async () => {
      await fire.mutateAsync({
        type: 'hold',
        version: meeting.version,
        excusedUnitIds: v.excusedUnitIds ?? [],
        attendingUnitIds: v.attendingUnitIds ?? [],
      });
      notifySuccess('会议已召开，可逐项作出决定');
      onClose();
    });
  return (
    <FormModal form={form} title="召开会议" okText="确认召开" pending={fire.isPending} onClose={onClose} width={640}>
      <Form
        form={form}
        layout="vertical"
        name="hold-meeting"
        initialValues={{ attendingUnitIds: meeting.attendingUnits.map((u) => u.id), excusedUnitIds: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="excusedUnitIds" label="请假的成员单位" extra="未选择的成员单位视为出席，均在会议纪要中列明">
          <Checkbox.Group options={meeting.memberUnits.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item name="attendingUnitIds" label="列席单位">
          <UnitSelect multiple placeholder="选择列席单位（可选）" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 召开会议 / 添加议题 / 结束会议, as the server's `actions` allow. */
export function MeetingActions({ meeting }: { meeting: MeetingDetail }) {
  const [open, setOpen] = useState<'add' | 'hold' | 'close' | null>(null);
  const can = (a: string) => meeting.actions.includes(a as MeetingDetail['actions'][number]);
  return (
    <>
      {can('add_item') ? (
        <Button icon={<PlusOutlined />} onClick={() => setOpen('add')}>
          添加议题
        </Button>
      ) : null}
      {can('hold') ? (
        <Button type="primary" icon={<PlayCircleOutlined />} onClick={() => setOpen('hold')}>
          召开会议
        </Button>
      ) : null}
      {can('close') ? (
        <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setOpen('close')}>
          结束会议
        </Button>
      ) : null}
      {open === 'add' ? <AddItemModal meeting={meeting} onClose={() => setOpen(null)} /> : null}
      {open === 'hold' ? <HoldModal meeting={meeting} onClose={() => setOpen(null)} /> : null}
      {open === 'close' ? <CloseModal meeting={meeting} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
