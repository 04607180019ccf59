import { Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { formatDate } from '../../../lib/format';
import { notifySuccess } from '../../../lib/notify';
import { applyFormErrors } from '../../../lib/notify';
import { type CalendarDay, type DayKind, useSetDay } from '../api/calendar';
import { ZSetCalendarDay } from '../../../../../common/system.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

interface Values {
  kind: DayKind | 'normal';
  name?: string;
}

export function DayEditor({
  date,
  current,
  onClose,
}: {
  date: string | null;
  current?: CalendarDay;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const setDay = useSetDay();

  useEffect(() => {
    if (date) form.setFieldsValue({ kind: current?.kind ?? 'normal', name: current?.name ?? '' });
  }, [date, current, form]);

  const submit = (v: Values) => {
    if (!date) return;
    setDay.mutate(
      { date, kind: v.kind, name: v.kind === 'normal' ? undefined : v.name?.trim() },
      {
        onSuccess: () => {
          notifySuccess('已保存');
          onClose();
        },
        onError: (err) => applyFormErrors(form, err),
      },
    );
  };

  return (
    <Modal
      title={date ? `设置 ${formatDate(date)}` : ''}
      open={!!date}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={setDay.isPending}
      destroyOnHidden
    >
      <Form form={form} name="calendarDay" layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item name="kind" label="类型">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'holiday', label: '法定节假日（休）' },
              { value: 'workday', label: '调休上班（班）' },
              { value: 'normal', label: '普通（按周一至周五）' },
            ]}
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) =>
            getFieldValue('kind') === 'normal' ? null : (
              <TextItem
                max={maxLengthOf(ZSetCalendarDay.shape.name)}
                name="name"
                label="名称"
                rules={[{ required: true, whitespace: true, message: '请输入名称，如 国庆节' }]}
              >
                <Input placeholder="如 国庆节" />
              </TextItem>
            )
          }
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
