import { Button, Form, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { CASE_EVENTS, type CaseEventType, type FormKey } from '../../../../../common/cases';
import { applyFormErrors, notifyError, notifySuccess } from '../../../lib/notify';
import { type CaseDetail, useCaseEvent } from '../api/cases';

import { fieldsFor, toForms } from './case-action-fields';
import { investigatorIds } from './case-team-field';

const CONFIRM_ONLY: Partial<Record<CaseEventType, string>> = {
  approve_launch: '批准启动调查？',
  issue_statement: '向全部问责对象出示书面事实材料？',
  close: '确认结案？结案后只能通过纠错程序变更决定。',
};
const PRIMARY: CaseEventType[] = ['approve_launch', 'determine', 'sign_joint_review', 'decide', 'execute', 'close'];

type Values = Record<string, unknown> & {
  forms?: Record<string, FormKey[]>;
  det?: Record<
    string,
    Record<string, unknown> & {
      tolerance?: {
        outcome?: string;
        distinctions?: string[];
        reasons?: string;
        positiveItems?: string[];
        negativeItems?: string[];
      };
    }
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
                  positiveItems: t.positiveItems ?? [],
                  negativeItems: t.negativeItems ?? [],
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
    if (type === 'change_team') form.setFieldsValue({ teamUserIds: investigatorIds(c) });
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
