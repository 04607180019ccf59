import { Alert, Button, Form, InputNumber, Select, Space, Spin } from 'antd';
import { useEffect } from 'react';
import { PageHeader } from '../../../components/page-header';
import { applyFormErrors, notifySuccess } from '../../../lib/notify';
import { type SecuritySettings, useSaveSecuritySettings, useSecuritySettings } from '../api/security';

type Values = Omit<SecuritySettings, 'version'>;

const CLASS_OPTIONS = [
  { value: 0, label: '不要求（仅要求长度，ASVS 推荐）' },
  { value: 1, label: '至少 1 类' },
  { value: 2, label: '至少 2 类' },
  { value: 3, label: '至少 3 类（等保常用）' },
  { value: 4, label: '4 类全部（大写、小写、数字、符号）' },
];

function NumberItem({
  name,
  label,
  min,
  max,
  unit,
  extra,
}: {
  name: keyof Values;
  label: string;
  min: number;
  max: number;
  unit: string;
  extra?: string;
}) {
  return (
    <Form.Item label={label} name={name} extra={extra} rules={[{ required: true, message: `请输入${label}` }]}>
      <InputNumber min={min} max={max} precision={0} suffix={unit} style={{ width: 200 }} />
    </Form.Item>
  );
}

export function SecurityPage() {
  const { data, isLoading } = useSecuritySettings();
  const save = useSaveSecuritySettings();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);

  if (isLoading || !data) return <Spin />;

  const submit = (values: Values) =>
    save.mutate(
      { ...values, version: data.version },
      {
        onSuccess: () => notifySuccess('安全策略已保存，新策略对之后的登录和改密生效'),
        onError: (err) => applyFormErrors(form, err),
      },
    );

  return (
    <>
      <PageHeader title="安全策略" subTitle="口令复杂度、轮换、登录失败锁定和会话超时" />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16, maxWidth: 720 }}
        title="等保 2.0 一般要求口令复杂度（3 类以上）与定期更换；OWASP ASVS 建议只要求长度、不强制轮换。请按本单位适用的规范设置。"
      />
      <Form form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 720 }}>
        <NumberItem name="passwordMinLength" label="口令最小长度" min={8} max={64} unit="位" />
        <Form.Item label="口令字符类别要求" name="passwordRequireClasses" rules={[{ required: true }]}>
          <Select options={CLASS_OPTIONS} style={{ width: 360 }} />
        </Form.Item>
        <NumberItem
          name="passwordRotationDays"
          label="口令有效期"
          min={0}
          max={3650}
          unit="天"
          extra="0 表示不强制定期更换"
        />
        <Space size="large" wrap>
          <NumberItem name="lockoutThreshold" label="连续登录失败锁定次数" min={1} max={20} unit="次" />
          <NumberItem name="lockoutMinutes" label="锁定时长" min={1} max={1440} unit="分钟" />
          <NumberItem
            name="loginDelaySeconds"
            label="第 3 次失败后的等待时间（此后每次翻倍，0 为不等待）"
            min={0}
            max={60}
            unit="秒"
          />
        </Space>
        <Space size="large" wrap>
          <NumberItem name="idleTimeoutMinutes" label="空闲超时" min={1} max={1440} unit="分钟" />
          <NumberItem name="absoluteTimeoutHours" label="会话最长有效期" min={1} max={720} unit="小时" />
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </div>
      </Form>
    </>
  );
}
