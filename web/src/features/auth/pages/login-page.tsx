import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { applyFormErrors } from '../../../lib/notify';
import { useMe } from '../../../lib/session';
import { type LoginInput, useLogin } from '../api/login';
import { ZLogin } from '../../../../../common/identity.schema';
import { maxLengthOf } from '../../../lib/schema-limits';

function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export function LoginPage() {
  const [form] = Form.useForm<LoginInput>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const login = useLogin();
  const [needTotp, setNeedTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  const onFinish = (values: LoginInput) => {
    setError(null);
    login.mutate(
      { username: values.username.trim(), password: values.password, totp: needTotp ? values.totp : undefined },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'AUTH_TOTP_REQUIRED') {
            const wasShown = needTotp;
            setNeedTotp(true);
            if (wasShown) setError(err.message);
            return;
          }
          if (!applyFormErrors(form, err)) setError(err.message);
        },
      },
    );
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(135deg, #7f0000 0%, #b71c1c 45%, #f5f5f5 45%)',
      }}
    >
      <Card style={{ width: 400, boxShadow: '0 8px 24px rgba(0,0,0,0.15)' }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          责链 · 问责全链条管理平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          明责 · 督责 · 模拟问责 · 考责 · 问责
        </Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} autoComplete="on">
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
          </Form.Item>
          {needTotp ? (
            <Form.Item
              label="动态验证码"
              name="totp"
              extra="请输入身份验证器应用中显示的 6 位数字"
              rules={[
                { required: true, message: '请输入 6 位动态验证码' },
                { pattern: /^\d{6}$/, message: '动态验证码为 6 位数字' },
              ]}
            >
              <Input
                prefix={<SafetyOutlined />}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={maxLengthOf(ZLogin.shape.totp)}
                size="large"
                autoFocus
              />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </div>
  );
}
