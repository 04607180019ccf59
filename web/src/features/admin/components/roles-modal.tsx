import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Modal, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { GroupSelect, UnitSelect } from '../../../components/entity-selects';
import { PROVINCE_ROLES } from '../../../../../common/roles';
import { ROLE_LABELS, ROLES_NEEDING_GROUP, ROLES_NEEDING_UNIT } from '../../../lib/labels';
import { applyFormErrors, notifySuccess } from '../../../lib/notify';
import { type RoleGrant, type User, useSetRoles } from '../api/users';

// Province roles are granted by the province's operators, not by a county's security admin.
const ROLE_OPTIONS = Object.entries(ROLE_LABELS)
  .filter(([value]) => !(PROVINCE_ROLES as readonly string[]).includes(value))
  .map(([value, label]) => ({ value, label }));

interface RolesValues {
  roles: RoleGrant[];
}

/** The security admin sets the roles (with unit or group scope) of one user. */
export function RolesModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<RolesValues>();
  const setRoles = useSetRoles();

  useEffect(() => {
    if (user)
      form.setFieldsValue({ roles: user.roles.map((r) => ({ role: r.role, unitId: r.unitId, groupId: r.groupId })) });
  }, [user, form]);

  const submit = (values: RolesValues) => {
    if (!user) return;
    const roles = (values.roles ?? []).map((r) => ({
      role: r.role,
      ...(ROLES_NEEDING_UNIT.has(r.role) ? { unitId: r.unitId } : {}),
      ...(ROLES_NEEDING_GROUP.has(r.role) ? { groupId: r.groupId } : {}),
    }));
    setRoles.mutate(
      { id: user.id, version: user.version, roles },
      {
        onSuccess: () => {
          notifySuccess('角色已更新');
          onClose();
        },
        onError: (err) => applyFormErrors(form, err),
      },
    );
  };

  return (
    <Modal
      title={user ? `设置角色：${user.displayName}（${user.username}）` : '设置角色'}
      open={!!user}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      confirmLoading={setRoles.isPending}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        三员分立：系统管理员、安全保密管理员、安全审计员不应同时授予同一用户，也不应与业务角色混用。
      </Typography.Paragraph>
      <Form form={form} name="roles" onFinish={submit} preserve={false}>
        <Form.List name="roles">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item
                    name={[field.name, 'role']}
                    rules={[{ required: true, message: '请选择角色' }]}
                    style={{ width: 200, marginBottom: 12 }}
                  >
                    <Select options={ROLE_OPTIONS} placeholder="角色" />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) => {
                      const role = getFieldValue(['roles', field.name, 'role']) as string | undefined;
                      if (role && ROLES_NEEDING_UNIT.has(role)) {
                        return (
                          <Form.Item
                            name={[field.name, 'unitId']}
                            rules={[{ required: true, message: '该角色须指定单位' }]}
                            style={{ flex: 1, marginBottom: 12 }}
                          >
                            <UnitSelect placeholder="所属单位" />
                          </Form.Item>
                        );
                      }
                      if (role && ROLES_NEEDING_GROUP.has(role)) {
                        return (
                          <Form.Item
                            name={[field.name, 'groupId']}
                            rules={[{ required: true, message: '该角色须指定工作组' }]}
                            style={{ flex: 1, marginBottom: 12 }}
                          >
                            <GroupSelect placeholder="所属工作组" />
                          </Form.Item>
                        );
                      }
                      return <div style={{ flex: 1, padding: '5px 0', color: '#999' }}>范围：本地区</div>;
                    }}
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    aria-label="移除角色"
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: undefined })} block>
                添加角色
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
