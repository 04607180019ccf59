import { Button, Form } from 'antd';
import { useEffect } from 'react';
import { PersonSelect } from '../../../components/entity-selects';
import { applyFormErrors, notifySuccess } from '../../../lib/notify';
import { type Unit, useUpdateUnit } from '../api/units';

type LeaderValues = Pick<Unit, 'principalPersonId' | 'memberPersonIds' | 'liaisonPersonId' | 'leaderInChargePersonId'>;

/** 一把手, 班子成员, 联络员 and 分管县领导 (needed for 双向抄告). */
export function UnitLeadersForm({ unit, canEdit }: { unit: Unit; canEdit: boolean }) {
  const [form] = Form.useForm<LeaderValues>();
  const update = useUpdateUnit(unit.id);

  useEffect(() => {
    form.setFieldsValue({
      principalPersonId: unit.principalPersonId,
      memberPersonIds: unit.memberPersonIds ?? [],
      liaisonPersonId: unit.liaisonPersonId,
      leaderInChargePersonId: unit.leaderInChargePersonId,
    });
  }, [form, unit]);

  const submit = (values: LeaderValues) =>
    update.mutate(
      {
        principalPersonId: values.principalPersonId ?? null,
        memberPersonIds: values.memberPersonIds ?? [],
        liaisonPersonId: values.liaisonPersonId ?? null,
        leaderInChargePersonId: values.leaderInChargePersonId ?? null,
        version: unit.version,
      },
      { onSuccess: () => notifySuccess('已保存'), onError: (err) => applyFormErrors(form, err) },
    );

  return (
    <Form
      form={form}
      name="unitLeaders"
      layout="vertical"
      onFinish={submit}
      disabled={!canEdit}
      style={{ maxWidth: 560 }}
    >
      <Form.Item label="主要负责人（一把手）" name="principalPersonId">
        <PersonSelect unitId={unit.id} />
      </Form.Item>
      <Form.Item label="班子成员" name="memberPersonIds">
        <PersonSelect unitId={unit.id} multiple />
      </Form.Item>
      <Form.Item label="联络员" name="liaisonPersonId">
        <PersonSelect unitId={unit.id} />
      </Form.Item>
      <Form.Item label="分管县领导" name="leaderInChargePersonId" extra="用于问题清单的双向抄告">
        <PersonSelect placeholder="输入县领导姓名搜索" />
      </Form.Item>
      {canEdit ? (
        <Button type="primary" htmlType="submit" loading={update.isPending}>
          保存
        </Button>
      ) : null}
    </Form>
  );
}
