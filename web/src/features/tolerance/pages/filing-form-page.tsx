import { Alert, Button, DatePicker, Flex, Form, Input, Radio, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { PageForm } from '../../../components/page-form';
import { PageHeader } from '../../../components/page-header';
import { dayjs } from '../../../lib/format';
import { notifySuccess, submitForm } from '../../../lib/notify';
import { useMe } from '../../../lib/session';
import { useFiling, useSaveFiling } from '../api/tolerance';
import { ToleranceListFields } from '../../../components/tolerance-list-fields';
import { ZCreateFiling } from '../../../../../common/tolerance.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

interface Values {
  unitId: string;
  personIds: string[];
  matter: string;
  decision: string;
  basis: string;
  exploratory: boolean;
  minutes: string;
  dissent?: string;
  risk: string;
  decidedOn: Dayjs;
  reviewOn: Dayjs;
  toleranceItems?: string[];
  exclusionItems?: string[];
}

/** A UUID for Idempotency-Key (crypto.randomUUID needs a secure context; plain-HTTP intranets lack it). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

const required = (label: string) => [{ required: true, whitespace: true, message: `请填写${label}` }];

/** 新建/修改 容错免责事前备案: every field reachable by Tab, Ctrl+Enter submits. */
export function FilingFormPage() {
  const { id } = useParams();
  const editing = useFiling(id);
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const save = useSaveFiling(id);
  const me = useMe();
  const [key] = useState(newKey);
  // Which button submitted the form (read when validation has passed).
  const submitNow = useRef(false);
  const unitId = Form.useWatch('unitId', form);

  useEffect(() => {
    const f = editing.data;
    if (f) form.setFieldsValue({ ...f, decidedOn: dayjs(f.decidedOn), reviewOn: dayjs(f.reviewOn) });
  }, [editing.data, form]);
  useEffect(() => {
    const own = me.data?.roles.find((r) => r.unitId)?.unitId;
    if (!id && own && !form.getFieldValue('unitId')) form.setFieldValue('unitId', own);
  }, [me.data, id, form]);

  const finish = (v: Values, submit: boolean) =>
    submitForm(form, async () => {
      const input = {
        unitId: v.unitId,
        personIds: v.personIds,
        matter: v.matter.trim(),
        decision: v.decision.trim(),
        basis: v.basis.trim(),
        exploratory: v.exploratory,
        minutes: v.minutes.trim(),
        dissent: v.dissent?.trim() ?? '',
        risk: v.risk.trim(),
        decidedOn: v.decidedOn.format('YYYY-MM-DD'),
        reviewOn: v.reviewOn.format('YYYY-MM-DD'),
        toleranceItems: v.toleranceItems ?? [],
        exclusionItems: v.exclusionItems ?? [],
      };
      const f = await save.mutateAsync({ input, submit, version: editing.data?.version, key });
      notifySuccess(submit ? '备案已提交，等待委领导审批' : '备案已保存');
      void navigate(`/tolerance-filings/${f.id}`, { replace: true });
    });

  if (id && editing.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  return (
    <>
      <PageHeader
        title={id ? `修改备案 ${editing.data?.code ?? ''}` : '新建容错免责事前备案'}
        subTitle="作出探索性、试点性重大决策前报备，留存政策依据、集体决策和不同意见"
      />
      {editing.data?.returnReason ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`退回理由：${editing.data.returnReason}`} />
      ) : null}
      <PageForm<Values>
        form={form}
        name="filing"
        maxWidth={860}
        pending={save.isPending}
        initialValues={{ exploratory: true, personIds: [], dissent: '' }}
        onFinish={(v) => void finish(v, submitNow.current)}
        onShortcut={() => {
          submitNow.current = false;
        }}
      >
        <Form.Item name="unitId" label="备案单位" rules={[{ required: true, message: '请选择备案单位' }]}>
          <UnitSelect placeholder="选择备案单位" allowClear={false} />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateFiling.shape.matter)}
          name="matter"
          label="备案事项"
          rules={[...required('备案事项')]}
        >
          <Input aria-label="备案事项" placeholder="如：老旧小区改造“先改后补”试点" />
        </TextItem>
        <TextItem
          max={maxLengthOf(ZCreateFiling.shape.decision)}
          name="decision"
          label="决策内容（已作出或拟作出）"
          rules={[...required('决策内容')]}
        >
          <Input.TextArea rows={3} aria-label="决策内容" />
        </TextItem>
        <TextItem
          max={maxLengthOf(ZCreateFiling.shape.basis)}
          name="basis"
          label="政策依据"
          rules={[...required('政策依据')]}
        >
          <Input.TextArea rows={2} aria-label="政策依据" />
        </TextItem>
        <ToleranceListFields positiveName="toleranceItems" negativeName="exclusionItems" required />
        <Form.Item name="exploratory" label="是否属于改革试点、探索性工作">
          <Radio.Group
            aria-label="是否属于改革试点、探索性工作"
            options={[
              { value: true, label: '是（探索性、试点性）' },
              { value: false, label: '否' },
            ]}
          />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateFiling.shape.minutes)}
          name="minutes"
          label="集体决策会议纪要"
          rules={[...required('集体决策会议纪要')]}
          extra="纪要原件可在保存后上传"
        >
          <Input.TextArea rows={3} aria-label="集体决策会议纪要" />
        </TextItem>
        <TextItem
          max={maxLengthOf(ZCreateFiling.shape.dissent)}
          name="dissent"
          label="明确提出反对意见的人员和意见"
          extra="没有反对意见的可不填"
        >
          <Input.TextArea rows={2} aria-label="反对意见" />
        </TextItem>
        <TextItem
          max={maxLengthOf(ZCreateFiling.shape.risk)}
          name="risk"
          label="风险评估及防控措施"
          rules={[...required('风险评估')]}
        >
          <Input.TextArea rows={2} aria-label="风险评估" />
        </TextItem>
        <Flex gap={16} wrap>
          <Form.Item name="decidedOn" label="决策日期" rules={[{ required: true, message: '请选择决策日期' }]}>
            <DatePicker aria-label="决策日期" />
          </Form.Item>
          <Form.Item
            name="reviewOn"
            label="复核日期"
            dependencies={['decidedOn']}
            rules={[
              { required: true, message: '请选择复核日期' },
              ({ getFieldValue }) => ({
                validator: (_, v?: Dayjs) =>
                  !v || !getFieldValue('decidedOn') || !v.isBefore(getFieldValue('decidedOn'), 'day')
                    ? Promise.resolve()
                    : Promise.reject(new Error('复核日期不能早于决策日期')),
              }),
            ]}
          >
            <DatePicker aria-label="复核日期" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="personIds"
          label="责任人"
          rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一名责任人' }]}
        >
          <PersonSelect multiple unitId={unitId} placeholder="输入姓名搜索责任人" />
        </Form.Item>
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => void navigate(id ? `/tolerance-filings/${id}` : '/tolerance-filings')}>取消</Button>
          <Button
            htmlType="submit"
            onClick={() => {
              submitNow.current = false;
            }}
            loading={save.isPending && !submitNow.current}
          >
            保存草稿
          </Button>
          {id ? null : (
            <Button
              type="primary"
              htmlType="submit"
              onClick={() => {
                submitNow.current = true;
              }}
              loading={save.isPending && submitNow.current}
            >
              提交备案
            </Button>
          )}
        </Flex>
      </PageForm>
    </>
  );
}
