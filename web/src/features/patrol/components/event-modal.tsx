import { Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { ZTaskEvent } from '../../../../../common/patrol.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';
import { validValues } from '../../../lib/notify';

/** The limits the server validates for a task event's text (common/patrol.schema.ts). */
const LIMITS: Record<string, number | undefined> = {
  report: maxLengthOf(ZTaskEvent.shape.report),
  comment: maxLengthOf(ZTaskEvent.shape.comment),
};

/** Asks for the text an action needs (reason, report) before firing it. */
export function TextActionModal({
  open,
  title,
  field,
  label,
  danger,
  loading,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  title: string;
  field: string;
  label: string;
  danger?: boolean;
  loading?: boolean;
  onCancel: () => void;
  onSubmit: (values: Record<string, string>) => void;
}) {
  const [form] = Form.useForm();
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);
  return (
    <Modal
      title={title}
      open={open}
      onCancel={onCancel}
      okText="确定"
      okButtonProps={{ danger, loading }}
      onOk={() => void validValues(form).then((v) => v && onSubmit(v))}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <TextItem
          max={LIMITS[field]}
          name={field}
          label={label}
          rules={[{ required: true, message: `请填写${label}` }]}
        >
          <Input.TextArea rows={4} />
        </TextItem>
      </Form>
    </Modal>
  );
}
