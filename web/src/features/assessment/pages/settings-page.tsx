import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, InputNumber, Radio, Select, Spin, Typography } from 'antd';
import { useEffect } from 'react';
import { EVENT_KINDS, GRADES } from '../../../../../common/assessment';
import { ZAssessmentRule, type TAssessmentSettings } from '../../../../../common/assessment.schema';
import { SettingsForm } from '../../../components/settings-form';
import { settingsSaved } from '../../../lib/notify';
import { maxLengthOf } from '../../../lib/schema-limits';
import { useAssessmentSettings, useUpdateAssessmentSettings } from '../api/settings';
import { AssessmentNav } from '../components/assessment-nav';
import { TextItem } from '../../../components/text-item';

type Values = { settings: TAssessmentSettings };

const BOTTOM_TALKS = { none: '不安排', reminder: '提醒谈话', interview: '约谈' } as const;
const KIND_OPTIONS = Object.entries(EVENT_KINDS).map(([value, label]) => ({ value, label }));

type Threshold = keyof TAssessmentSettings['thresholds'];
/** The grade above each threshold: its line must be higher (优秀 > 良好 > 一般), as the server checks. */
const ABOVE: Partial<Record<Threshold, Threshold>> = { good: 'excellent', fair: 'good' };

const threshold = (name: Threshold, label: string) => (
  <Form.Item
    name={['settings', 'thresholds', name]}
    label={`${label}（不低于）`}
    dependencies={ABOVE[name] ? [['settings', 'thresholds', ABOVE[name]]] : []}
    rules={[
      { required: true, message: `请填写${label}分数线` },
      ({ getFieldValue }) => ({
        validator: (_, value: number | null) => {
          const above = ABOVE[name];
          const limit = above ? getFieldValue(['settings', 'thresholds', above]) : null;
          return typeof value === 'number' && typeof limit === 'number' && value >= limit
            ? Promise.reject(new Error('等次分数线应依次降低（优秀 > 良好 > 一般）'))
            : Promise.resolve();
        },
      }),
    ]}
  >
    <InputNumber min={0} max={1000} step={1} suffix="分" style={{ width: 160 }} />
  </Form.Item>
);

/**
 * 考核设置 (SPEC M6): the points each kind of event carries with its 依据, the bonus cap, the grade thresholds, the
 * grade a 一票否决 caps at and the talk proposed to the bottom-ranked. The region's own; every change is audited.
 */
export function AssessmentSettingsPage() {
  const { data, isLoading, refetch } = useAssessmentSettings();
  const update = useUpdateAssessmentSettings();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (data) form.setFieldsValue({ settings: data.settings });
  }, [data, form]);
  if (isLoading || !data) return <Spin style={{ display: 'block', margin: '80px auto' }} />;

  const submit = (v: Values) =>
    update.mutate(
      { settings: v.settings, version: data.version },
      settingsSaved(form, '考核设置已保存，下次计算时生效', refetch),
    );

  return (
    <SettingsForm<Values>
      title="考核设置"
      nav={<AssessmentNav />}
      note="扣分、加分规则和等次分数线适用于本地区之后的计算；已冻结或已发布的考核不受影响。每次修改都记入审计日志。"
      form={form}
      name="assessmentSettings"
      maxWidth={860}
      pending={update.isPending}
      onFinish={submit}
    >
      <Card size="small" title="扣分与加分规则（每件/每次）" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          负数为扣分，正数为加分；依据写明出自哪份文件或哪次会议。
        </Typography.Paragraph>
        <Form.List name={['settings', 'rules']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start" wrap data-testid="assessment-rule">
                  <Form.Item
                    name={[f.name, 'kind']}
                    rules={[{ required: true, message: '请选择事件' }]}
                    style={{ flex: '0 0 200px' }}
                  >
                    <Select aria-label="事件" options={KIND_OPTIONS} placeholder="事件" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'points']} rules={[{ required: true, message: '请填写分值' }]}>
                    <InputNumber aria-label="分值" min={-100} max={100} step={0.5} suffix="分" style={{ width: 120 }} />
                  </Form.Item>
                  <TextItem
                    max={maxLengthOf(ZAssessmentRule.shape.basis)}
                    name={[f.name, 'basis']}
                    style={{ flex: '1 1 260px' }}
                  >
                    <Input aria-label="依据" placeholder="依据，如：问题整改逾期，每件扣1分" />
                  </TextItem>
                  <Button
                    type="text"
                    aria-label="删除规则"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ points: -1, basis: '' })} block>
                增加规则
              </Button>
            </>
          )}
        </Form.List>
        <Form.Item
          name={['settings', 'bonusCap']}
          label="加分上限"
          extra="一次考核中单位最多可得的加分"
          rules={[{ required: true, message: '请填写加分上限' }]}
          style={{ marginTop: 16 }}
        >
          <InputNumber min={0} max={100} suffix="分" style={{ width: 160 }} />
        </Form.Item>
      </Card>
      <Card size="small" title="等次" style={{ marginBottom: 16 }}>
        <Flex gap={16} wrap>
          {threshold('excellent', GRADES.excellent)}
          {threshold('good', GRADES.good)}
          {threshold('fair', GRADES.fair)}
        </Flex>
        <Form.Item
          name={['settings', 'vetoGrade']}
          label="一票否决时等次最高为"
          rules={[{ required: true, message: '请选择等次' }]}
        >
          <Select
            aria-label="一票否决等次"
            style={{ width: 160 }}
            options={Object.entries(GRADES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name={['settings', 'bottomTalk']} label="发布时对同类末位单位安排">
          <Radio.Group options={Object.entries(BOTTOM_TALKS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
      </Card>
    </SettingsForm>
  );
}
