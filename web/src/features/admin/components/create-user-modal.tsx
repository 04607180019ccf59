import { Form, Input, Modal } from 'antd';
import { PersonSelect } from '../../../components/entity-selects';
import { applyFormErrors, notifySuccess } from '../../../lib/notify';
import { type CreateUserInput, useCreateUser } from '../api/users';
import { ZCreateUser } from '../../../../../common/identity.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<CreateUserInput & { confirm: string }>();
  const create = useCreateUser();
  const submit = ({ confirm: _confirm, ...values }: CreateUserInput & { confirm: string }) =>
    create.mutate(
      { ...values, username: values.username.trim(), personId: values.personId || undefined },
      {
        onSuccess: () => {
          notifySuccess('用户已创建，首次登录时须修改初始密码');
          onClose();
        },
        onError: (err) => applyFormErrors(form, err),
      },
    );
  return (
    <Modal
      title="新建用户"
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="创建"
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} name="newUser" layout="vertical" onFinish={submit} preserve={false} autoComplete="off">
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            {
              pattern: /^[a-zA-Z][a-zA-Z0-9._-]{2,49}$/,
              message: '用户名须以字母开头，3-50位字母、数字、点、下划线或短横线',
            },
          ]}
        >
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateUser.shape.displayName)}
          label="姓名（显示名）"
          name="displayName"
          rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}
        >
          <Input />
        </TextItem>
        <Form.Item label="绑定人员" name="personId" extra="可选；业务角色需要绑定干部档案">
          <PersonSelect />
        </Form.Item>
        <Form.Item label="初始密码" name="password" rules={[{ required: true, message: '请输入初始密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认密码"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入密码' },
            ({ getFieldValue }) => ({
              validator: (_, v) =>
                !v || v === getFieldValue('password')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
