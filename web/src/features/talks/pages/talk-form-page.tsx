import { Alert, Button, DatePicker, Flex, Form, Input, Select, Spin, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { TALK_KINDS, type TalkKind } from '../../../../../common/talks';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { PageForm } from '../../../components/page-form';
import { PageHeader } from '../../../components/page-header';
import { dayjs } from '../../../lib/format';
import { notifySuccess, submitForm } from '../../../lib/notify';
import { useSaveTalk, useTalk } from '../api/talks';
import { ZCreateTalk } from '../../../../../common/talks.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

interface Values {
  kind: TalkKind;
  talkerPersonIds: string[];
  talkerNames?: string;
  subjectPersonIds: string[];
  subjectUnitId?: string | null;
  reason: string;
  talkOn: Dayjs;
  place?: string;
  startTime?: Dayjs | null;
  endTime?: Dayjs | null;
  recorderPersonId?: string | null;
  followUpRequired?: string;
  followUpDue?: Dayjs | null;
}

function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/** 安排/修改谈话. `?problemId=`, `?warningId=`, `?caseId=` link the talk to its source. */
export function TalkFormPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const editing = useTalk(id);
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const save = useSaveTalk(id);
  const [key] = useState(newKey);
  const kind = Form.useWatch('kind', form);
  const links = {
    problemId: editing.data?.problemId ?? params.get('problemId'),
    warningId: editing.data?.warningId ?? params.get('warningId'),
    caseId: editing.data?.caseId ?? params.get('caseId'),
  };

  useEffect(() => {
    const t = editing.data;
    if (t)
      form.setFieldsValue({
        ...t,
        talkOn: dayjs(t.talkOn),
        startTime: t.startTime ? dayjs(`2000-01-01T${t.startTime}`) : null,
        endTime: t.endTime ? dayjs(`2000-01-01T${t.endTime}`) : null,
        followUpDue: t.followUpDue ? dayjs(t.followUpDue) : null,
      });
  }, [editing.data, form]);

  const finish = (v: Values) =>
    submitForm(form, async () => {
      const t = await save.mutateAsync({
        key,
        version: editing.data?.version,
        input: {
          kind: v.kind,
          talkerPersonIds: v.talkerPersonIds ?? [],
          talkerNames: v.talkerNames?.trim() ?? '',
          subjectPersonIds: v.subjectPersonIds ?? [],
          subjectUnitId: v.subjectUnitId ?? null,
          reason: v.reason.trim(),
          talkOn: v.talkOn.format('YYYY-MM-DD'),
          place: v.place?.trim() ?? '',
          startTime: v.startTime ? v.startTime.format('HH:mm') : null,
          endTime: v.endTime ? v.endTime.format('HH:mm') : null,
          recorderPersonId: v.recorderPersonId ?? null,
          followUpRequired: v.followUpRequired?.trim() ?? '',
          followUpDue: v.followUpDue ? v.followUpDue.format('YYYY-MM-DD') : null,
          ...links,
        },
      });
      notifySuccess(id ? '谈话已修改' : '谈话已安排');
      void navigate(`/talks/${t.id}`, { replace: true });
    });

  if (id && editing.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  return (
    <>
      <PageHeader
        title={id ? `修改谈话 ${editing.data?.code ?? ''}` : '安排谈话'}
        subTitle="谁谈、与谁谈、为什么谈，谈后跟踪整改"
      />
      {links.problemId || links.warningId || links.caseId ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本次谈话关联${[links.problemId ? '问题' : '', links.warningId ? '模拟问责单' : '', links.caseId ? '问责案件' : ''].filter(Boolean).join('、')}`}
        />
      ) : null}
      <PageForm<Values>
        form={form}
        name="talk"
        maxWidth={820}
        pending={save.isPending}
        initialValues={{ kind: 'reminder', talkerPersonIds: [], subjectPersonIds: [], talkOn: dayjs(), place: '' }}
        onFinish={(v) => void finish(v)}
      >
        <Form.Item name="kind" label="谈话类型" rules={[{ required: true, message: '请选择谈话类型' }]}>
          <Select
            aria-label="谈话类型"
            options={(Object.keys(TALK_KINDS) as TalkKind[]).map((k) => ({ value: k, label: TALK_KINDS[k] }))}
          />
        </Form.Item>
        <Form.Item name="subjectPersonIds" label="谈话对象">
          <PersonSelect multiple placeholder="输入姓名搜索谈话对象" known={editing.data?.subjects} />
        </Form.Item>
        <Form.Item
          name="subjectUnitId"
          label={kind === 'interview' ? '约谈单位（约谈领导班子时选择）' : '涉及单位（可选）'}
        >
          <UnitSelect placeholder="选择单位" />
        </Form.Item>
        <Form.Item name="talkerPersonIds" label="谈话人">
          <PersonSelect multiple placeholder="输入姓名搜索谈话人" known={editing.data?.talkers} />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateTalk.shape.talkerNames)}
          name="talkerNames"
          label="其他谈话人"
          extra="系统外人员或不便选择时填写姓名和职务"
        >
          <Input aria-label="其他谈话人" />
        </TextItem>
        <TextItem
          max={maxLengthOf(ZCreateTalk.shape.reason)}
          name="reason"
          label="谈话事由"
          rules={[{ required: true, whitespace: true, message: '请填写谈话事由' }]}
        >
          <Input.TextArea rows={3} aria-label="谈话事由" />
        </TextItem>
        <Flex gap={16} wrap>
          <Form.Item name="talkOn" label="谈话日期" rules={[{ required: true, message: '请选择谈话日期' }]}>
            <DatePicker aria-label="谈话日期" />
          </Form.Item>
          <Form.Item name="startTime" label="开始时间">
            <TimePicker format="HH:mm" minuteStep={5} aria-label="开始时间" />
          </Form.Item>
          <Form.Item
            name="endTime"
            label="结束时间"
            dependencies={['startTime']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, end: Dayjs | null) => {
                  const start = getFieldValue('startTime') as Dayjs | null;
                  return end && start && end.format('HH:mm') <= start.format('HH:mm')
                    ? Promise.reject(new Error('谈话结束时间应晚于开始时间'))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <TimePicker format="HH:mm" minuteStep={5} aria-label="结束时间" />
          </Form.Item>
          <TextItem
            max={maxLengthOf(ZCreateTalk.shape.place)}
            name="place"
            label="谈话地点"
            style={{ flex: 1, minWidth: 240 }}
          >
            <Input aria-label="谈话地点" />
          </TextItem>
        </Flex>
        <Form.Item name="recorderPersonId" label="记录人">
          <PersonSelect placeholder="输入姓名搜索记录人" known={[editing.data?.recorder ?? null]} />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateTalk.shape.followUpRequired)}
          name="followUpRequired"
          label="整改要求"
          extra="提出整改要求的，谈话后跟踪落实"
        >
          <Input.TextArea rows={2} aria-label="整改要求" />
        </TextItem>
        <Form.Item name="followUpDue" label="整改期限">
          <DatePicker aria-label="整改期限" />
        </Form.Item>
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => void navigate(id ? `/talks/${id}` : '/talks')}>取消</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            保存
          </Button>
        </Flex>
      </PageForm>
    </>
  );
}
