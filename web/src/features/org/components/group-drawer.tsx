import { Button, Drawer, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { GROUP_KIND_LABELS } from '../../../lib/labels';
import { applyFormErrors, notifySuccess } from '../../../lib/notify';
import { type Group, type GroupInput, type GroupKind, useSaveGroup } from '../api/groups';
import { ZCreateGroup } from '../../../../../common/org.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

type GroupValues = Omit<GroupInput, 'kind'>;

export function GroupDrawer({
  open,
  kind,
  group,
  canEdit,
  onClose,
}: {
  open: boolean;
  kind: GroupKind;
  group: Group | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<GroupValues>();
  const save = useSaveGroup();
  const kindLabel = GROUP_KIND_LABELS[kind];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (group) {
      form.setFieldsValue({
        name: group.name,
        leaderPersonId: group.leaderPersonId,
        memberPersonIds: group.memberPersonIds,
        unitIds: group.unitIds,
      });
    }
  }, [open, group, form]);

  const submit = (values: GroupValues) =>
    save.mutate(
      {
        id: group?.id,
        version: group?.version,
        input: {
          kind,
          name: values.name,
          leaderPersonId: values.leaderPersonId ?? null,
          memberPersonIds: values.memberPersonIds ?? [],
          unitIds: values.unitIds ?? [],
        },
      },
      {
        onSuccess: () => {
          notifySuccess('已保存');
          onClose();
        },
        onError: (err) => applyFormErrors(form, err),
      },
    );

  return (
    <Drawer
      title={group ? (canEdit ? `编辑${kindLabel}` : group.name) : `新增${kindLabel}`}
      open={open}
      onClose={onClose}
      size={600}
      destroyOnHidden
      extra={
        canEdit ? (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
              保存
            </Button>
          </Space>
        ) : null
      }
    >
      <Form form={form} name="group" layout="vertical" onFinish={submit} disabled={!canEdit}>
        <TextItem
          max={maxLengthOf(ZCreateGroup.shape.name)}
          label="名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入名称' }]}
        >
          <Input />
        </TextItem>
        <Form.Item label="组长" name="leaderPersonId">
          <PersonSelect />
        </Form.Item>
        <Form.Item label="成员" name="memberPersonIds">
          <PersonSelect multiple />
        </Form.Item>
        <Form.Item
          label={kind === 'patrol' ? '督导联系单位' : '监督单位'}
          name="unitIds"
          extra="可多选；派驻组只能监督其联系的单位"
        >
          <UnitSelect multiple placeholder="选择单位（可多选）" />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Drawer>
  );
}
