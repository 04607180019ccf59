import { Alert, DatePicker, Form, Input, Radio, Select, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { beforeToday } from '../../../lib/format';
import { notifySuccess, submitForm } from '../../../lib/notify';
import {
  DECISION_KINDS,
  type DecisionKind,
  type MeetingDetail,
  type MeetingEventInput,
  type MeetingItem,
  useItemProblem,
  useMeetingEvent,
} from '../api/meetings';
import { useUnitMap } from './meeting-display';
import { ZMeetingEvent } from '../../../../../common/meetings.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { FormModal } from '../../../components/form-modal';
import { TextItem } from '../../../components/text-item';

interface DecideValues {
  decisionKind: DecisionKind;
  decision?: string;
  leadUnitId?: string | null;
  ownerPersonId?: string | null;
  deadline?: Dayjs;
}

/** The decisions open to an item: warnings are issued or dismissed, disputes get a lead unit, anything may be dispatched. */
function optionsFor(item: MeetingItem): DecisionKind[] {
  if (item.kind === 'warning') return ['issue_warning', 'dismiss_warning', 'new_problem', 'note'];
  if (item.kind === 'dispute') return ['lead_unit', 'new_problem', 'note'];
  return ['new_problem', 'note'];
}

/** The units a dispute involves: its current unit and co-units. */
function LeadUnitField({ problemId }: { problemId: string | null }) {
  const { data, isLoading } = useItemProblem(problemId);
  const units = useUnitMap();
  if (!problemId) return <Alert type="warning" showIcon title="该议题未关联问题，不能明确牵头单位。" />;
  if (isLoading) return <Spin />;
  const ids = data ? [...new Set([data.unitId, ...(data.coUnitIds ?? [])])] : [];
  return (
    <>
      {data ? (
        <div style={{ marginBottom: 12, color: '#666' }}>
          问题 {data.code}：{data.title}
        </div>
      ) : null}
      <Form.Item name="leadUnitId" label="牵头单位" rules={[{ required: true, message: '请选择牵头单位' }]}>
        <Select
          aria-label="牵头单位"
          placeholder="在涉及单位中选择牵头单位"
          options={ids.map((id) => ({ value: id, label: units.get(id)?.name ?? id }))}
        />
      </Form.Item>
    </>
  );
}

function NewProblemFields() {
  const form = Form.useFormInstance<DecideValues>();
  const unitId = Form.useWatch('leadUnitId', form);
  return (
    <>
      <Form.Item name="leadUnitId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
        <UnitSelect placeholder="选择责任单位" />
      </Form.Item>
      <Form.Item name="ownerPersonId" label="责任人" rules={[{ required: true, message: '请选择责任人' }]}>
        <PersonSelect unitId={unitId ?? undefined} />
      </Form.Item>
      <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
        <DatePicker aria-label="完成时限" style={{ width: '100%' }} disabledDate={beforeToday} />
      </Form.Item>
      <DecisionText label="交办事项" required="请填写交办事项内容" />
    </>
  );
}

/** The decision's text under `label`; `required` is the message when it may not be left blank. */
function DecisionText({
  label,
  required,
  placeholder,
  rows = 3,
}: {
  label: string;
  required?: string;
  placeholder?: string;
  rows?: number;
}) {
  return (
    <TextItem
      max={maxLengthOf(ZMeetingEvent.shape.decision)}
      name="decision"
      label={label}
      rules={required ? [{ required: true, whitespace: true, message: required }] : undefined}
    >
      <Input.TextArea rows={rows} aria-label={label} placeholder={placeholder} />
    </TextItem>
  );
}

function DecisionFields({ kind, item }: { kind: DecisionKind | undefined; item: MeetingItem }) {
  switch (kind) {
    case 'issue_warning':
      return <DecisionText label="会议意见" placeholder="经联席会议研判，发出提醒函" />;
    case 'dismiss_warning':
      return <DecisionText label="不予预警理由" required="请填写不予预警的理由" />;
    case 'lead_unit':
      return (
        <>
          <LeadUnitField problemId={item.problemId} />
          <DecisionText label="会议意见" placeholder="经联席会议研究，明确牵头单位" />
        </>
      );
    case 'new_problem':
      return <NewProblemFields />;
    case 'note':
      return <DecisionText label="会议意见" required="请填写会议决定" rows={4} />;
    default:
      return null;
  }
}

/** 决定: records the meeting's decision on one agenda item; the server carries it out. */
export function DecideModal({
  meeting,
  item,
  onClose,
}: {
  meeting: MeetingDetail;
  item: MeetingItem;
  onClose: () => void;
}) {
  const [form] = Form.useForm<DecideValues>();
  const fire = useMeetingEvent(meeting.id);
  const kind = Form.useWatch('decisionKind', form);
  const options = optionsFor(item);

  const submit = async (v: DecideValues) => {
    const input: MeetingEventInput = {
      type: 'decide',
      version: meeting.version,
      itemId: item.id,
      decisionKind: v.decisionKind,
      decision: v.decision?.trim() || undefined,
    };
    if (v.decisionKind === 'lead_unit' || v.decisionKind === 'new_problem')
      input.leadUnitId = v.leadUnitId ?? undefined;
    if (v.decisionKind === 'new_problem') {
      input.ownerPersonId = v.ownerPersonId ?? undefined;
      input.deadline = v.deadline?.format('YYYY-MM-DD');
    }
    await submitForm(form, async () => {
      await fire.mutateAsync(input);
      notifySuccess(`已决定：${DECISION_KINDS[v.decisionKind]}`);
      onClose();
    });
  };

  return (
    <FormModal
      form={form}
      title={`议题${item.seq} · 作出决定`}
      okText="确认决定"
      pending={fire.isPending}
      onClose={onClose}
      width={600}
    >
      <div style={{ marginBottom: 12 }}>
        <strong>{item.title}</strong>
        {item.description ? <div style={{ color: '#666' }}>{item.description}</div> : null}
      </div>
      <Form<DecideValues>
        form={form}
        layout="vertical"
        name="decide"
        initialValues={{ decisionKind: options[0], decision: options[0] === 'new_problem' ? item.title : undefined }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Partial<DecideValues>) => {
          if (changed.decisionKind) {
            form.setFieldsValue({
              decision: changed.decisionKind === 'new_problem' ? item.title : undefined,
              leadUnitId: undefined,
              ownerPersonId: undefined,
              deadline: undefined,
            });
          }
        }}
      >
        <Form.Item name="decisionKind" label="决定事项" rules={[{ required: true, message: '请选择决定事项' }]}>
          <Radio.Group options={options.map((k) => ({ value: k, label: DECISION_KINDS[k] }))} />
        </Form.Item>
        <DecisionFields kind={kind ?? options[0]} item={item} />
      </Form>
    </FormModal>
  );
}
