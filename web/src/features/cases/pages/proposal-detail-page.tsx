import { Alert, Button, Card, Descriptions, Form, Input, List, Select, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { CASE_KINDS } from '../../../../../common/cases';
import { useSituationOptions } from '../../../lib/rule-items';
import { EventLogCard } from '../../../components/event-log-card';
import { FormModal } from '../../../components/form-modal';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { applyFormErrors, notifyError, notifySuccess } from '../../../lib/notify';
import { type ProposalDetail, useProposal, useProposalEvent } from '../api/proposals';
import { ZProposalEvent } from '../../../../../common/proposals.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const evidenceLink = (link: string | undefined, label: string) =>
  !link ? label : link.startsWith('/api/') ? <a href={link}>{label}</a> : <Link to={link}>{label}</Link>;

function AcceptModal({ p, onClose }: { p: ProposalDetail; onClose: () => void }) {
  const situationOptions = useSituationOptions();
  const [form] = Form.useForm();
  const fire = useProposalEvent(p.id);
  const navigate = useNavigate();
  const submit = async (v: { kind: 'party' | 'supervision'; title: string; situation: number; comment?: string }) => {
    try {
      const r = await fire.mutateAsync({ type: 'accept', version: p.version, ...v, comment: v.comment ?? '' });
      notifySuccess(`已立案 ${r.caseCode}`);
      void navigate(`/cases/${r.caseId}`);
    } catch (e) {
      if (!applyFormErrors(form, e)) notifyError(e);
    }
  };
  return (
    <FormModal form={form} title="受理立案" okText="立案" pending={fire.isPending} onClose={onClose} width={640}>
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'party', title: `【问责建议】${p.sourceTitle}`.slice(0, 100), situation: p.situation }}
      >
        <Form.Item name="kind" label="问责类型" rules={[{ required: true }]}>
          <Select options={Object.entries(CASE_KINDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZProposalEvent.shape.title)}
          name="title"
          label="案件名称"
          rules={[{ required: true, message: '请填写案件名称' }]}
        >
          <Input />
        </TextItem>
        <Form.Item name="situation" label="问责情形（第七条）" rules={[{ required: true, message: '请选择问责情形' }]}>
          <Select options={situationOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <TextItem max={maxLengthOf(ZProposalEvent.shape.comment)} name="comment" label="受理意见">
          <Input.TextArea rows={2} />
        </TextItem>
      </Form>
    </FormModal>
  );
}

function DeclineModal({ p, onClose }: { p: ProposalDetail; onClose: () => void }) {
  const [form] = Form.useForm();
  const fire = useProposalEvent(p.id);
  const submit = async (v: { comment: string }) => {
    try {
      await fire.mutateAsync({ type: 'decline', version: p.version, comment: v.comment });
      notifySuccess('已不予立案，理由已告知提出部门');
      onClose();
    } catch (e) {
      if (!applyFormErrors(form, e)) notifyError(e);
    }
  };
  return (
    <FormModal form={form} title="不予立案" okText="确定" pending={fire.isPending} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={submit}>
        <TextItem
          max={maxLengthOf(ZProposalEvent.shape.comment)}
          name="comment"
          label="不予立案的理由"
          rules={[{ required: true, message: '请填写不予立案的理由' }]}
        >
          <Input.TextArea rows={4} />
        </TextItem>
      </Form>
    </FormModal>
  );
}

/** One 问责建议: its source, the evidence chain with links, and accept / decline for the intake. */
export function ProposalDetailPage() {
  const { id } = useParams();
  const { data: p, isLoading } = useProposal(id);
  const [modal, setModal] = useState<'accept' | 'decline' | null>(null);
  if (isLoading || !p) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  return (
    <>
      <PageHeader
        title={`问责建议 ${p.code}`}
        subTitle={p.sourceLabel}
        extra={
          <Space>
            {p.actions.includes('accept') && (
              <Button type="primary" onClick={() => setModal('accept')}>
                受理立案
              </Button>
            )}
            {p.actions.includes('decline') && <Button onClick={() => setModal('decline')}>不予立案</Button>}
          </Space>
        }
      />
      {p.state === 'accepted' && p.caseId && (
        <Alert
          type="success"
          showIcon
          title={
            <>
              已立案：<Link to={`/cases/${p.caseId}`}>{p.caseCode}</Link>
            </>
          }
        />
      )}
      {p.state === 'declined' && <Alert type="warning" showIcon title={`不予立案。理由：${p.declineReason}`} />}
      <Card style={{ marginTop: 16 }}>
        <Descriptions column={2} bordered size="small">
          <Descriptions.Item label="来源">
            {p.sourceLabel} <Link to={p.sourceLink}>{p.sourceCode}</Link>
          </Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag>{p.stateLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="事由" span={2}>
            {p.sourceTitle}
          </Descriptions.Item>
          <Descriptions.Item label="建议问责对象" span={2}>
            {p.subjects.map((s) => `${s.name}${s.subjectType === 'unit' ? '（组织）' : ''}`).join('、')}
          </Descriptions.Item>
          <Descriptions.Item label="问责情形" span={2}>
            {p.situationText ?? '未提出'}
          </Descriptions.Item>
          <Descriptions.Item label="建议理由" span={2}>
            {p.reason}
          </Descriptions.Item>
          <Descriptions.Item label="提出">
            {p.proposedByName} {formatDateTime(p.createdAt)}
          </Descriptions.Item>
          <Descriptions.Item label="受理">
            {p.decidedByName ? `${p.decidedByName} ${formatDateTime(p.decidedAt ?? '')}` : '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="证据链" style={{ marginTop: 16 }} data-testid="proposal-evidence">
        <List
          dataSource={p.evidence}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta title={evidenceLink(e.link, e.label)} description={e.detail} />
              {e.at ? formatDateTime(e.at) : null}
            </List.Item>
          )}
        />
      </Card>
      <EventLogCard events={p.events} />
      {modal === 'accept' && <AcceptModal p={p} onClose={() => setModal(null)} />}
      {modal === 'decline' && <DeclineModal p={p} onClose={() => setModal(null)} />}
    </>
  );
}
