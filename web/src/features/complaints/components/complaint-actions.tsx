import { useDebounced } from '../../../lib/use-debounced';
import { Alert, Button, DatePicker, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { notifySuccess } from '../../../lib/notify';
import {
  COMPLAINT_EVENTS,
  COMPLAINT_FINDINGS,
  COMPLAINT_WAYS,
  type ComplaintEvent,
  FEEDBACK_METHODS,
} from '../../../../../common/complaints';
import { FormModal } from '../../../components/form-modal';
import { ApiError } from '../../../lib/api';
import { afterToday, beforeToday, dayjs, formatDate } from '../../../lib/format';
import { useSituationOptions } from '../../../lib/rule-items';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { type ComplaintDetail, useComplaintEvent, useComplaintHandlers, useComplaints } from '../api/complaints';
import { ZComplaintEvent } from '../../../../../common/complaints.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Form values as the API takes them: dates as YYYY-MM-DD, empty fields left out (also inside `problem`). */
function plain(v: unknown): unknown {
  if (dayjs.isDayjs(v)) return v.format('YYYY-MM-DD');
  if (Array.isArray(v) || v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => x !== undefined && x !== null && x !== '')
      .map(([k, x]) => [k, plain(x)]),
  );
}

const ZProblemLink = ZComplaintEvent.shape.problem.unwrap();
const ZProposalLink = ZComplaintEvent.shape.proposal.unwrap();

/** The region's complaint handlers other than the current owner (props from Form.Item). */
function HandlerSelect({ ownerUserId, ...field }: { ownerUserId: string | null; id?: string; value?: string }) {
  const { data, isLoading } = useComplaintHandlers(true);
  return (
    <Select
      {...field}
      loading={isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      options={(data?.items ?? [])
        .filter((u) => u.userId !== ownerUserId)
        .map((u) => ({ value: u.userId, label: [u.displayName, u.unitName, u.roleLabel].filter(Boolean).join(' · ') }))}
    />
  );
}

/** The earlier complaint of the same matter, searched by code, subject or unit among those the caller reads. */
function OriginalSelect({ self, ...field }: { self: string; id?: string; value?: string }) {
  const [typed, setQ] = useState('');
  const q = useDebounced(typed);
  const { data, isFetching } = useComplaints({ q: q || undefined, page: 1, pageSize: 20 });
  return (
    <Select
      {...field}
      showSearch={{ filterOption: false, onSearch: setQ }}
      loading={isFetching}
      notFoundContent={isFetching || typed !== q ? '查找中…' : '没有找到'}
      options={(data?.items ?? [])
        .filter((x) => x.id !== self && x.state !== 'repeat')
        .map((x) => ({
          value: x.id,
          label: `${x.code} · ${x.subjectUnitName}${x.subjectName ? ` ${x.subjectName}` : ''} · ${formatDate(x.receivedOn)}`,
        }))}
    />
  );
}

/** The fields each event asks for (the server checks them again). */
function Fields({ type, c }: { type: ComplaintEvent; c: ComplaintDetail }) {
  const situationOptions = useSituationOptions();
  const date = (name: string, label: string) => (
    <Form.Item name={name} label={label}>
      <DatePicker style={{ width: '100%' }} disabledDate={afterToday} />
    </Form.Item>
  );
  switch (type) {
    case 'hand_over':
      return (
        <Form.Item name="toUserId" label="接手承办人" rules={[{ required: true, message: '请选择接手的承办人' }]}>
          <HandlerSelect ownerUserId={c.ownerUserId} />
        </Form.Item>
      );
    case 'transfer':
      return (
        <Form.Item name="transferTo" label="转办的下级机关" rules={[{ required: true, message: '请填写转办机关' }]}>
          <Input placeholder="如：城关镇纪委" />
        </Form.Item>
      );
    case 'lower_reply':
      return (
        <>
          <Form.Item name="lowerResult" label="下级机关办理" rules={[{ required: true, message: '请选择' }]}>
            <Select options={options({ accepted: '已受理', retransferred: '已再转办' })} />
          </Form.Item>
          {date('on', '日期')}
        </>
      );
    case 'mark_repeat':
      return (
        <Form.Item
          name="repeatOfId"
          label="原信访件"
          extra="输入受理编号、被反映人或单位查找"
          rules={[{ required: true, message: '请选择原信访件' }]}
        >
          <OriginalSelect self={c.id} />
        </Form.Item>
      );
    case 'notify_acceptance':
      return (
        <>
          <Form.Item name="method" label="告知方式" rules={[{ required: true, message: '请选择告知方式' }]}>
            <Select options={options(FEEDBACK_METHODS)} />
          </Form.Item>
          {date('on', '告知日期')}
        </>
      );
    case 'decide':
      return (
        <>
          <Form.Item name="way" label="处置方式" rules={[{ required: true, message: '请选择处置方式' }]}>
            <Select options={options(COMPLAINT_WAYS)} />
          </Form.Item>
          <TextItem
            max={maxLengthOf(ZComplaintEvent.shape.approver)}
            name="approver"
            label="批准人（集体研究后报批）"
            rules={[{ required: true, message: '请填写批准人' }]}
          >
            <Input />
          </TextItem>
          {date('decidedOn', '集体研究日期')}
        </>
      );
    case 'complete':
      return (
        <>
          <Form.Item name="finding" label="核查结论" rules={[{ required: true, message: '请选择核查结论' }]}>
            <Select options={options(COMPLAINT_FINDINGS)} />
          </Form.Item>
          <TextItem
            max={maxLengthOf(ZComplaintEvent.shape.result)}
            name="result"
            label="办理结果"
            rules={[{ required: true, message: '请填写办理结果' }]}
          >
            <Input.TextArea rows={4} />
          </TextItem>
        </>
      );
    case 'feedback':
      return (
        <>
          {!c.anonymous && (
            <>
              <Form.Item name="method" label="反馈方式" rules={[{ required: true, message: '请选择反馈方式' }]}>
                <Select options={options(FEEDBACK_METHODS)} />
              </Form.Item>
              {date('on', '反馈日期')}
            </>
          )}
          <TextItem
            max={maxLengthOf(ZComplaintEvent.shape.answer)}
            name="answer"
            label="答复内容（举报人凭受理编号可见）"
            initialValue={c.answerDraft}
            rules={[{ required: true, message: '请填写答复内容' }]}
          >
            <Input.TextArea rows={4} />
          </TextItem>
        </>
      );
    case 'to_problem':
      return (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="问题将交办给所选单位，请按整改要求撰写，勿写入举报人信息或举报原文。"
          />
          <TextItem
            max={maxLengthOf(ZProblemLink.shape.title)}
            name={['problem', 'title']}
            label="问题标题"
            rules={[{ required: true, message: '请填写问题标题' }]}
          >
            <Input />
          </TextItem>
          <TextItem
            max={maxLengthOf(ZProblemLink.shape.description)}
            name={['problem', 'description']}
            label="问题描述"
          >
            <Input.TextArea rows={3} />
          </TextItem>
          <Form.Item
            name={['problem', 'unitId']}
            label="责任单位"
            initialValue={c.subjectUnitId ?? undefined}
            rules={[{ required: true, message: '请选择责任单位' }]}
          >
            <UnitSelect />
          </Form.Item>
          <TextItem
            max={maxLengthOf(ZProblemLink.shape.measure)}
            name={['problem', 'measure']}
            label="整改措施"
            rules={[{ required: true, message: '请填写整改措施' }]}
          >
            <Input.TextArea rows={2} />
          </TextItem>
          <Form.Item
            name={['problem', 'deadline']}
            label="整改期限"
            rules={[{ required: true, message: '请选择整改期限' }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={beforeToday} />
          </Form.Item>
        </>
      );
    case 'propose':
      return (
        <>
          <TextItem
            max={maxLengthOf(ZProposalLink.shape.reason)}
            name={['proposal', 'reason']}
            label="建议理由"
            rules={[{ required: true, message: '请填写建议理由' }]}
          >
            <Input.TextArea rows={3} />
          </TextItem>
          <Form.Item name={['proposal', 'situation']} label="问责情形（可由案件室受理时确定）">
            <Select allowClear options={situationOptions} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item
            name={['proposal', 'personIds']}
            label="建议问责人员"
            extra={c.subjectUnitName ? `被反映单位（${c.subjectUnitName}）同时列为问责对象` : undefined}
          >
            <PersonSelect multiple />
          </Form.Item>
        </>
      );
    case 'objection':
    case 'answer_objection':
      return (
        <TextItem
          max={maxLengthOf(ZComplaintEvent.shape.text)}
          name="text"
          label={type === 'objection' ? '异议内容' : '说明'}
          rules={[{ required: true, message: '请填写' }]}
        >
          <Input.TextArea rows={4} />
        </TextItem>
      );
    default:
      return null;
  }
}

/** The buttons of the events the caller may fire now, each opening its form. */
export function ComplaintActions({ c }: { c: ComplaintDetail }) {
  const [open, setOpen] = useState<ComplaintEvent | null>(null);
  const [form] = Form.useForm();
  const [error, setError] = useState<string | null>(null);
  const fire = useComplaintEvent(c.id);
  const navigate = useNavigate();
  async function submit(values: Record<string, unknown>) {
    setError(null);
    const body = { type: open, version: c.version, ...(plain(values) as object) };
    try {
      const after = await fire.mutateAsync(body as never);
      setOpen(null);
      form.resetFields();
      if (after === null) {
        // Handed on (报送上级, 转办下级): no longer this office's to read.
        notifySuccess('已办理，该件已移出本机关的办理范围');
        void navigate('/complaints', { replace: true });
      }
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '操作失败');
    }
  }
  return (
    <>
      <Space wrap data-testid="complaint-actions">
        {(c.actions as ComplaintEvent[]).map((a) => (
          <Button key={a} onClick={() => setOpen(a)}>
            {COMPLAINT_EVENTS[a]}
          </Button>
        ))}
      </Space>
      {open && (
        <FormModal
          form={form}
          title={COMPLAINT_EVENTS[open]}
          okText="确定"
          pending={fire.isPending}
          onClose={() => {
            setOpen(null);
            setError(null);
          }}
        >
          <Form form={form} layout="vertical" onFinish={submit}>
            <Fields type={open} c={c} />
            <TextItem max={maxLengthOf(ZComplaintEvent.shape.comment)} name="comment" label="备注">
              <Input.TextArea rows={2} />
            </TextItem>
            {error && <Alert type="error" showIcon message={error} />}
          </Form>
        </FormModal>
      )}
    </>
  );
}
