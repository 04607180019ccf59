import { PrinterOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Input, Modal, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { EventLogCard } from '../../../components/event-log-card';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate, formatDateTime } from '../../../lib/format';
import { notifyError, notifyOutcome, notifySuccess } from '../../../lib/notify';
import { type FilingDetail, minutesFilePath, useFiling, useFilingEvent, useUploadMinutes } from '../api/tolerance';
import { FilingStateTag } from '../components/filing-state-tag';

const pre = { whiteSpace: 'pre-wrap' as const };

function ReturnModal({ filing, open, onClose }: { filing: FilingDetail; open: boolean; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const fire = useFilingEvent(filing.id);
  const ok = async () => {
    if (!reason.trim()) {
      setError('请填写退回理由');
      return;
    }
    try {
      await fire.mutateAsync({ type: 'return', version: filing.version, comment: reason.trim() });
      notifySuccess('已退回备案单位');
      onClose();
    } catch (err) {
      notifyError(err);
    }
  };
  return (
    <Modal
      title="退回备案"
      open={open}
      onOk={() => void ok()}
      onCancel={onClose}
      okText="确认退回"
      confirmLoading={fire.isPending}
    >
      <Typography.Paragraph>退回后备案单位可修改并重新提交。</Typography.Paragraph>
      <Input.TextArea
        rows={4}
        autoFocus
        aria-label="退回理由"
        placeholder="请填写退回理由（必填）"
        value={reason}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setError('');
        }}
      />
      {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
    </Modal>
  );
}

function Actions({ filing }: { filing: FilingDetail }) {
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const fire = useFilingEvent(filing.id);
  const upload = useUploadMinutes(filing.id);
  const [returning, setReturning] = useState(false);
  const run = (type: 'submit' | 'approve', title: string, content: string, done: string) =>
    modal.confirm({
      title,
      content,
      okText: '确定',
      cancelText: '取消',
      onOk: () => notifyOutcome(fire.mutateAsync({ type, version: filing.version }), done),
    });
  const a = filing.actions;
  return (
    <>
      {a.includes('update') ? (
        <Button onClick={() => void navigate(`/tolerance-filings/${filing.id}/edit`)}>修改</Button>
      ) : null}
      {a.includes('update') ? (
        <Upload
          showUploadList={false}
          customRequest={({ file }) =>
            void upload.mutateAsync(file as File).then(() => notifySuccess('会议纪要已上传'), notifyError)
          }
        >
          <Button icon={<UploadOutlined />} loading={upload.isPending}>
            上传会议纪要
          </Button>
        </Upload>
      ) : null}
      {a.includes('submit') ? (
        <Button
          type="primary"
          onClick={() => run('submit', '提交备案', '提交后由委领导审批，审批期间不能修改。', '备案已提交')}
        >
          提交备案
        </Button>
      ) : null}
      {a.includes('approve') ? (
        <Button
          type="primary"
          onClick={() =>
            run('approve', '同意备案', `同意“${filing.matter}”备案？备案将作为容错免责认定的依据。`, '已同意备案')
          }
        >
          同意备案
        </Button>
      ) : null}
      {a.includes('return') ? (
        <Button danger onClick={() => setReturning(true)}>
          退回
        </Button>
      ) : null}
      <Button icon={<PrinterOutlined />} onClick={() => void navigate(`/tolerance-filings/${filing.id}/print`)}>
        打印
      </Button>
      {returning ? <ReturnModal filing={filing} open onClose={() => setReturning(false)} /> : null}
    </>
  );
}

/** One pre-registration: its content, approval and history. */
export function FilingDetailPage() {
  const { id } = useParams();
  const query = useFiling(id);
  const f = query.data;
  if (!f) return <QueryFallback query={query} what="备案" />;
  return (
    <>
      <PageHeader
        title={
          <>
            {f.code} {f.matter} <FilingStateTag state={f.state} label={f.stateLabel} />
          </>
        }
        subTitle={`${f.unitName} · 决策日期 ${formatDate(f.decidedOn)}`}
        extra={<Actions filing={f} />}
      />
      {f.state === 'returned' && f.returnReason ? (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Typography.Text type="warning">退回理由：{f.returnReason}</Typography.Text>
        </Card>
      ) : null}
      <Card style={{ marginBottom: 12 }}>
        <Descriptions
          column={2}
          bordered
          size="small"
          data-testid="filing-detail"
          items={[
            { key: 'unit', label: '备案单位', children: f.unitName },
            { key: 'people', label: '责任人', children: f.people.map((p) => `${p.name}（${p.post}）`).join('、') },
            { key: 'decided', label: '决策日期', children: formatDate(f.decidedOn) },
            { key: 'review', label: '复核日期', children: formatDate(f.reviewOn) },
            {
              key: 'exploratory',
              label: '改革试点/探索性',
              span: 2,
              children: f.exploratory ? <Tag color="blue">是</Tag> : '否',
            },
            { key: 'decision', label: '决策内容', span: 2, children: <div style={pre}>{f.decision}</div> },
            { key: 'basis', label: '政策依据', span: 2, children: <div style={pre}>{f.basis}</div> },
            {
              key: 'minutes',
              label: '集体决策会议纪要',
              span: 2,
              children: (
                <>
                  <div style={pre}>{f.minutes}</div>
                  {f.hasMinutesFile ? (
                    <DownloadButton path={minutesFilePath(f.id)}>{f.minutesFileName ?? '纪要原件'}</DownloadButton>
                  ) : null}
                </>
              ),
            },
            { key: 'dissent', label: '反对意见', span: 2, children: <div style={pre}>{f.dissent || '无'}</div> },
            { key: 'risk', label: '风险评估', span: 2, children: <div style={pre}>{f.risk}</div> },
            ...(f.approvedAt
              ? [
                  {
                    key: 'approval',
                    label: '审批意见',
                    span: 2,
                    children: `${f.approvalComment ?? '同意备案'}（${formatDateTime(f.approvedAt)}）`,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <EventLogCard events={f.events} />
    </>
  );
}
