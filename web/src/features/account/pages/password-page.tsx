import { Button, Card, Form, Input } from 'antd';
import { PageHeader } from '../../../components/page-header';
import { applyFormErrors, notifySuccess } from '../../../lib/notify';
import { useChangePassword } from '../api/account';

interface Values {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordPage() {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const submit = (v: Values) =>
    change.mutate(
      { oldPassword: v.oldPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          notifySuccess('密码已修改');
          form.resetFields();
        },
        onError: (err) => applyFormErrors(form, err),
      },
    );
  return (
    <>
      <PageHeader title="修改密码" />
      <Card style={{ maxWidth: 480 }}>
        <Form form={form} layout="vertical" onFinish={submit} autoComplete="off">
          <Form.Item label="当前密码" name="oldPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            label="新密码"
            name="newPassword"
            extra="须符合安全策略规定的长度和复杂度要求"
            rules={[{ required: true, message: '请输入新密码' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认新密码"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: '请再次输入新密码' },
              ({ getFieldValue }) => ({
                validator: (_, v) =>
                  !v || v === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('两次输入的新密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            确认修改
          </Button>
        </Form>
      </Card>
    </>
  );
}
