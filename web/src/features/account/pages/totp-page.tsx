import { Alert, Button, Card, Descriptions, Form, Input, Result, Steps, Typography } from 'antd';
import { PageHeader } from '../../../components/page-header';
import { applyFormErrors, notifySuccess } from '../../../lib/notify';
import { useMe } from '../../../lib/session';
import { useTotpDisable, useTotpEnable, useTotpSetup } from '../api/account';
import { ZTotpToken } from '../../../../../common/identity.schema';
import { maxLengthOf } from '../../../lib/schema-limits';

function EnableTotp() {
  const setup = useTotpSetup();
  const enable = useTotpEnable();
  const [form] = Form.useForm<{ token: string }>();
  const [passwordForm] = Form.useForm<{ password: string }>();

  if (!setup.data) {
    return (
      <>
        <Typography.Paragraph>
          开启后，登录时除密码外还需输入身份验证器应用（如 FreeOTP、Google
          Authenticator、微信小程序“腾讯身份验证器”）生成的 6 位动态验证码。
        </Typography.Paragraph>
        <Form
          form={passwordForm}
          layout="inline"
          onFinish={({ password }) => setup.mutate(password, { onError: (err) => applyFormErrors(passwordForm, err) })}
        >
          <Form.Item name="password" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password placeholder="当前密码" autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={setup.isPending}>
            验证密码并开始设置
          </Button>
        </Form>
      </>
    );
  }

  return (
    <Steps
      orientation="vertical"
      size="small"
      current={1}
      items={[
        {
          title: '在身份验证器中添加账号',
          content: (
            <Descriptions
              size="small"
              column={1}
              bordered
              items={[
                {
                  key: 'secret',
                  label: '密钥（手动输入）',
                  children: (
                    <Typography.Text code copyable>
                      {setup.data.secret}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'url',
                  label: 'otpauth 地址',
                  children: (
                    <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                      {setup.data.otpauthUrl}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          ),
        },
        {
          title: '输入验证器显示的 6 位验证码以确认',
          content: (
            <Form
              form={form}
              layout="inline"
              style={{ marginTop: 8 }}
              onFinish={({ token }) =>
                enable.mutate(token, {
                  onSuccess: () => notifySuccess('双因素认证已开启'),
                  onError: (err) => applyFormErrors(form, err),
                })
              }
            >
              <Form.Item
                name="token"
                rules={[
                  { required: true, message: '请输入验证码' },
                  { pattern: /^\d{6}$/, message: '验证码为 6 位数字' },
                ]}
              >
                <Input
                  inputMode="numeric"
                  maxLength={maxLengthOf(ZTotpToken.shape.token)}
                  autoComplete="one-time-code"
                  placeholder="6 位数字"
                  autoFocus
                />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={enable.isPending}>
                确认开启
              </Button>
            </Form>
          ),
        },
      ]}
    />
  );
}

function DisableTotp() {
  const disable = useTotpDisable();
  const [form] = Form.useForm<{ password: string }>();
  return (
    <>
      <Result status="success" title="双因素认证已开启" subTitle="登录时需要输入身份验证器中的动态验证码。" />
      <Alert
        type="warning"
        showIcon
        title="关闭双因素认证会降低账号安全性，需要验证当前密码。"
        style={{ marginBottom: 16 }}
      />
      <Form
        form={form}
        layout="inline"
        onFinish={({ password }) =>
          disable.mutate(password, {
            onSuccess: () => notifySuccess('双因素认证已关闭'),
            onError: (err) => applyFormErrors(form, err),
          })
        }
      >
        <Form.Item name="password" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password placeholder="当前密码" autoComplete="current-password" />
        </Form.Item>
        <Button danger htmlType="submit" loading={disable.isPending}>
          关闭双因素认证
        </Button>
      </Form>
    </>
  );
}

export function TotpPage() {
  const { data: me } = useMe();
  return (
    <>
      <PageHeader title="双因素认证" />
      <Card style={{ maxWidth: 720 }}>{me?.user.totpEnabled ? <DisableTotp /> : <EnableTotp />}</Card>
    </>
  );
}
