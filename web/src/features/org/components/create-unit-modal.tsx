import { Form, Modal } from 'antd';
import { applyFormErrors, notifySuccess } from '../../../lib/notify';
import { type CreateUnitInput, useCreateUnit } from '../api/units';
import { UnitFields } from './unit-fields';

export function CreateUnitModal({
  open,
  parentId,
  onClose,
  onCreated,
}: {
  open: boolean;
  parentId: string | null;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [form] = Form.useForm<CreateUnitInput>();
  const create = useCreateUnit();
  const submit = (values: CreateUnitInput) =>
    create.mutate(
      {
        ...values,
        parentId: values.parentId ?? null,
        shortName: values.shortName ?? '',
        sortOrder: values.sortOrder ?? 0,
      },
      {
        onSuccess: (unit) => {
          notifySuccess('单位已新增');
          form.resetFields();
          onCreated(unit.id);
        },
        onError: (err) => applyFormErrors(form, err),
      },
    );
  return (
    <Modal
      title="新增单位"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        name="newUnit"
        layout="vertical"
        onFinish={submit}
        initialValues={{ parentId, type: 'department', sortOrder: 0 }}
        preserve={false}
      >
        <UnitFields />
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
