import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import {
  METRICS,
  type MetricKey,
  SCORING_METHODS,
  type SubjectKind,
  metricsFor,
} from '../../../../../common/assessment';
import { ZCreateIndicator } from '../../../../../common/assessment.schema';
import { FormModal } from '../../../components/form-modal';
import { submitForm } from '../../../lib/notify';
import { maxLengthOf } from '../../../lib/schema-limits';
import type { Indicator, IndicatorInput } from '../api/systems';
import { TextItem } from '../../../components/text-item';

interface Values {
  name: string;
  weight: number;
  method: IndicatorInput['method'];
  metric?: MetricKey | null;
  veto?: boolean;
  evaluators?: string[];
  description?: string;
}

const methodOptions = Object.entries(SCORING_METHODS).map(([value, label]) => ({ value, label }));

/**
 * 新增/修改指标: name, 分值, 计分方式 and, for system data, the metric (a 一票否决 needs a veto-shaped one) — only
 * the metrics over the system's subjects (a unit's data, or a leader's own).
 */
export function IndicatorModal({
  title,
  initial,
  subjectKind,
  pending,
  onSubmit,
  onClose,
}: {
  title: string;
  initial?: Indicator;
  subjectKind: SubjectKind;
  pending: boolean;
  onSubmit: (values: Omit<IndicatorInput, 'parentId'>) => Promise<void>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const metricOptions = metricsFor(subjectKind).map((value) => ({
    value,
    label: METRICS[value].label,
    title: METRICS[value].doc,
  }));
  const method = Form.useWatch('method', form);
  const metric = Form.useWatch('metric', form);
  const submit = (v: Values) =>
    submitForm(form, () =>
      onSubmit({
        name: v.name.trim(),
        weight: v.weight,
        method: v.method,
        metric: v.method === 'metric' ? (v.metric ?? null) : null,
        veto: v.method === 'metric' ? !!v.veto : false,
        evaluators: v.method === 'qualitative' ? (v.evaluators ?? []) : [],
        description: v.description?.trim() ?? '',
      }),
    );
  return (
    <FormModal form={form} title={title} okText="保存" pending={pending} onClose={onClose} width={560}>
      <Form
        form={form}
        layout="vertical"
        name="indicator"
        initialValues={
          initial
            ? {
                name: initial.name,
                weight: initial.weight,
                method: initial.method as Values['method'],
                metric: initial.metric as MetricKey | null,
                veto: initial.veto,
                evaluators: initial.evaluators,
                description: initial.description,
              }
            : { weight: 10, method: 'qualitative', evaluators: ['考核组'] }
        }
        onFinish={(v) => void submit(v)}
      >
        <TextItem
          max={maxLengthOf(ZCreateIndicator.shape.name)}
          name="name"
          label="指标名称"
          rules={[{ required: true, whitespace: true, message: '请填写指标名称' }]}
        >
          <Input />
        </TextItem>
        <Form.Item name="weight" label="分值" rules={[{ required: true, message: '请填写分值' }]}>
          <InputNumber min={0} max={1000} step={0.5} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="method" label="计分方式" rules={[{ required: true, message: '请选择计分方式' }]}>
          <Select options={methodOptions} />
        </Form.Item>
        {method === 'metric' ? (
          <>
            <Form.Item
              name="metric"
              label="系统数据项"
              rules={[{ required: true, message: '请选择系统数据项' }]}
              extra={metric ? METRICS[metric].doc : '按系统中已有的数据自动计分'}
            >
              <Select options={metricOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name="veto" valuePropName="checked" extra="一票否决项不计分，发生即将等次封顶">
              <Checkbox>一票否决</Checkbox>
            </Form.Item>
          </>
        ) : null}
        {method === 'qualitative' ? (
          <Form.Item name="evaluators" label="评价人" extra="输入后回车，可填多个">
            <Select mode="tags" open={false} aria-label="评价人" />
          </Form.Item>
        ) : null}
        <TextItem max={maxLengthOf(ZCreateIndicator.shape.description)} name="description" label="说明">
          <Input.TextArea rows={3} />
        </TextItem>
      </Form>
    </FormModal>
  );
}
