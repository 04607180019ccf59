import { App, Button, Card, Descriptions, Flex, List, Modal, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { TASK_EVENTS } from '../../../../../common/patrol';
import { DownloadButton } from '../../../components/download-button';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate, formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { type Task, useFindings, useInspection, useInspections, usePatrolWrite, useTask } from '../api/patrol';
import { TextActionModal } from '../components/event-modal';
import { PatrolNav } from '../components/patrol-nav';
import { StateTag } from '../components/state-tag';

const TEXT_EVENTS: Record<string, { field: string; label: string; danger?: boolean }> = {
  report: { field: 'report', label: '督导情况报告' },
  return: { field: 'comment', label: '退回原因' },
  cancel: { field: 'comment', label: '撤销理由', danger: true },
};

/** One visit with its photos and files. */
function InspectionModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data } = useInspection(id ?? undefined);
  return (
    <Modal title="督导记录" open={!!id} onCancel={onClose} footer={null}>
      {data ? (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label="日期">{formatDate(data.date)}</Descriptions.Item>
          <Descriptions.Item label="地点">{data.place}</Descriptions.Item>
          <Descriptions.Item label="方式">{data.methodLabel}</Descriptions.Item>
          <Descriptions.Item label="被督导单位">{data.units.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
          <Descriptions.Item label="项目">{data.project || '—'}</Descriptions.Item>
          <Descriptions.Item label="接触人员">{data.peopleMet || '—'}</Descriptions.Item>
          <Descriptions.Item label="督导情况">{data.notes}</Descriptions.Item>
          <Descriptions.Item label="照片和材料">
            {(data.files ?? []).map((f) => (
              <div key={f.id}>
                <a href={`/api/inspections/${data.id}/files/${f.id}`} download>
                  {f.name}
                </a>
              </div>
            ))}
            {data.files?.length ? null : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="记录人">{data.createdByName}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Spin />
      )}
    </Modal>
  );
}

export function TaskDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const read = useTask(id);
  const task = read.data;
  const inspections = useInspections({ taskId: id, pageSize: 100 });
  const findings = useFindings({ taskId: id, pageSize: 100 });
  const fire = usePatrolWrite<Task>(`/tasks/${id}/events`);
  const [asking, setAsking] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);

  if (!task) return <QueryFallback query={read} what="任务" />;

  const send = (type: string, extra: Record<string, string> = {}) =>
    fire.mutate(
      { type, version: task.version, ...extra },
      {
        onSuccess: () => {
          notifySuccess(`已${TASK_EVENTS[type as keyof typeof TASK_EVENTS]}`);
          setAsking(null);
        },
        onError: notifyError,
      },
    );
  const act = (type: string) => {
    if (TEXT_EVENTS[type]) return setAsking(type);
    modal.confirm({
      title: `确认${TASK_EVENTS[type as keyof typeof TASK_EVENTS]}？`,
      content: type === 'issue' ? `交办单将下达给${task.groupName}。` : undefined,
      okText: '确定',
      cancelText: '取消',
      onOk: () => send(type),
    });
  };
  const canRecord = task.actions.includes('report');
  const text = asking ? TEXT_EVENTS[asking] : null;

  return (
    <>
      <PageHeader
        title={task.title}
        subTitle={`${task.code} · ${task.groupName}`}
        extra={
          <>
            <DownloadButton path={`/tasks/${task.id}/documents/assignment.docx`}>交办单</DownloadButton>
            {canRecord ? (
              <Button type="primary" onClick={() => void navigate(`/supervision/record?taskId=${task.id}`)}>
                记录督导情况
              </Button>
            ) : null}
            {task.actions.map((a) => (
              <Button key={a} danger={a === 'cancel'} onClick={() => act(a)}>
                {TASK_EVENTS[a as keyof typeof TASK_EVENTS]}
              </Button>
            ))}
          </>
        }
      />
      <Flex style={{ marginBottom: 16 }}>
        <PatrolNav />
      </Flex>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="状态">
          <StateTag state={task.state} label={task.stateLabel} testId="task-state" />
        </Descriptions.Item>
        <Descriptions.Item label="督导方式">{task.methodLabel}</Descriptions.Item>
        <Descriptions.Item label="督导单位">{task.targetUnits.map((u) => u.name).join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="督导项目">{task.projects.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="督导时间">
          {formatDate(task.periodStart)} 至 {formatDate(task.periodEnd)}
        </Descriptions.Item>
        <Descriptions.Item label="完成时限">{formatDate(task.deadline)}</Descriptions.Item>
        <Descriptions.Item label="督导重点" span={2}>
          {task.focus}
        </Descriptions.Item>
        <Descriptions.Item label="工作要求" span={2}>
          {task.requirements || '—'}
        </Descriptions.Item>
        {task.report ? (
          <Descriptions.Item label="督导情况报告" span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{task.report}</Typography.Paragraph>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Flex gap={16} wrap align="start">
        <Card
          title="督导记录"
          size="small"
          style={{ flex: '1 1 320px' }}
          extra={
            <DownloadButton path="/inspections/export.xlsx" query={{ taskId: task.id }}>
              导出
            </DownloadButton>
          }
        >
          <List
            dataSource={inspections.data?.items ?? []}
            locale={{ emptyText: '暂无督导记录' }}
            renderItem={(i) => (
              <List.Item>
                <List.Item.Meta
                  title={`${formatDate(i.date)} ${i.place}`}
                  description={`${i.methodLabel} · ${i.notes}`}
                />
              </List.Item>
            )}
          />
        </Card>
        <Card title="督导发现" size="small" style={{ flex: '1 1 320px' }}>
          <List
            dataSource={findings.data?.items ?? []}
            locale={{ emptyText: '暂无督导发现' }}
            renderItem={(f) => (
              <List.Item extra={<StateTag state={f.state} label={f.stateLabel} />}>
                <Link to={`/supervision/findings/${f.id}`}>{f.title}</Link>
              </List.Item>
            )}
          />
        </Card>
        <Card title="办理过程" size="small" style={{ flex: '1 1 280px' }}>
          <Timeline
            items={(task.events ?? []).map((e) => ({
              content: `${formatDateTime(e.at)} ${e.actorName} ${TASK_EVENTS[e.type as keyof typeof TASK_EVENTS] ?? e.type}${e.comment ? `：${e.comment}` : ''}`,
            }))}
          />
        </Card>
      </Flex>
      <InspectionModal id={viewing} onClose={() => setViewing(null)} />
      <TextActionModal
        open={!!asking}
        title={asking ? TASK_EVENTS[asking as keyof typeof TASK_EVENTS] : ''}
        field={text?.field ?? 'comment'}
        label={text?.label ?? ''}
        danger={text?.danger}
        loading={fire.isPending}
        onCancel={() => setAsking(null)}
        onSubmit={(v) => asking && send(asking, v)}
      />
    </>
  );
}
