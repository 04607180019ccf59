import { App, Button, Card, Checkbox, Descriptions, Form, Input, Tag } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { DownloadButton } from '../../../components/download-button';
import { EventLogCard } from '../../../components/event-log-card';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate } from '../../../lib/format';
import { notifyError, notifyOutcome, notifySuccess, submitForm } from '../../../lib/notify';
import { type TalkDetail, talkRecordDocPath, useDeleteTalk, useTalk, useTalkEvent } from '../api/talks';
import { subjectsOf } from './talks-page';
import { ZTalkEvent } from '../../../../../common/talks.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const pre = { whiteSpace: 'pre-wrap' as const };

function RecordCard({ talk }: { talk: TalkDetail }) {
  const [form] = Form.useForm<{ record: string }>();
  const fire = useTalkEvent(talk.id);
  const editable = talk.actions.includes('record');
  useEffect(() => form.setFieldsValue({ record: talk.record }), [talk.record, form]);
  const save = ({ record }: { record: string }) =>
    submitForm(form, async () => {
      await fire.mutateAsync({ type: 'record', version: talk.version, record: record?.trim() });
      notifySuccess('谈话记录已保存');
    });
  return (
    <Card title="谈话记录" size="small" style={{ marginBottom: 12 }}>
      {editable ? (
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={fire.isPending}>
          <TextItem
            max={maxLengthOf(ZTalkEvent.shape.record)}
            name="record"
            rules={[{ required: true, whitespace: true, message: '请填写谈话记录' }]}
          >
            <Input.TextArea rows={8} aria-label="谈话记录" placeholder="谈话的主要内容、谈话对象的表态" />
          </TextItem>
          <Button type="primary" htmlType="submit" loading={fire.isPending}>
            保存谈话记录
          </Button>
        </Form>
      ) : (
        <div style={pre} data-testid="talk-record">
          {talk.record || '尚未记录'}
        </div>
      )}
    </Card>
  );
}

function FollowUpCard({ talk }: { talk: TalkDetail }) {
  const [form] = Form.useForm<{ result: string; done: boolean }>();
  const fire = useTalkEvent(talk.id);
  if (!talk.followUpRequired) return null;
  const save = (v: { result: string; done: boolean }) =>
    submitForm(form, async () => {
      await fire.mutateAsync({ type: 'follow_up', version: talk.version, result: v.result?.trim(), done: !!v.done });
      notifySuccess('跟踪情况已记录');
      form.resetFields();
    });
  return (
    <Card title="整改跟踪" size="small" style={{ marginBottom: 12 }}>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'req', label: '整改要求', children: <div style={pre}>{talk.followUpRequired}</div> },
          { key: 'due', label: '整改期限', children: talk.followUpDue ? formatDate(talk.followUpDue) : '—' },
          {
            key: 'state',
            label: '落实情况',
            children: talk.followUpDone ? (
              <Tag color="success">已落实</Tag>
            ) : talk.followUpOverdue ? (
              <Tag color="error">逾期未落实</Tag>
            ) : (
              <Tag>跟踪中</Tag>
            ),
          },
          ...(talk.followUpResult
            ? [{ key: 'res', label: '跟踪记录', children: <div style={pre}>{talk.followUpResult}</div> }]
            : []),
        ]}
      />
      {talk.actions.includes('follow_up') ? (
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={fire.isPending}>
          <TextItem
            max={maxLengthOf(ZTalkEvent.shape.result)}
            name="result"
            label="本次跟踪情况"
            rules={[{ required: true, whitespace: true, message: '请填写整改落实情况' }]}
          >
            <Input.TextArea rows={3} aria-label="跟踪情况" />
          </TextItem>
          <Form.Item name="done" valuePropName="checked">
            <Checkbox>整改要求已落实到位</Checkbox>
          </Form.Item>
          <Button htmlType="submit" loading={fire.isPending}>
            记录跟踪情况
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}

function Actions({ talk }: { talk: TalkDetail }) {
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const fire = useTalkEvent(talk.id);
  const remove = useDeleteTalk(talk.id);
  return (
    <>
      {talk.actions.includes('update') ? (
        <Button onClick={() => void navigate(`/talks/${talk.id}/edit`)}>修改</Button>
      ) : null}
      {talk.actions.includes('close') ? (
        <Button
          type="primary"
          onClick={() =>
            modal.confirm({
              title: '办结谈话',
              content: '办结后不能再修改谈话记录和跟踪情况。',
              onOk: () => notifyOutcome(fire.mutateAsync({ type: 'close', version: talk.version }), '谈话已办结'),
            })
          }
        >
          办结
        </Button>
      ) : null}
      {talk.actions.includes('delete') ? (
        <Button
          danger
          onClick={() =>
            modal.confirm({
              title: '删除谈话安排',
              content: `删除 ${talk.code}？`,
              onOk: async () => {
                try {
                  await remove.mutateAsync(talk.version);
                  notifySuccess('已删除');
                  void navigate('/talks', { replace: true });
                } catch (err) {
                  notifyError(err);
                }
              },
            })
          }
        >
          删除
        </Button>
      ) : null}
      <DownloadButton path={talkRecordDocPath(talk.id)}>谈话笔录（.docx）</DownloadButton>
    </>
  );
}

/** One talk: who, whom, why; the record and the follow-up. */
export function TalkDetailPage() {
  const { id } = useParams();
  const query = useTalk(id);
  const t = query.data;
  if (!t) return <QueryFallback query={query} what="谈话" />;
  const talkers = [...t.talkers.map((p) => `${p.name}（${p.unitName}${p.post}）`), t.talkerNames]
    .filter(Boolean)
    .join('、');
  return (
    <>
      <PageHeader
        title={
          <>
            {t.code} {t.kindLabel} <Tag>{t.stateLabel}</Tag>
            {t.formOfFour ? <Tag color="purple">第一种形态</Tag> : null}
          </>
        }
        subTitle={`${formatDate(t.talkOn)}${t.startTime ? ` ${t.startTime}${t.endTime ? `–${t.endTime}` : ''}` : ''} · ${t.place || '地点未填'}`}
        extra={<Actions talk={t} />}
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          column={2}
          size="small"
          bordered
          data-testid="talk-detail"
          items={[
            { key: 'subjects', label: '谈话对象', span: 2, children: subjectsOf(t) },
            { key: 'talkers', label: '谈话人', span: 2, children: talkers || '—' },
            { key: 'recorder', label: '记录人', span: 2, children: t.recorder?.name || '—' },
            { key: 'reason', label: '谈话事由', span: 2, children: <div style={pre}>{t.reason}</div> },
            {
              key: 'links',
              label: '关联',
              span: 2,
              children: (
                <>
                  {t.problemId ? <Link to={`/problems/${t.problemId}`}>问题</Link> : null}{' '}
                  {t.warningId ? <Link to={`/warnings/${t.warningId}`}>模拟问责单</Link> : null}{' '}
                  {t.caseId ? <Link to={`/cases/${t.caseId}`}>问责案件</Link> : null}
                  {!t.problemId && !t.warningId && !t.caseId ? '—' : null}
                </>
              ),
            },
          ]}
        />
      </Card>
      <RecordCard talk={t} />
      <FollowUpCard talk={t} />
      <EventLogCard events={t.events} />
    </>
  );
}
