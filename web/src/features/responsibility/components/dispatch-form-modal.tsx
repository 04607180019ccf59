import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { DISPATCH_KINDS, RECIPIENT_KINDS, SOURCE_TYPES } from '../../../../../common/responsibility';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { FormModal } from '../../../components/form-modal';
import { currentPeriod, dayjs, formatDate } from '../../../lib/format';
import { notifySuccess, submitForm } from '../../../lib/notify';
import { useCreateDispatch, useDispatchSource, useWorkingDate } from '../api/responsibility';
import { ZCreateDispatch } from '../../../../../common/responsibility.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const options = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

interface ItemValues {
  content: string;
  target?: string;
  deadlineType: 'working' | 'date';
  days?: number;
  date?: Dayjs;
}

interface Values {
  kind: keyof typeof DISPATCH_KINDS;
  year: number;
  quarter?: number;
  recipientKind: keyof typeof RECIPIENT_KINDS;
  recipientPersonId?: string;
  unitId?: string;
  title?: string;
  note?: string;
  sourceType?: keyof typeof SOURCE_TYPES;
  sourceId?: string;
  items: ItemValues[];
}

/** The date a working-day deadline falls on (counted from today by the platform calendar). */
function WorkingDate({ days }: { days?: number }) {
  const today = dayjs().format('YYYY-MM-DD');
  const { data } = useWorkingDate(today, days ?? null);
  if (!days || !data) return null;
  return <Typography.Text type="secondary">截止 {formatDate(data.date)}</Typography.Text>;
}

/** 新建派单: kind, period, recipient and the items with their deadlines; saved as a draft, issued from its page. */
export function DispatchFormModal({
  onClose,
  source,
}: {
  onClose: () => void;
  /** A 增派单 made from a problem, finding, warning or case. */
  source?: { sourceType: keyof typeof SOURCE_TYPES; sourceId: string };
}) {
  const [form] = Form.useForm<Values>();
  const create = useCreateDispatch();
  const navigate = useNavigate();
  const kind = Form.useWatch('kind', form);
  const recipientKind = Form.useWatch('recipientKind', form);
  const items = Form.useWatch('items', form) ?? [];
  const { year, quarter } = currentPeriod();
  // From a source: its leader in charge (else its unit's leadership) and a first item, for the office to edit.
  const { data: from } = useDispatchSource(source);
  useEffect(() => {
    if (!from) return;
    form.setFieldsValue({
      recipientKind: from.leaderPersonId ? 'leader' : 'leadership',
      recipientPersonId: from.leaderPersonId ?? undefined,
      unitId: from.unitId ?? undefined,
      title: `增派单：${from.title}`,
      note: `来源：${SOURCE_TYPES[from.sourceType as keyof typeof SOURCE_TYPES] ?? ''} ${from.code}`,
      items: [{ content: from.content, deadlineType: 'working', days: 10 }],
    });
  }, [from, form]);
  const submit = (v: Values) =>
    submitForm(form, async () => {
      const d = await create.mutateAsync({
        kind: v.kind,
        year: v.year,
        quarter: v.kind === 'quarterly' ? (v.quarter ?? null) : null,
        recipientKind: v.recipientKind,
        recipientPersonId: v.recipientKind === 'leader' ? (v.recipientPersonId ?? null) : null,
        unitId: v.recipientKind === 'leader' ? null : (v.unitId ?? null),
        title: v.title ?? '',
        note: v.note ?? '',
        sourceType: v.kind === 'extra' ? (v.sourceType ?? null) : null,
        sourceId: v.kind === 'extra' ? v.sourceId?.trim() || null : null,
        items: v.items.map((i) => ({
          catalogueItemId: null,
          category: '',
          evidence: '',
          content: i.content,
          target: i.target ?? '',
          deadline:
            i.deadlineType === 'date' ? { date: i.date?.format('YYYY-MM-DD') ?? '' } : { workingDays: i.days ?? 0 },
        })),
      });
      notifySuccess(`派单 ${d.code} 已保存为草稿，请核对后派发`);
      onClose();
      void navigate(`/responsibility/dispatches/${d.id}`);
    });
  return (
    <FormModal form={form} title="新建派单" okText="保存" pending={create.isPending} onClose={onClose} width={820}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: source ? 'extra' : 'quarterly',
          year,
          quarter,
          recipientKind: 'leader',
          sourceType: source?.sourceType,
          sourceId: source?.sourceId,
          items: [{ content: '', deadlineType: 'working', days: 10 }],
        }}
      >
        <Flex gap={12}>
          <Form.Item name="kind" label="派单类型" rules={[{ required: true }]} style={{ width: 160 }}>
            <Select options={options(DISPATCH_KINDS)} />
          </Form.Item>
          <Form.Item name="year" label="年度" rules={[{ required: true }]} style={{ width: 120 }}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          {kind === 'quarterly' ? (
            <Form.Item
              name="quarter"
              label="季度"
              rules={[{ required: true, message: '请选择季度' }]}
              style={{ width: 120 }}
            >
              <Select options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="recipientKind" label="派单对象" rules={[{ required: true }]} style={{ width: 160 }}>
            <Select options={options(RECIPIENT_KINDS)} />
          </Form.Item>
          {recipientKind === 'leader' ? (
            <Form.Item
              name="recipientPersonId"
              label="县级领导"
              rules={[{ required: true, message: '请选择县级领导' }]}
              style={{ flex: 1 }}
            >
              <PersonSelect />
            </Form.Item>
          ) : (
            <Form.Item
              name="unitId"
              label="单位"
              rules={[{ required: true, message: '请选择单位' }]}
              style={{ flex: 1 }}
            >
              <UnitSelect />
            </Form.Item>
          )}
        </Flex>
        {kind === 'extra' ? (
          <Flex gap={12}>
            <Form.Item
              name="sourceType"
              label="来源类型"
              rules={[{ required: true, message: '增派单须注明来源' }]}
              style={{ width: 200 }}
            >
              <Select options={options(SOURCE_TYPES)} />
            </Form.Item>
            <Form.Item
              name="sourceId"
              label="来源对象"
              rules={[{ required: true, message: '请从来源页面发起增派单，或填写来源对象的ID' }]}
              style={{ flex: 1 }}
            >
              <Input placeholder="从问题、发现、预警或案件页面发起时自动填写" disabled={!!source} />
            </Form.Item>
          </Flex>
        ) : null}
        <TextItem max={maxLengthOf(ZCreateDispatch.shape.title)} name="title" label="标题">
          <Input placeholder="不填时按期间和对象自动生成" />
        </TextItem>
        <TextItem max={maxLengthOf(ZCreateDispatch.shape.note)} name="note" label="说明">
          <Input.TextArea rows={2} />
        </TextItem>
        <Typography.Text strong>责任事项</Typography.Text>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="start" style={{ marginTop: 8 }}>
                  <Form.Item
                    name={[field.name, 'content']}
                    rules={[{ required: true, whitespace: true, message: '请填写责任内容' }]}
                    style={{ flex: 2, marginBottom: 0 }}
                  >
                    <Input.TextArea rows={1} placeholder={`责任事项 ${i + 1}`} aria-label={`责任内容${i + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'target']} style={{ flex: 1, marginBottom: 0 }}>
                    <Input placeholder="量化指标" aria-label={`量化指标${i + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'deadlineType']} style={{ width: 96, marginBottom: 0 }}>
                    <Select
                      options={[
                        { value: 'working', label: '工作日' },
                        { value: 'date', label: '日期' },
                      ]}
                    />
                  </Form.Item>
                  {items[i]?.deadlineType === 'date' ? (
                    <Form.Item
                      name={[field.name, 'date']}
                      rules={[{ required: true, message: '请选择截止日期' }]}
                      style={{ width: 150, marginBottom: 0 }}
                    >
                      <DatePicker placeholder="截止日期" />
                    </Form.Item>
                  ) : (
                    <Flex vertical style={{ width: 150 }}>
                      <Form.Item
                        name={[field.name, 'days']}
                        rules={[{ required: true, message: '请填写工作日数' }]}
                        style={{ marginBottom: 0 }}
                      >
                        <InputNumber min={1} max={250} suffix="个工作日" style={{ width: '100%' }} />
                      </Form.Item>
                      <WorkingDate days={items[i]?.days} />
                    </Flex>
                  )}
                  {fields.length > 1 ? (
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label="删除此项"
                      onClick={() => remove(field.name)}
                    />
                  ) : null}
                </Flex>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                style={{ marginTop: 8 }}
                onClick={() => add({ content: '', deadlineType: 'working', days: 10 })}
              >
                添加责任事项
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
