import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ESCALATION_TARGETS, FINDING_EVENTS } from '../../../../../common/patrol';
import { PROBLEM_SEVERITIES } from '../../../../../common/problems';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { applyFormErrors, notifyError, notifySuccess, validValues } from '../../../lib/notify';
import { type Finding, useFindings, usePatrolWrite } from '../api/patrol';
import { ZFindingEvent } from '../../../../../common/patrol.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { beforeToday } from '../../../lib/format';
import { TextItem } from '../../../components/text-item';

const ymd = (d?: Dayjs) => d?.format('YYYY-MM-DD');
interface Values {
  [key: string]: unknown;
  deadline?: Dayjs;
  actions?: { deadline?: Dayjs; unitId?: string }[];
}

/** The office's decisions on a finding: merge, dispatch as a problem, escalate, record instructions, close. */
export function FindingActions({ finding }: { finding: Finding }) {
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState<string | null>(null);
  const fire = usePatrolWrite<Finding>(`/findings/${finding.id}/events`);
  const candidates = useFindings({ pageSize: 100, state: 'submitted' });
  const unitId = Form.useWatch('unitId', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (open === 'dispatch') {
      form.setFieldsValue({ unitId: finding.unitId, measure: finding.suggestion, severity: finding.severity });
    }
    if (open === 'instruct') form.setFieldsValue({ actions: [{ unitId: finding.unitId }] });
  }, [open, finding, form]);

  const send = (v: Values) =>
    fire.mutate(
      {
        ...v,
        type: open,
        version: finding.version,
        deadline: ymd(v.deadline),
        actions: v.actions?.map((a) => ({ ...a, deadline: ymd(a.deadline) })),
      },
      {
        onSuccess: () => {
          notifySuccess(`已${FINDING_EVENTS[open as keyof typeof FINDING_EVENTS]}`);
          setOpen(null);
        },
        onError: (e) => {
          if (!applyFormErrors(form, e)) notifyError(e);
        },
      },
    );

  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    if (open === 'close' || open === 'merge') {
      modal.confirm({
        title: open === 'close' ? '确认办结该督导发现？' : '确认合并为重复问题？',
        content: open === 'close' ? '办结后不再交办为问题。' : '合并后本条不再单独处理，由目标督导发现一并处理。',
        okText: '确定',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () => send(v),
      });
      return;
    }
    send(v);
  };

  const title = open ? FINDING_EVENTS[open as keyof typeof FINDING_EVENTS] : '';
  return (
    <>
      <Flex gap={8} wrap>
        {finding.actions.map((a) => (
          <Button
            key={a}
            type={a === 'dispatch' ? 'primary' : 'default'}
            danger={a === 'close'}
            onClick={() => setOpen(a)}
          >
            {FINDING_EVENTS[a as keyof typeof FINDING_EVENTS]}
          </Button>
        ))}
      </Flex>
      <Modal
        title={title}
        open={!!open}
        onCancel={() => setOpen(null)}
        onOk={() => void submit()}
        okText="确定"
        cancelText="取消"
        okButtonProps={{ loading: fire.isPending, danger: open === 'close' }}
        width={open === 'instruct' ? 760 : 560}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {open === 'merge' ? (
            <Form.Item name="targetId" label="合并到" rules={[{ required: true, message: '请选择要合并到的督导发现' }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(candidates.data?.items ?? [])
                  .filter((f) => f.id !== finding.id)
                  .map((f) => ({ value: f.id, label: `${f.code} ${f.unitName} ${f.title}` }))}
              />
            </Form.Item>
          ) : null}
          {open === 'dispatch' ? (
            <>
              <Form.Item name="unitId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
                <UnitSelect />
              </Form.Item>
              <Form.Item name="ownerPersonId" label="整改责任人">
                <PersonSelect unitId={unitId as string | undefined} placeholder="默认为单位主要负责人" />
              </Form.Item>
              <TextItem
                max={maxLengthOf(ZFindingEvent.shape.measure)}
                name="measure"
                label="整改措施"
                rules={[{ required: true, message: '请填写整改措施' }]}
              >
                <Input.TextArea rows={3} />
              </TextItem>
              <Form.Item name="deadline" label="整改时限" rules={[{ required: true, message: '请填写整改时限' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={beforeToday} />
              </Form.Item>
              <Form.Item name="severity" label="严重程度">
                <Select options={Object.entries(PROBLEM_SEVERITIES).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </>
          ) : null}
          {open === 'escalate' ? (
            <>
              <Form.Item name="escalateTo" label="上报对象" rules={[{ required: true, message: '请选择上报对象' }]}>
                <Radio.Group options={Object.entries(ESCALATION_TARGETS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
              <TextItem
                max={maxLengthOf(ZFindingEvent.shape.comment)}
                name="comment"
                label="上报理由"
                rules={[{ required: true, message: '请填写上报理由' }]}
              >
                <Input.TextArea rows={3} placeholder="跨部门跨区域难以协调，或紧急、重大问题" />
              </TextItem>
            </>
          ) : null}
          {open === 'instruct' ? (
            <>
              <TextItem
                max={maxLengthOf(ZFindingEvent.shape.instructedBy)}
                name="instructedBy"
                label="批示领导"
                rules={[{ required: true, message: '请填写批示领导' }]}
              >
                <Input placeholder="如：党工委书记" />
              </TextItem>
              <TextItem
                max={maxLengthOf(ZFindingEvent.shape.instruction)}
                name="instruction"
                label="批示内容"
                rules={[{ required: true, message: '请填写批示内容' }]}
              >
                <Input.TextArea rows={3} />
              </TextItem>
              <Form.List name="actions">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f) => (
                      <Flex key={f.key} gap={8} wrap align="start">
                        <Form.Item
                          name={[f.name, 'content']}
                          rules={[{ required: true, message: '请填写落实事项' }]}
                          style={{ flex: '2 1 200px' }}
                        >
                          <Input placeholder="落实事项" />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'unitId']}
                          rules={[{ required: true, message: '请选择责任单位' }]}
                          style={{ flex: '1 1 150px' }}
                        >
                          <UnitSelect placeholder="责任单位" />
                        </Form.Item>
                        <Form.Item
                          name={[f.name, 'ownerPersonId']}
                          rules={[{ required: true, message: '请选择责任人' }]}
                          style={{ flex: '1 1 150px' }}
                        >
                          <PersonSelect placeholder="责任人" />
                        </Form.Item>
                        <Form.Item name={[f.name, 'deadline']} rules={[{ required: true, message: '请选择完成时限' }]}>
                          <DatePicker placeholder="完成时限" disabledDate={beforeToday} />
                        </Form.Item>
                        <Button
                          type="text"
                          icon={<MinusCircleOutlined />}
                          onClick={() => remove(f.name)}
                          aria-label="删除事项"
                        />
                      </Flex>
                    ))}
                    <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
                      增加落实事项
                    </Button>
                  </>
                )}
              </Form.List>
            </>
          ) : null}
          {open === 'close' ? (
            <TextItem
              max={maxLengthOf(ZFindingEvent.shape.comment)}
              name="comment"
              label="办结理由"
              rules={[{ required: true, message: '请填写办结理由' }]}
            >
              <Input.TextArea rows={3} />
            </TextItem>
          ) : null}
        </Form>
      </Modal>
    </>
  );
}
