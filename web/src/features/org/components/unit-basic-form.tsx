import { Button, Form } from 'antd';
import { useEffect } from 'react';
import { applyFormErrors, notifySuccess } from '../../../lib/notify';
import { type Unit, useUpdateUnit } from '../api/units';
import { UnitFields } from './unit-fields';

type BasicValues = Pick<Unit, 'name' | 'shortName' | 'code' | 'type' | 'parentId' | 'sortOrder'>;

export function UnitBasicForm({ unit, canEdit }: { unit: Unit; canEdit: boolean }) {
  const [form] = Form.useForm<BasicValues>();
  const update = useUpdateUnit(unit.id);

  useEffect(() => {
    form.setFieldsValue({
      name: unit.name,
      shortName: unit.shortName,
      code: unit.code,
      type: unit.type,
      parentId: unit.parentId,
      sortOrder: unit.sortOrder,
    });
  }, [form, unit]);

  const submit = (values: BasicValues) =>
    update.mutate(
      { ...values, parentId: values.parentId ?? null, shortName: values.shortName ?? '', version: unit.version },
      { onSuccess: () => notifySuccess('已保存'), onError: (err) => applyFormErrors(form, err) },
    );

  return (
    <Form form={form} name="unit" layout="vertical" onFinish={submit} disabled={!canEdit} style={{ maxWidth: 560 }}>
      <UnitFields selfId={unit.id} />
      {canEdit ? (
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存
        </Button>
      ) : null}
    </Form>
  );
}
