import { Button, Checkbox, Form, Input, Modal, Popconfirm, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  APPEAL_KINDS,
  APPEAL_RESULTS,
  CASE_EVENTS,
  type CaseEventType,
  CIRCUMSTANCES,
  DUTIES,
  FACTS,
  FORMS,
  FORM_KEYS,
  type FormKey,
  JOINT_REVIEW_OFFICES,
  RESPONSIBILITIES,
  THREE_DISTINCTIONS,
  TOLERANCE_OUTCOMES,
} from '../../../../../common/cases';
import { ZCaseEvent } from '../../../../../common/cases.schema';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { applyFormErrors, notifyError, notifySuccess } from '../../../lib/notify';
import { type CaseDetail, type CaseSubject, useCaseEvent } from '../api/cases';
import { maxLengthOf } from '../../../lib/schema-limits';

/** The limits the server validates (common/cases.schema.ts). */
const LIMITS = {
  comment: maxLengthOf(ZCaseEvent.shape.comment),
  fact: maxLengthOf(ZCaseEvent.shape.facts.unwrap().valueType),
  defense: maxLengthOf(ZCaseEvent.shape.defense),
};

/** Events that need no input beyond a confirmation. */
const CONFIRM_ONLY: Partial<Record<CaseEventType, string>> = {
  approve_launch: '批准启动调查？',
  issue_statement: '向全部问责对象出示书面事实材料？',
  close: '确认结案？结案后只能通过纠错程序变更决定。',
};
const PRIMARY: CaseEventType[] = ['approve_launch', 'determine', 'sign_joint_review', 'decide', 'execute', 'close'];

const formOptions = (kind: string, s: CaseSubject) =>
  FORM_KEYS.filter((k) => {
    const d = FORMS[k];
    return (d.kinds as readonly string[]).includes(kind) && (d.subject === 'both' || d.subject === s.subjectType);
  }).map((k) => ({ value: k, label: FORMS[k].proposeOnly ? `${k}（提出建议）` : k }));

/** The commission may only propose 组织调整/改组: the mode follows from the form. */
const toForms = (keys: FormKey[] = []) =>
  keys.map((form) => ({ form, mode: FORMS[form].proposeOnly ? 'propose' : 'impose' }));

function SubjectForms({ c, label }: { c: CaseDetail; label: string }) {
  return (
    <>
      {c.subjects.map((s) => (
        <Form.Item key={s.id} name={['forms', s.id]} label={`${label}：${s.name}`} extra="不选即不予问责（免予问责）">
          <Select
            mode="multiple"
            options={formOptions(c.kind, s)}
            placeholder="选择问责方式"
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      ))}
    </>
  );
}

function fieldsFor(type: CaseEventType, c: CaseDetail) {
  const subjectSelect = (
    <Form.Item name="subjectId" label="问责对象" rules={[{ required: true, message: '请选择问责对象' }]}>
      <Select options={c.subjects.map((s) => ({ value: s.id, label: s.name }))} />
    </Form.Item>
  );
  const pending = c.appeals.filter((a) => a.state === 'pending');
  const appealSelect = (
    <Form.Item name="appealId" label="申诉" rules={[{ required: true, message: '请选择申诉' }]}>
      <Select
        options={pending.map((a) => ({
          value: a.id,
          label: `${c.subjects.find((s) => s.id === a.subjectId)?.name ?? ''} · ${a.kindLabel} · ${a.filedOn}`,
        }))}
      />
    </Form.Item>
  );
  const comment = (label: string, required = true) => (
    <Form.Item name="comment" label={label} rules={required ? [{ required: true, message: `请填写${label}` }] : []}>
      <Input.TextArea rows={3} maxLength={LIMITS.comment} />
    </Form.Item>
  );
  switch (type) {
    case 'reject_launch':
      return comment('不予启动的理由');
    case 'record_facts':
      return Object.entries(FACTS).map(([k, label]) => (
        <Form.Item key={k} name={['facts', k]} label={label}>
          <Input.TextArea rows={3} maxLength={LIMITS.fact} />
        </Form.Item>
      ));
    case 'record_defense':
      return (
        <>
          {subjectSelect}
          <Form.Item
            name="defense"
            label="陈述和申辩意见"
            rules={[{ required: true, message: '请填写陈述和申辩意见' }]}
          >
            <Input.TextArea rows={4} maxLength={LIMITS.defense} />
          </Form.Item>
          <Form.Item name="signed" valuePropName="checked">
            <Checkbox>问责对象已在事实材料上签字确认</Checkbox>
          </Form.Item>
        </>
      );
    case 'determine':
      return c.subjects.map((s) => (
        <div key={s.id} style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 12 }}>
          <Typography.Title level={5}>{s.name}</Typography.Title>
          <Space wrap>
            <Form.Item
              name={['det', s.id, 'responsibility']}
              label="责任类型"
              rules={[{ required: true, message: '请选择' }]}
            >
              <Select
                style={{ width: 160 }}
                options={Object.entries(RESPONSIBILITIES).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item name={['det', s.id, 'duty']} label="责任环节" rules={[{ required: true, message: '请选择' }]}>
              <Select
                style={{ width: 140 }}
                options={Object.entries(DUTIES).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          </Space>
          {(Object.keys(CIRCUMSTANCES) as (keyof typeof CIRCUMSTANCES)[]).map((g) => (
            <Form.Item key={g} name={['det', s.id, 'circumstances', g]} label={CIRCUMSTANCES[g].label}>
              <Checkbox.Group
                options={Object.entries(CIRCUMSTANCES[g].items).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
          ))}
          <Form.Item name={['det', s.id, 'tolerance', 'outcome']} label="容错纠错（三个区分开来）">
            <Select
              allowClear
              placeholder="不涉及容错"
              options={Object.entries(TOLERANCE_OUTCOMES).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Form.Item name={['det', s.id, 'tolerance', 'distinctions']} label="三个区分开来">
            <Checkbox.Group options={Object.entries(THREE_DISTINCTIONS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name={['det', s.id, 'tolerance', 'reasons']} label="容错理由（事前备案、集体决策等）">
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </div>
      ));
    case 'request_prereview':
      return comment('提请提级预审的理由');
    case 'record_prereview':
      return comment('上级纪委监委预审意见');
    case 'sign_joint_review':
      return (
        <>
          <Typography.Paragraph>以{c.myOffice ? JOINT_REVIEW_OFFICES[c.myOffice] : ''}名义签署</Typography.Paragraph>
          {comment('联审意见')}
        </>
      );
    case 'decide':
      return (
        <>
          <Form.Item
            name="decisionDate"
            label="决定日期"
            rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}
          >
            <Input placeholder="YYYY-MM-DD，默认今天" />
          </Form.Item>
          <SubjectForms c={c} label="处理" />
          {comment('决定说明', false)}
        </>
      );
    case 'correct':
      return (
        <>
          <SubjectForms c={c} label="纠正后处理" />
          {comment('纠错理由（第二十一条）')}
        </>
      );
    case 'execute':
      return comment('执行情况');
    case 'follow_up':
      return comment('回访情况');
    case 'appeal':
      return (
        <>
          {subjectSelect}
          <Form.Item name="appealKind" label="救济途径" rules={[{ required: true, message: '请选择' }]}>
            <Select
              options={(c.kind === 'party' ? ['appeal'] : ['reexamination', 'recheck']).map((k) => ({
                value: k,
                label: APPEAL_KINDS[k as keyof typeof APPEAL_KINDS],
              }))}
            />
          </Form.Item>
          <Form.Item
            name="filedOn"
            label="提出日期"
            rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}
          >
            <Input placeholder="YYYY-MM-DD，默认今天" />
          </Form.Item>
          {comment('申诉理由')}
        </>
      );
    case 'decide_appeal':
      return (
        <>
          {appealSelect}
          <Form.Item name="result" label="复查结论" rules={[{ required: true, message: '请选择复查结论' }]}>
            <Select options={Object.entries(APPEAL_RESULTS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="appealForms" label="变更后的处理（仅“变更为较轻处理”时填写，不得重于原决定）">
            <Select
              mode="multiple"
              options={FORM_KEYS.filter((k) => (FORMS[k].kinds as readonly string[]).includes(c.kind)).map((k) => ({
                value: k,
                label: k,
              }))}
            />
          </Form.Item>
          {comment('复查决定的理由')}
        </>
      );
    case 'pause_clock':
    case 'resume_clock':
      return (
        <>
          {appealSelect}
          <Form.Item
            name="date"
            label="日期"
            rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}
          >
            <Input placeholder="YYYY-MM-DD，默认今天" />
          </Form.Item>
          {comment(type === 'pause_clock' ? '中止计时的原因' : '恢复计时的说明')}
        </>
      );
    case 'spawn_dual':
      return (
        <>
          <Form.Item name="personIds" label="需追究领导责任的人员" rules={[{ required: true, message: '请选择人员' }]}>
            <PersonSelect multiple />
          </Form.Item>
          {comment('说明', false)}
        </>
      );
    case 'recommend':
      return (
        <>
          <Form.Item name="unitId" label="整改单位" rules={[{ required: true, message: '请选择整改单位' }]}>
            <UnitSelect />
          </Form.Item>
          {comment('以案促改建议')}
          <Form.Item
            name="deadline"
            label="整改期限"
            rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期格式应为 YYYY-MM-DD' }]}
          >
            <Input placeholder="YYYY-MM-DD，默认一个月" />
          </Form.Item>
        </>
      );
    default:
      return null;
  }
}

type Values = Record<string, unknown> & {
  forms?: Record<string, FormKey[]>;
  det?: Record<
    string,
    Record<string, unknown> & { tolerance?: { outcome?: string; distinctions?: string[]; reasons?: string } }
  >;
  appealForms?: FormKey[];
};

/** Turns the modal's values into the event body the server expects. */
function bodyOf(type: CaseEventType, c: CaseDetail, v: Values): Record<string, unknown> {
  const { forms, det, appealForms, ...rest } = v;
  const clean = Object.fromEntries(Object.entries(rest).filter(([, x]) => x !== undefined && x !== ''));
  if (type === 'decide' || type === 'correct') {
    return { ...clean, decisions: c.subjects.map((s) => ({ subjectId: s.id, forms: toForms(forms?.[s.id]) })) };
  }
  if (type === 'decide_appeal') return { ...clean, forms: toForms(appealForms) };
  if (type === 'determine') {
    return {
      ...clean,
      determinations: c.subjects.map((s) => {
        const d = det?.[s.id] ?? {};
        const t = d.tolerance;
        return {
          subjectId: s.id,
          responsibility: d.responsibility,
          duty: d.duty,
          circumstances: d.circumstances ?? {},
          ...(t?.outcome
            ? {
                tolerance: {
                  outcome: t.outcome,
                  reasons: t.reasons ?? '',
                  distinctions: Object.fromEntries((t.distinctions ?? []).map((k) => [k, true])),
                },
              }
            : {}),
        };
      }),
    };
  }
  if (type === 'sign_joint_review') return { ...clean, office: c.myOffice };
  return clean;
}

/** The buttons of the actions the caller may take now, each with its form. */
export function CaseActions({ c }: { c: CaseDetail }) {
  const fire = useCaseEvent(c.id);
  const [open, setOpen] = useState<CaseEventType | null>(null);
  const [form] = Form.useForm<Values>();

  const send = async (type: CaseEventType, values: Values = {}) => {
    try {
      await fire.mutateAsync({ type, version: c.version, ...bodyOf(type, c, values) });
      notifySuccess(`${CASE_EVENTS[type]}：已完成`);
      setOpen(null);
      form.resetFields();
    } catch (e) {
      if (!applyFormErrors(form, e)) notifyError(e);
    }
  };

  const openModal = (type: CaseEventType) => {
    form.resetFields();
    if (type === 'record_facts') form.setFieldsValue({ facts: c.facts });
    if (type === 'correct')
      form.setFieldsValue({ forms: Object.fromEntries(c.subjects.map((s) => [s.id, s.forms.map((f) => f.form)])) });
    setOpen(type);
  };

  return (
    <>
      <Space wrap data-testid="case-actions">
        {c.actions.map((type) =>
          CONFIRM_ONLY[type] ? (
            <Popconfirm
              key={type}
              title={CONFIRM_ONLY[type]}
              okText="确定"
              cancelText="取消"
              onConfirm={() => send(type)}
            >
              <Button
                type={PRIMARY.includes(type) ? 'primary' : 'default'}
                loading={fire.isPending && fire.variables?.type === type}
              >
                {CASE_EVENTS[type]}
              </Button>
            </Popconfirm>
          ) : (
            <Button key={type} type={PRIMARY.includes(type) ? 'primary' : 'default'} onClick={() => openModal(type)}>
              {CASE_EVENTS[type]}
            </Button>
          ),
        )}
      </Space>
      <Modal
        open={open !== null}
        title={open ? CASE_EVENTS[open] : ''}
        okText="提交"
        cancelText="取消"
        width={open === 'determine' ? 860 : 640}
        confirmLoading={fire.isPending}
        onCancel={() => setOpen(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form<Values> form={form} layout="vertical" onFinish={(v) => open && send(open, v)} preserve={false}>
          {open ? fieldsFor(open, c) : null}
        </Form>
      </Modal>
    </>
  );
}
