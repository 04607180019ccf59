import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Form, Input, Modal, Select, type TableProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { PATROL_METHODS, TASK_STATES } from '../../../../../common/patrol';
import { UnitSelect } from '../../../components/entity-selects';
import { ChoiceFilter, FilterBar } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { beforeToday, formatDate } from '../../../lib/format';
import { applyFormErrors, notifyError, notifySuccess, validValues } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { type Task, usePatrolWrite, useTasks } from '../api/patrol';
import { PatrolGroupSelect } from '../components/patrol-group-select';
import { PatrolNav, useIsPatrolInsider } from '../components/patrol-nav';
import { stateColumn } from '../components/state-tag';
import { ZCreateTask } from '../../../../../common/patrol.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

type TaskFilters = { state?: string };
const FILTER_KEYS = ['state'] as const;
const METHOD_OPTIONS = Object.entries(PATROL_METHODS).map(([value, label]) => ({ value, label }));

interface TaskForm {
  groupId: string;
  title: string;
  targetUnitIds?: string[];
  projects?: string[];
  focus: string;
  method: string;
  period: [Dayjs, Dayjs];
  deadline: Dayjs;
  requirements?: string;
}

/** 《督导巡查工作任务交办单》 drafted by the office for one patrol group. */
function NewTaskModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<TaskForm>();
  const navigate = useNavigate();
  const create = usePatrolWrite<Task>('/tasks');
  const submit = async (issue: boolean) => {
    const v = await validValues(form);
    if (!v) return;
    create.mutate(
      {
        groupId: v.groupId,
        title: v.title,
        targetUnitIds: v.targetUnitIds ?? [],
        projects: v.projects ?? [],
        focus: v.focus,
        method: v.method,
        periodStart: v.period[0].format('YYYY-MM-DD'),
        periodEnd: v.period[1].format('YYYY-MM-DD'),
        deadline: v.deadline.format('YYYY-MM-DD'),
        requirements: v.requirements ?? '',
        issue,
      },
      {
        onSuccess: (t) => {
          notifySuccess(issue ? '交办单已下达' : '交办单已保存为拟稿');
          onClose();
          form.resetFields();
          void navigate(`/supervision/tasks/${t.id}`);
        },
        onError: (e) => {
          if (!applyFormErrors(form, e)) notifyError(e);
        },
      },
    );
  };
  return (
    <Modal
      title="新建督导巡查工作任务交办单"
      open={open}
      onCancel={onClose}
      width={720}
      footer={[
        <Button key="cancel" onClick={onClose}>
          取消
        </Button>,
        <Button key="draft" loading={create.isPending} onClick={() => void submit(false)}>
          保存拟稿
        </Button>,
        <Button key="issue" type="primary" loading={create.isPending} onClick={() => void submit(true)}>
          下达交办单
        </Button>,
      ]}
    >
      <Form form={form} layout="vertical" initialValues={{ method: 'daily' }}>
        <Form.Item name="groupId" label="督导巡查组" rules={[{ required: true, message: '请选择督导巡查组' }]}>
          <PatrolGroupSelect />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateTask.shape.title)}
          name="title"
          label="任务名称"
          rules={[{ required: true, message: '请填写任务名称' }]}
        >
          <Input />
        </TextItem>
        <Form.Item name="targetUnitIds" label="督导单位">
          <UnitSelect multiple placeholder="选择被督导单位" />
        </Form.Item>
        <Form.Item name="projects" label="督导项目" extra="输入项目名称后回车，可填多个">
          <Select mode="tags" open={false} placeholder="如：城北棚户区改造项目" />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateTask.shape.focus)}
          name="focus"
          label="督导重点"
          rules={[{ required: true, message: '请填写督导重点' }]}
        >
          <Input.TextArea rows={3} />
        </TextItem>
        <Form.Item name="method" label="督导方式" rules={[{ required: true, message: '请选择督导方式' }]}>
          <Select options={METHOD_OPTIONS} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="period" label="督导时间" rules={[{ required: true, message: '请选择督导时间' }]}>
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item name="deadline" label="完成时限" rules={[{ required: true, message: '请选择完成时限' }]}>
            <DatePicker disabledDate={beforeToday} />
          </Form.Item>
        </Flex>
        <TextItem max={maxLengthOf(ZCreateTask.shape.requirements)} name="requirements" label="工作要求">
          <Input.TextArea rows={2} />
        </TextItem>
      </Form>
    </Modal>
  );
}

/** Task sheets: the office sees every group's, a patrol group its own. */
export function TasksPage() {
  const canManage = usePermission('patrol:manage');
  const insider = useIsPatrolInsider();
  const list = useListParams<TaskFilters>(FILTER_KEYS);
  const [creating, setCreating] = useState(false);
  const result = useTasks(list.query);
  if (!insider) return <Navigate to="/supervision/bulletins" replace />;
  const columns: TableProps<Task>['columns'] = [
    { title: '编号', dataIndex: 'code', width: 150 },
    { title: '发文字号', dataIndex: 'docNumber', width: 170, render: (v?: string | null) => v ?? '—' },
    {
      title: '任务名称',
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, t) => <Link to={`/supervision/tasks/${t.id}`}>{v}</Link>,
    },
    { title: '督导巡查组', dataIndex: 'groupName', width: 140 },
    { title: '督导方式', dataIndex: 'methodLabel', width: 140 },
    {
      title: '完成时限',
      dataIndex: 'deadline',
      width: 130,
      sorter: true,
      render: (v: string, t) => <span style={t.overdue ? { color: '#f5222d' } : undefined}>{formatDate(v)}</span>,
    },
    stateColumn(),
  ];
  return (
    <>
      <PageHeader
        title="督导巡查"
        subTitle="领导小组办公室下达交办单，督导巡查组独立开展督导、只对上负责"
        extra={
          canManage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建交办单
            </Button>
          ) : null
        }
      />
      <FilterBar>
        <PatrolNav />
        <ChoiceFilter list={list} name="state" label="状态" labels={TASK_STATES} />
        <ListExport path="/tasks/export.xlsx" list={list} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无交办单" testId="task-table" />
      <NewTaskModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
