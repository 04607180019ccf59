import { Alert, Button, Card, Form, Input, Radio, Result, Select, Tabs, Typography } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { COMPLAINT_KINDS } from '../../../../../common/complaints';
import { ApiError } from '../../../lib/api';
import {
  type ComplaintPublicStatus,
  type ComplaintReceipt,
  checkComplaintStatus,
  fileComplaint,
  solveHumanCheck,
} from '../api/complaints';
import { type ReportValues, ReportFields, attachedFiles, reportBody } from '../components/report-fields';
import { ZComplaintStatusQuery, ZFiler } from '../../../../../common/complaints.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { formatDate } from '../../../lib/format';
import { TextItem } from '../../../components/text-item';

const errorText = (err: unknown) =>
  err instanceof ApiError || err instanceof Error ? err.message : '提交失败，请重试';

function FileForm() {
  const [form] = Form.useForm<ReportValues>();
  const anonymous = Form.useWatch('anonymous', form);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<ComplaintReceipt | null>(null);

  async function submit(v: ReportValues) {
    setError(null);
    try {
      setBusy('正在进行人机验证…');
      const altcha = await solveHumanCheck();
      setBusy('正在提交…');
      const data = { ...reportBody(v), altcha };
      setReceipt(await fileComplaint(data, attachedFiles(files)));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  }

  if (receipt) {
    return (
      <Result
        status="success"
        title="举报已提交"
        subTitle="请妥善保存受理编号和查询密码，凭二者查询办理情况。密码只显示这一次，遗失后无法找回。"
        extra={
          <Card size="small" data-testid="complaint-receipt">
            <Typography.Paragraph>
              受理编号：
              <Typography.Text strong copyable data-testid="receipt-code">
                {receipt.code}
              </Typography.Text>
            </Typography.Paragraph>
            <Typography.Paragraph>
              查询密码：
              <Typography.Text strong copyable data-testid="receipt-password">
                {receipt.password}
              </Typography.Text>
            </Typography.Paragraph>
          </Card>
        }
      />
    );
  }

  return (
    <Form form={form} layout="vertical" initialValues={{ anonymous: false, kind: 'accusation' }} onFinish={submit}>
      <Form.Item name="anonymous" label="举报方式">
        <Radio.Group
          options={[
            { value: false, label: '实名举报（优先办理并答复）' },
            { value: true, label: '匿名举报' },
          ]}
        />
      </Form.Item>
      {!anonymous && (
        <>
          <TextItem
            max={maxLengthOf(ZFiler.shape.name)}
            name="name"
            label="您的姓名"
            rules={[{ required: true, message: '实名举报请填写姓名' }]}
          >
            <Input autoComplete="name" />
          </TextItem>
          <TextItem
            max={maxLengthOf(ZFiler.shape.phone)}
            name="phone"
            label="联系电话"
            rules={[{ required: true, message: '实名举报请填写联系电话' }]}
          >
            <Input inputMode="tel" autoComplete="tel" />
          </TextItem>
        </>
      )}
      <Form.Item name="kind" label="反映类型">
        <Select options={Object.entries(COMPLAINT_KINDS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <ReportFields files={files} onFiles={setFiles} forPublic />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="file-error" />}
      <Button type="primary" htmlType="submit" block loading={!!busy} data-testid="file-submit">
        {busy ?? '提交举报'}
      </Button>
    </Form>
  );
}

function StatusForm() {
  const [result, setResult] = useState<ComplaintPublicStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(v: { code: string; password: string }) {
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      setResult(await checkComplaintStatus(v.code, v.password));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <Form layout="vertical" onFinish={submit}>
      <TextItem
        max={maxLengthOf(ZComplaintStatusQuery.shape.code)}
        name="code"
        label="受理编号"
        rules={[{ required: true, message: '请填写受理编号' }]}
      >
        <Input autoComplete="off" />
      </TextItem>
      <TextItem
        max={maxLengthOf(ZComplaintStatusQuery.shape.password)}
        name="password"
        label="查询密码"
        rules={[{ required: true, message: '请填写查询密码' }]}
      >
        <Input.Password autoComplete="off" />
      </TextItem>
      <Button type="primary" htmlType="submit" block loading={busy} data-testid="status-submit">
        查询
      </Button>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
      {result && (
        <Card size="small" style={{ marginTop: 16 }} data-testid="status-result">
          <Typography.Paragraph>受理编号：{result.code}</Typography.Paragraph>
          <Typography.Paragraph>收件日期：{formatDate(result.receivedOn)}</Typography.Paragraph>
          <Typography.Paragraph>
            办理情况：<Typography.Text strong>{result.status}</Typography.Text>
          </Typography.Paragraph>
          {result.answer && (
            <Typography.Paragraph>
              答复（{formatDate(result.answeredOn)}）：{result.answer}
            </Typography.Paragraph>
          )}
        </Card>
      )}
    </Form>
  );
}

/** The public page (no account): file a report, real-name or anonymous, and check its status. Phone-first. */
export function PublicReportPage() {
  return (
    <div style={{ maxWidth: 640, margin: '0 auto', padding: 12 }}>
      <Typography.Title level={3} style={{ textAlign: 'center' }}>
        信访举报
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        依据《纪检监察机关处理检举控告工作规则》，我们对实名举报优先办理并在规定时限内告知受理情况、反馈处理结果；您的身份信息加密保存，严格保密。
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'file', label: '我要举报', children: <FileForm /> },
          { key: 'status', label: '查询办理情况', children: <StatusForm /> },
        ]}
      />
    </div>
  );
}
