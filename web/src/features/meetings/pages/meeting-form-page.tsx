import { Alert, Button, DatePicker, Flex, Form, Input, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { UnitSelect } from '../../../components/entity-selects';
import { PageForm } from '../../../components/page-form';
import { PageHeader } from '../../../components/page-header';
import { dayjs } from '../../../lib/format';
import { notifySuccess, submitForm } from '../../../lib/notify';
import { useAgendaCandidates, useCreateMeeting } from '../api/meetings';
import { JointNav } from '../../../components/joint-nav';
import { useUnitMap } from '../components/meeting-display';
import { ZCreateMeeting } from '../../../../../common/meetings.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

/** 县委办, 县政府办, 县委组织部, 县委编办: the standing members of the joint meeting (seed 000). */
const DEFAULT_MEMBER_CODES = ['XWB', 'ZFB', 'ZZB', 'BB'];

interface MeetingFormValues {
  title: string;
  scheduledAt: Dayjs;
  place?: string;
  memberUnitIds: string[];
  attendingUnitIds?: string[];
  assemble: boolean;
}

/** A UUID for Idempotency-Key (crypto.randomUUID needs a secure context; plain-HTTP intranets lack it). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function AgendaPreview() {
  const assemble = Form.useWatch('assemble');
  const { data, isLoading } = useAgendaCandidates();
  if (!assemble) return <Alert type="info" showIcon title="会议创建后可在会议页面逐项添加议题。" />;
  if (isLoading || !data) return <Alert type="info" showIcon title="正在统计待上会事项…" />;
  const w = data.warnings.length;
  const d = data.disputes.length;
  return (
    <Alert
      type={w + d ? 'success' : 'info'}
      showIcon
      data-testid="agenda-preview"
      title={
        w + d
          ? `将自动列入议题 ${w + d} 项：待研判模拟问责单 ${w} 件，职能交叉待明确牵头单位事项 ${d} 件`
          : '当前没有待研判的模拟问责单和职能交叉事项'
      }
    />
  );
}

/** 新建联席会议. */
export function MeetingFormPage() {
  const [form] = Form.useForm<MeetingFormValues>();
  const navigate = useNavigate();
  const create = useCreateMeeting();
  const units = useUnitMap();
  const [key] = useState(newKey);

  // Default members once the unit catalogue has loaded (unless the user already chose some).
  useEffect(() => {
    if (!units.size || form.isFieldTouched('memberUnitIds')) return;
    const ids = DEFAULT_MEMBER_CODES.map((c) => [...units.values()].find((u) => u.code === c)?.id).filter(
      (id): id is string => !!id,
    );
    form.setFieldValue('memberUnitIds', ids);
  }, [units, form]);

  const submit = (v: MeetingFormValues) =>
    submitForm(form, async () => {
      const m = await create.mutateAsync({
        key,
        input: {
          title: v.title.trim(),
          scheduledAt: v.scheduledAt.toISOString(),
          place: v.place?.trim() ?? '',
          memberUnitIds: v.memberUnitIds,
          attendingUnitIds: v.attendingUnitIds ?? [],
          assemble: v.assemble,
        },
      });
      notifySuccess(m.items.length ? `会议已创建，已列入议题 ${m.items.length} 项` : '会议已创建');
      void navigate(`/meetings/${m.id}`, { replace: true });
    });

  const now = dayjs();
  return (
    <>
      <PageHeader
        title="新建联席会议"
        subTitle="议程可由待研判的模拟问责单和职能交叉事项自动生成"
        extra={<JointNav />}
      />
      <PageForm<MeetingFormValues>
        form={form}
        name="meeting"
        maxWidth={720}
        pending={create.isPending}
        initialValues={{
          title: `${now.year()}年第${'一二三四'[Math.floor(now.month() / 3)]}季度模拟问责联席会议`,
          scheduledAt: now.add(1, 'day').hour(9).minute(0).second(0).millisecond(0),
          place: '县纪委监委第一会议室',
          memberUnitIds: [],
          assemble: true,
        }}
        onFinish={(v) => void submit(v)}
      >
        <TextItem
          max={maxLengthOf(ZCreateMeeting.shape.title)}
          name="title"
          label="会议名称"
          rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}
        >
          <Input aria-label="会议名称" />
        </TextItem>
        <Form.Item name="scheduledAt" label="会议时间" rules={[{ required: true, message: '请选择会议时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" aria-label="会议时间" />
        </Form.Item>
        <TextItem max={maxLengthOf(ZCreateMeeting.shape.place)} name="place" label="会议地点">
          <Input aria-label="会议地点" />
        </TextItem>
        <Form.Item
          name="memberUnitIds"
          label="成员单位"
          rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个成员单位' }]}
        >
          <UnitSelect multiple placeholder="选择参会成员单位" />
        </Form.Item>
        <Form.Item name="attendingUnitIds" label="列席单位" extra="非成员单位列席会议的，在纪要中列明">
          <UnitSelect multiple placeholder="选择列席单位（可选）" />
        </Form.Item>
        <Form.Item
          name="assemble"
          label="自动生成议程"
          valuePropName="checked"
          extra="将全部待研判的模拟问责单和牵头单位未明确的职能交叉事项列入议程"
        >
          <Switch aria-label="自动生成议程" />
        </Form.Item>
        <Form.Item>
          <AgendaPreview />
        </Form.Item>
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => void navigate('/meetings')}>取消</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            创建会议
          </Button>
        </Flex>
      </PageForm>
    </>
  );
}
