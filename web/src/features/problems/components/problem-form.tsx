import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { PROBLEM_SEVERITIES, PROBLEM_SOURCES } from '../../../../../common/problems';
import { ZMeasureInput, ZUpdateProblem } from '../../../../../common/problems.schema';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { ApiError } from '../../../lib/api';
import { beforeToday, dayjs } from '../../../lib/format';
import type { DeadlineType, ProblemDetail, ProblemInput } from '../api/problems';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

/** The limits the server validates (common/problems.schema.ts). */
const LIMITS = {
  title: maxLengthOf(ZUpdateProblem.shape.title),
  description: maxLengthOf(ZUpdateProblem.shape.description),
  category: maxLengthOf(ZUpdateProblem.shape.category),
  measure: maxLengthOf(ZMeasureInput.shape.content),
  days: ZMeasureInput.shape.days.unwrap().maxValue ?? undefined,
};

export interface MeasureValues {
  content: string;
  ownerPersonId?: string | null;
  deadlineType: DeadlineType;
  deadline?: Dayjs | null;
  days?: number | null;
}

export interface ProblemFormValues {
  title: string;
  description?: string;
  source: ProblemInput['source'];
  category?: string;
  severity: ProblemInput['severity'];
  urgent?: boolean;
  unitId: string;
  responsiblePersonId?: string | null;
  leaderPersonId?: string | null;
  measures: MeasureValues[];
}

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

export const NEW_PROBLEM_VALUES: Partial<ProblemFormValues> = {
  source: 'daily',
  severity: 'general',
  urgent: false,
  measures: [{ content: '', deadlineType: 'working', days: 10 }],
};

export function valuesOf(p: ProblemDetail): ProblemFormValues {
  return {
    title: p.title,
    description: p.description,
    source: p.source,
    category: p.category,
    severity: p.severity,
    urgent: p.urgent,
    unitId: p.unitId,
    responsiblePersonId: p.responsiblePersonId,
    leaderPersonId: p.leaderPersonId,
    measures: p.measures.map((m) => ({
      content: m.content,
      ownerPersonId: m.ownerPersonId,
      deadlineType: m.deadlineType,
      deadline: m.deadlineType === 'date' && m.deadline ? dayjs(m.deadline) : null,
      days: m.deadlineType === 'date' ? null : m.deadlineDays,
    })),
  };
}

export function inputOf(v: ProblemFormValues): ProblemInput {
  return {
    title: v.title,
    description: v.description ?? '',
    source: v.source,
    category: v.category ?? '',
    severity: v.severity,
    urgent: !!v.urgent,
    unitId: v.unitId,
    responsiblePersonId: v.responsiblePersonId ?? null,
    leaderPersonId: v.leaderPersonId ?? null,
    measures: v.measures.map((m) => ({
      content: m.content,
      ownerPersonId: m.ownerPersonId ?? null,
      deadlineType: m.deadlineType,
      ...(m.deadlineType === 'date'
        ? { deadline: m.deadline ? m.deadline.format('YYYY-MM-DD') : undefined }
        : { days: m.days ?? undefined }),
    })),
  };
}

/**
 * Put the server's field errors (`measures.0.deadline`) on the matching items; a measure's
 * deadline error goes to its 天数 box when the measure counts days. Returns false when none fit.
 */
export function applyProblemErrors(form: FormInstance<ProblemFormValues>, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const list = [...error.fields];
  if (error.field && !list.some((f) => f.field === error.field))
    list.unshift({ field: error.field, message: error.message });
  const measures = form.getFieldValue('measures') as MeasureValues[] | undefined;
  const placed = list
    .map((f) => {
      const path: (string | number)[] = f.field.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
      if (path[0] === 'measures' && typeof path[1] === 'number' && path[2] === 'deadline') {
        if (measures?.[path[1]]?.deadlineType !== 'date') path[2] = 'days';
      }
      if (path[0] === 'measures' && path.length === 1) return null;
      return { name: path, errors: [f.message] };
    })
    .filter((x): x is { name: (string | number)[]; errors: string[] } => !!x && isKnown(form, x.name));
  form.setFields(placed as Parameters<typeof form.setFields>[0]);
  return placed.length > 0;
}

function isKnown(form: FormInstance, name: (string | number)[]): boolean {
  return form.getFieldsError().some((f) => f.name.join('.') === name.join('.'));
}

function MeasureDeadline({ index }: { index: number }) {
  const type = Form.useWatch(['measures', index, 'deadlineType']) as DeadlineType | undefined;
  return (
    <Flex gap={8} wrap>
      <Form.Item name={[index, 'deadlineType']} noStyle>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'date', label: '指定日期' },
            { value: 'calendar', label: '自然日' },
            { value: 'working', label: '工作日' },
          ]}
        />
      </Form.Item>
      {type === 'date' ? (
        <Form.Item
          name={[index, 'deadline']}
          rules={[{ required: true, message: '请选择整改时限' }]}
          style={{ margin: 0 }}
        >
          <DatePicker disabledDate={beforeToday} placeholder="整改时限" aria-label={`措施${index + 1}整改时限`} />
        </Form.Item>
      ) : (
        <Form.Item name={[index, 'days']} rules={[{ required: true, message: '请填写天数' }]} style={{ margin: 0 }}>
          <InputNumber
            min={1}
            max={LIMITS.days}
            precision={0}
            suffix={type === 'working' ? '个工作日' : '天'}
            aria-label={`措施${index + 1}天数`}
            style={{ width: 150 }}
          />
        </Form.Item>
      )}
    </Flex>
  );
}

/** The four lists of a problem: 问题、措施、责任、时限 (时限 per measure). */
export function ProblemFormFields() {
  const unitId = Form.useWatch('unitId') as string | undefined;
  return (
    <>
      <Card size="small" title="问题清单" style={{ marginBottom: 16 }}>
        <TextItem
          max={LIMITS.title}
          name="title"
          label="问题标题"
          rules={[{ required: true, whitespace: true, message: '请填写问题标题' }]}
        >
          <Input />
        </TextItem>
        <TextItem max={LIMITS.description} name="description" label="问题描述">
          <Input.TextArea rows={4} />
        </TextItem>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="source" label="问题来源" rules={[{ required: true, message: '请选择问题来源' }]}>
              <Select options={options(PROBLEM_SOURCES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <TextItem max={LIMITS.category} name="category" label="问题类别">
              <Input placeholder="如：作风建设" />
            </TextItem>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="severity" label="严重程度" rules={[{ required: true, message: '请选择严重程度' }]}>
              <Select options={options(PROBLEM_SEVERITIES)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={4}>
            <Form.Item name="urgent" label=" " valuePropName="checked">
              <Checkbox>紧急（直接红色预警）</Checkbox>
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title="责任清单" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="unitId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
              <UnitSelect placeholder="选择责任单位" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="responsiblePersonId" label="责任人" extra="留空则默认为单位主要负责人">
              <PersonSelect unitId={unitId} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="leaderPersonId" label="分管县领导" extra="留空则默认为单位的分管县领导">
              <PersonSelect />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title="措施清单与时限清单" style={{ marginBottom: 16 }}>
        <Form.List name="measures">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  type="inner"
                  title={`措施${index + 1}`}
                  style={{ marginBottom: 12 }}
                  extra={
                    fields.length > 1 ? (
                      <Button type="text" danger icon={<MinusCircleOutlined />} onClick={() => remove(field.name)}>
                        删除
                      </Button>
                    ) : null
                  }
                >
                  <TextItem
                    max={LIMITS.measure}
                    name={[field.name, 'content']}
                    label="整改措施"
                    rules={[{ required: true, whitespace: true, message: '请填写整改措施' }]}
                  >
                    <Input.TextArea rows={2} aria-label={`措施${index + 1}内容`} />
                  </TextItem>
                  <Row gutter={16}>
                    <Col xs={24} md={10}>
                      <Form.Item name={[field.name, 'ownerPersonId']} label="措施责任人">
                        <PersonSelect unitId={unitId} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={14}>
                      <Form.Item label="整改时限" required extra="天数自交办之日起计算，工作日按节假日安排">
                        <MeasureDeadline index={field.name} />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ content: '', deadlineType: 'working', days: 10 })}
                block
              >
                增加措施
              </Button>
            </>
          )}
        </Form.List>
      </Card>
    </>
  );
}
