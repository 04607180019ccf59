import { Checkbox, DatePicker, Form, type FormRule, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import {
  APPEAL_KINDS,
  APPEAL_RESULTS,
  type CaseEventType,
  CIRCUMSTANCES,
  DUTIES,
  FACTS,
  FORMS,
  FORM_KEYS,
  type FormKey,
  JOINT_REVIEW_OFFICES,
  RESPONSIBILITIES,
  SERVICE_MANNERS,
  THREE_DISTINCTIONS,
  TOLERANCE_OUTCOMES,
} from '../../../../../common/cases';
import { ZCaseEvent, ZDetermination } from '../../../../../common/cases.schema';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { ToleranceListFields } from '../../../components/tolerance-list-fields';
import type { CaseDetail, CaseSubject } from '../api/cases';
import { TeamField } from './case-team-field';
import { useRuleItems } from '../../../lib/rule-items';
import { maxLengthOf } from '../../../lib/schema-limits';
import { afterToday, beforeToday, dayjs, formatDate } from '../../../lib/format';
import { TextItem } from '../../../components/text-item';

/** The limits the server validates (common/cases.schema.ts). */

export const LIMITS = {
  comment: maxLengthOf(ZCaseEvent.shape.comment),
  fact: maxLengthOf(ZCaseEvent.shape.facts.unwrap().valueType),
  defense: maxLengthOf(ZCaseEvent.shape.defense),
  decisionBody: maxLengthOf(ZCaseEvent.shape.decisionBody),
};

/** Events that need no input beyond a confirmation. */
const formOptions = (kind: string, s: CaseSubject, text: (form: string) => string) =>
  FORM_KEYS.filter((k) => {
    const d = FORMS[k];
    return (d.kinds as readonly string[]).includes(kind) && (d.subject === 'both' || d.subject === s.subjectType);
  }).map((k) => ({ value: k, label: FORMS[k].proposeOnly ? `${text(k)}（提出建议）` : text(k) }));

/** A form field's control (Form.Item passes value and onChange). */
interface FieldProps<T> {
  id?: string;
  value?: T;
  onChange?: (v: T) => void;
}

/** 第十七至十九条 circumstances of one group, worded as the version in force. */
function CircumstanceChecks({ group, ...field }: FieldProps<string[]> & { group: keyof typeof CIRCUMSTANCES }) {
  const { text } = useRuleItems('circumstances');
  return (
    <Checkbox.Group
      {...field}
      options={Object.keys(CIRCUMSTANCES[group].items).map((value) => ({ value, label: text(`${group}.${value}`) }))}
    />
  );
}

/** 问责方式 of a kind of case (第八条 / 政务处分), worded as the version in force. */
function FormKeysSelect({ kind, ...field }: FieldProps<string[]> & { kind: string }) {
  const { text } = useRuleItems('forms');
  return (
    <Select
      {...field}
      mode="multiple"
      options={FORM_KEYS.filter((k) => (FORMS[k].kinds as readonly string[]).includes(kind)).map((k) => ({
        value: k,
        label: text(k),
      }))}
    />
  );
}

/** The commission may only propose 组织调整/改组: the mode follows from the form. */
export const toForms = (keys: FormKey[] = []) =>
  keys.map((form) => ({ form, mode: FORMS[form].proposeOnly ? 'propose' : 'impose' }));

function SubjectForms({ c, label }: { c: CaseDetail; label: string }) {
  const { text } = useRuleItems('forms');
  return (
    <>
      {c.subjects.map((s) => (
        <Form.Item key={s.id} name={['forms', s.id]} label={`${label}：${s.name}`} extra="不选即不予问责（免予问责）">
          <Select
            mode="multiple"
            options={formOptions(c.kind, s, text)}
            placeholder="选择问责方式"
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      ))}
    </>
  );
}

/** The subject is asked only when serving the decision itself; a 复审决定 names its own subject. */
function UnlessReviewService({ children }: { children: ReactNode }) {
  return Form.useWatch('appealId') ? null : children;
}

export function fieldsFor(type: CaseEventType, c: CaseDetail) {
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
          label: `${c.subjects.find((s) => s.id === a.subjectId)?.name ?? ''} · ${a.kindLabel} · ${formatDate(a.filedOn)}`,
        }))}
      />
    </Form.Item>
  );
  /**
   * An optional day (YYYY-MM-DD on the wire) the server fills in when left empty: by default the day something
   * was done — today or before.
   */
  const dateItem = (name: string, label: string, placeholder = '默认今天', disabledDate = afterToday) => (
    <Form.Item
      name={name}
      label={label}
      getValueProps={(v?: string) => ({ value: v ? dayjs(v) : undefined })}
      normalize={(d?: Dayjs | null) => d?.format('YYYY-MM-DD')}
    >
      <DatePicker aria-label={label} placeholder={placeholder} disabledDate={disabledDate} />
    </Form.Item>
  );
  const comment = (label: string, required = true) => (
    <TextItem
      max={LIMITS.comment}
      name="comment"
      label={label}
      rules={required ? [{ required: true, message: `请填写${label}` }] : []}
    >
      <Input.TextArea rows={3} />
    </TextItem>
  );
  switch (type) {
    case 'reject_launch':
      return comment('不予启动的理由');
    case 'record_facts': {
      // The server refuses a record with no fact in it: the first field says so before anything is sent.
      const names = Object.keys(FACTS).map((k) => ['facts', k]);
      const someFact: FormRule = ({ getFieldValue }) => ({
        validator: () =>
          names.some((n) => String(getFieldValue(n) ?? '').trim())
            ? Promise.resolve()
            : Promise.reject(new Error('请至少填写一项事实')),
      });
      return Object.entries(FACTS).map(([k, label], i) => (
        <TextItem
          max={LIMITS.fact}
          key={k}
          name={['facts', k]}
          label={label}
          {...(i === 0 ? { rules: [someFact], dependencies: names.slice(1) } : {})}
        >
          <Input.TextArea rows={3} />
        </TextItem>
      ));
    }
    case 'record_defense':
      return (
        <>
          {subjectSelect}
          <TextItem
            max={LIMITS.defense}
            name="defense"
            label="陈述和申辩意见"
            rules={[{ required: true, message: '请填写陈述和申辩意见' }]}
          >
            <Input.TextArea rows={4} />
          </TextItem>
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
              <CircumstanceChecks group={g} />
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
          <TextItem
            max={maxLengthOf(ZDetermination.shape.tolerance.unwrap().shape.reasons)}
            name={['det', s.id, 'tolerance', 'reasons']}
            label="容错理由（事前备案、集体决策等）"
          >
            <Input.TextArea rows={2} />
          </TextItem>
          <Form.Item noStyle dependencies={[['det', s.id, 'tolerance', 'outcome']]}>
            {({ getFieldValue }) =>
              getFieldValue(['det', s.id, 'tolerance', 'outcome']) ? (
                <ToleranceListFields
                  positiveName={['det', s.id, 'tolerance', 'positiveItems']}
                  negativeName={['det', s.id, 'tolerance', 'negativeItems']}
                  required
                />
              ) : null
            }
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
          {dateItem('decisionDate', '决定日期')}
          <TextItem
            max={LIMITS.decisionBody}
            name="decisionBody"
            label="集体研究"
            extra="经会议集体研究决定的，填写会议名称，写入决定书"
          >
            <Input placeholder="如：常委会会议、委务会议" />
          </TextItem>
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
    case 'record_service': {
      // A 复审决定 is served too: the 复核 clock starts on the day the subject received it.
      const reviews = c.appeals.filter((a) => a.kind === 'reexamination' && a.state === 'decided' && !a.servedOn);
      return (
        <>
          {reviews.length > 0 ? (
            <Form.Item
              name="appealId"
              label="送达的文书"
              extra="复核期限自收到复审决定之日起计算（《公职人员政务处分法》第五十五条）"
            >
              <Select
                allowClear
                placeholder="问责决定书（默认）"
                options={reviews.map((a) => ({
                  value: a.id,
                  label: `复审决定 · ${c.subjects.find((s) => s.id === a.subjectId)?.name ?? ''} · ${formatDate(a.decidedOn)}`,
                }))}
              />
            </Form.Item>
          ) : null}
          <UnlessReviewService>{subjectSelect}</UnlessReviewService>
          <Form.Item name="serviceManner" label="送达方式" rules={[{ required: true, message: '请选择送达方式' }]}>
            <Select options={Object.entries(SERVICE_MANNERS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          {dateItem('date', '收到决定的日期')}
          {comment('送达说明', false)}
        </>
      );
    }
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
          {dateItem('filedOn', '提出日期')}
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
            <FormKeysSelect kind={c.kind} />
          </Form.Item>
          {comment('复查决定的理由')}
        </>
      );
    case 'pause_clock':
    case 'resume_clock':
      return (
        <>
          {appealSelect}
          {dateItem('date', '日期')}
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
    case 'change_team':
      return (
        <>
          <TeamField c={c} />
          {comment('调整原因', false)}
        </>
      );
    case 'recommend':
      return (
        <>
          <Form.Item name="unitId" label="整改单位" rules={[{ required: true, message: '请选择整改单位' }]}>
            <UnitSelect />
          </Form.Item>
          {comment('以案促改建议')}
          {dateItem('deadline', '整改期限', '默认一个月后', beforeToday)}
        </>
      );
    default:
      return null;
  }
}
