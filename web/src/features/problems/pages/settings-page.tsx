import { Card, Checkbox, Form, InputNumber, Spin } from 'antd';
import { useEffect } from 'react';
import { ESCALATION_LEVELS } from '../../../../../common/problems';
import { SettingsForm } from '../../../components/settings-form';
import { settingsSaved } from '../../../lib/notify';
import { type EscalationSettings, useEscalationSettings, useUpdateEscalationSettings } from '../api/settings';
import { ProblemsNav } from '../components/problems-nav';

type Values = Omit<EscalationSettings, 'version'>;

const days = (name: keyof Values, label: string, extra: string, unit: string, min = 0) => (
  <Form.Item name={name} label={label} extra={extra} rules={[{ required: true, message: `请填写${label}` }]}>
    <InputNumber min={min} max={365} precision={0} suffix={unit} style={{ width: 180 }} />
  </Form.Item>
);

/** 预警设置: thresholds of the colours and the escalation ladder (SPEC 2b). */
export function SettingsPage() {
  const { data, isLoading, refetch } = useEscalationSettings();
  const update = useUpdateEscalationSettings();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (data) form.setFieldsValue(data);
  }, [data, form]);
  if (isLoading || !data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;

  const submit = (v: Values) =>
    update.mutate(
      { ...v, automatic: v.automatic ?? [], version: data.version },
      settingsSaved(form, '预警设置已保存', refetch),
    );

  return (
    <SettingsForm<Values>
      title="预警与督办设置"
      nav={<ProblemsNav />}
      note="蓝色（临近时限）→ 黄色（进展滞后）→ 红色（逾期）；逾期后依次为通报 → 约谈 → 挂牌督办 → 问责建议。修改将记入审计日志。"
      form={form}
      name="escalationSettings"
      maxWidth={720}
      pending={update.isPending}
      onFinish={submit}
    >
      <Card size="small" title="预警颜色" style={{ marginBottom: 16 }}>
        {days('blueWorkingDays', '蓝色预警', '距整改时限不足该工作日数时标为蓝色', '个工作日')}
        {days('yellowNoProgressDays', '黄色预警', '整改中连续该天数未报告进展时标为黄色', '天', 1)}
      </Card>
      <Card size="small" title="升级督办（逾期工作日数）" style={{ marginBottom: 16 }}>
        {days('noticeAfter', '通报', '逾期达到该工作日数时建议通报', '个工作日')}
        {days('interviewAfter', '约谈', '逾期达到该工作日数时建议约谈', '个工作日')}
        {days('listAfter', '挂牌督办', '逾期达到该工作日数时建议挂牌督办', '个工作日')}
        {days('proposalAfter', '问责建议', '逾期达到该工作日数时建议提出问责建议', '个工作日')}
        <Form.Item name="automatic" label="自动升级" extra="勾选的措施到达阈值时直接执行，未勾选的由纪委监委确认后执行">
          <Checkbox.Group
            options={Object.entries(ESCALATION_LEVELS).map(([value, label]) => ({ value: Number(value), label }))}
          />
        </Form.Item>
      </Card>
    </SettingsForm>
  );
}
