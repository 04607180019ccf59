import { Alert, Button, Card, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { COMPLAINT_CHANNELS, COMPLAINT_KINDS } from '../../../../../common/complaints';
import { PageHeader } from '../../../components/page-header';
import { ApiError } from '../../../lib/api';
import { afterToday, dayjs } from '../../../lib/format';
import { useCreateComplaint } from '../api/complaints';
import { type ReportValues, ReportFields, attachedFiles, reportBody } from '../components/report-fields';
import { ZCreateComplaint, ZFiler } from '../../../../../common/complaints.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const STAFF_CHANNELS = Object.entries(COMPLAINT_CHANNELS)
  .filter(([k]) => k !== 'online')
  .map(([value, label]) => ({ value, label }));

/** 登记: letters, visits, calls, 12345 transfers and matters from above, with the original uploaded. */
export function ComplaintFormPage() {
  const [form] = Form.useForm();
  const anonymous = Form.useWatch('anonymous', form);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [error, setError] = useState<string | null>(null);
  const create = useCreateComplaint();
  const navigate = useNavigate();
  async function submit(
    v: ReportValues & { channel: string; receivedOn: ReturnType<typeof dayjs>; sourceRef?: string },
  ) {
    setError(null);
    const data = {
      ...reportBody(v),
      channel: v.channel,
      receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      sourceRef: v.sourceRef ?? '',
    };
    try {
      const res = await create.mutateAsync({ data, files: attachedFiles(files) });
      navigate(res.escalated ? '/complaints' : `/complaints/${res.id}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '登记失败');
    }
  }
  return (
    <>
      <PageHeader title="登记信访举报" subTitle="登记人即首问责任人，直至在系统中移交" />
      <Card>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ channel: 'letter', kind: 'accusation', anonymous: false, receivedOn: dayjs() }}
          onFinish={submit}
        >
          <Form.Item name="channel" label="来源渠道">
            <Select options={STAFF_CHANNELS} />
          </Form.Item>
          <TextItem
            max={maxLengthOf(ZCreateComplaint.shape.sourceRef)}
            name="sourceRef"
            label="来源编号（12345工单号、上级交办文号）"
          >
            <Input />
          </TextItem>
          <Form.Item name="receivedOn" label="收件日期" rules={[{ required: true, message: '请选择收件日期' }]}>
            <DatePicker disabledDate={afterToday} />
          </Form.Item>
          <Form.Item name="kind" label="类型">
            <Select options={Object.entries(COMPLAINT_KINDS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item name="anonymous" label="实名/匿名">
            <Radio.Group
              options={[
                { value: false, label: '实名' },
                { value: true, label: '匿名' },
              ]}
            />
          </Form.Item>
          {!anonymous && (
            <>
              <TextItem
                max={maxLengthOf(ZFiler.shape.name)}
                name="name"
                label="举报人姓名"
                rules={[{ required: true, message: '请填写姓名' }]}
              >
                <Input />
              </TextItem>
              <TextItem
                max={maxLengthOf(ZFiler.shape.phone)}
                name="phone"
                label="联系电话"
                rules={[{ required: true, message: '请填写联系电话' }]}
              >
                <Input />
              </TextItem>
              <TextItem max={maxLengthOf(ZFiler.shape.address)} name="address" label="联系地址">
                <Input />
              </TextItem>
            </>
          )}
          <ReportFields files={files} onFiles={setFiles} forPublic={false} />
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            登记
          </Button>
        </Form>
      </Card>
    </>
  );
}
