import { CameraOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Form, Input, List, Result, Select, Upload, type UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PATROL_METHODS } from '../../../../../common/patrol';
import { ZCreateFinding, ZCreateInspection } from '../../../../../common/patrol.schema';
import { PROBLEM_SEVERITIES } from '../../../../../common/problems';
import { UnitSelect } from '../../../components/entity-selects';
import { PageHeader } from '../../../components/page-header';
import { afterToday, dayjs } from '../../../lib/format';
import { applyFormErrors, notifyError, notifySuccess, validValues } from '../../../lib/notify';
import {
  type Finding,
  type Inspection,
  usePatrolWrite,
  useTask,
  useTasks,
  useUploadInspectionFile,
} from '../api/patrol';
import { PatrolNav } from '../components/patrol-nav';
import { StateTag } from '../components/state-tag';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

/** The limits the server validates (common/patrol.schema.ts). */
const INSPECTION = {
  place: maxLengthOf(ZCreateInspection.shape.place),
  project: maxLengthOf(ZCreateInspection.shape.project),
  peopleMet: maxLengthOf(ZCreateInspection.shape.peopleMet),
  notes: maxLengthOf(ZCreateInspection.shape.notes),
};
const FINDING = {
  title: maxLengthOf(ZCreateFinding.shape.title),
  description: maxLengthOf(ZCreateFinding.shape.description),
  suggestion: maxLengthOf(ZCreateFinding.shape.suggestion),
  category: maxLengthOf(ZCreateFinding.shape.category),
};

const METHOD_OPTIONS = Object.entries(PATROL_METHODS).map(([value, label]) => ({ value, label }));
const SEVERITY_OPTIONS = Object.entries(PROBLEM_SEVERITIES).map(([value, label]) => ({ value, label }));

interface InspectionForm {
  taskId?: string;
  date: Dayjs;
  place: string;
  method: string;
  unitIds?: string[];
  project?: string;
  peopleMet?: string;
  notes: string;
  photos?: UploadFile[];
}

interface FindingForm {
  unitId: string;
  title: string;
  description: string;
  suggestion?: string;
  category?: string;
  severity: string;
}

/**
 * 现场记录: a patrol group records a visit and what it found, on a phone in the field.
 * Findings go to the leading group's office only (the unit is not told).
 */
export function RecordPage() {
  const [params] = useSearchParams();
  const [form] = Form.useForm<InspectionForm>();
  const [findingForm] = Form.useForm<FindingForm>();
  const tasks = useTasks({ pageSize: 200 });
  const taskId = Form.useWatch('taskId', form) ?? params.get('taskId') ?? undefined;
  const task = useTask(taskId);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const [recorded, setRecorded] = useState<Finding[]>([]);
  const createInspection = usePatrolWrite<Inspection>('/inspections');
  const createFinding = usePatrolWrite<Finding>('/findings');
  const upload = useUploadInspectionFile();

  const openTasks = (tasks.data?.items ?? []).filter((t) => t.state === 'issued' || t.state === 'in_progress');
  const targetOptions = useMemo(
    () => (task.data?.targetUnits ?? []).map((u) => ({ value: u.id, label: u.name })),
    [task.data],
  );

  const saveInspection = async () => {
    const v = await validValues(form);
    if (!v) return;
    createInspection.mutate(
      {
        taskId: v.taskId ?? null,
        date: v.date.format('YYYY-MM-DD'),
        place: v.place,
        method: v.method,
        unitIds: v.unitIds ?? [],
        project: v.project ?? '',
        peopleMet: v.peopleMet ?? '',
        notes: v.notes,
      },
      {
        onSuccess: async (saved) => {
          for (const f of v.photos ?? []) {
            if (f.originFileObj) await upload.mutateAsync({ inspectionId: saved.id, file: f.originFileObj });
          }
          notifySuccess('督导记录已保存');
          setInspection(saved);
          findingForm.setFieldsValue({ unitId: saved.units[0]?.id, severity: 'general' });
        },
        onError: (e) => {
          if (!applyFormErrors(form, e)) notifyError(e);
        },
      },
    );
  };

  const saveFinding = async () => {
    if (!inspection) return;
    const v = await validValues(findingForm);
    if (!v) return;
    createFinding.mutate(
      { ...v, inspectionId: inspection.id, project: inspection.project },
      {
        onSuccess: (f) => {
          notifySuccess('发现问题已报送领导小组办公室');
          setRecorded((r) => [...r, f]);
          findingForm.resetFields(['title', 'description', 'suggestion', 'category']);
        },
        onError: (e) => {
          if (!applyFormErrors(findingForm, e)) notifyError(e);
        },
      },
    );
  };

  return (
    <>
      <PageHeader title="现场督导记录" />
      <div style={{ marginBottom: 12 }}>
        <PatrolNav />
      </div>
      {!inspection ? (
        <Card size="small" title="第一步：记录督导情况">
          <Form
            form={form}
            layout="vertical"
            initialValues={{ date: dayjs(), method: 'unannounced', taskId: params.get('taskId') ?? undefined }}
            data-testid="inspection-form"
          >
            <Form.Item name="taskId" label="督导任务">
              <Select
                allowClear
                placeholder="选择交办任务（可不选）"
                loading={tasks.isLoading}
                options={openTasks.map((t) => ({ value: t.id, label: `${t.code} ${t.title}` }))}
              />
            </Form.Item>
            <Form.Item name="date" label="督导日期" rules={[{ required: true, message: '请选择督导日期' }]}>
              <DatePicker style={{ width: '100%' }} inputReadOnly disabledDate={afterToday} />
            </Form.Item>
            <TextItem
              max={INSPECTION.place}
              name="place"
              label="督导地点"
              rules={[{ required: true, message: '请填写督导地点' }]}
            >
              <Input />
            </TextItem>
            <Form.Item name="method" label="督导方式" rules={[{ required: true, message: '请选择督导方式' }]}>
              <Select options={METHOD_OPTIONS} />
            </Form.Item>
            <Form.Item name="unitIds" label="被督导单位">
              {taskId ? (
                <Select mode="multiple" options={targetOptions} placeholder="选择被督导单位" />
              ) : (
                <UnitSelect multiple placeholder="选择被督导单位" />
              )}
            </Form.Item>
            <TextItem max={INSPECTION.project} name="project" label="督导项目">
              <Input placeholder={task.data?.projects.join('、') || '如：某重点项目'} />
            </TextItem>
            <TextItem max={INSPECTION.peopleMet} name="peopleMet" label="接触人员">
              <Input placeholder="如：项目经理、安全员" />
            </TextItem>
            <TextItem
              max={INSPECTION.notes}
              name="notes"
              label="督导情况"
              rules={[{ required: true, message: '请填写督导情况' }]}
            >
              <Input.TextArea rows={4} />
            </TextItem>
            <Form.Item
              name="photos"
              label="照片和材料"
              valuePropName="fileList"
              getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList}
            >
              <Upload beforeUpload={() => false} multiple accept="image/*,.pdf,.doc,.docx" listType="picture">
                <Button icon={<CameraOutlined />} block>
                  拍照或选择文件
                </Button>
              </Upload>
            </Form.Item>
            <Button
              type="primary"
              block
              size="large"
              loading={createInspection.isPending}
              onClick={() => void saveInspection()}
            >
              保存督导记录
            </Button>
          </Form>
        </Card>
      ) : (
        <Card size="small" title="第二步：记录发现的问题">
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`督导记录已保存：${inspection.place}`}
            description="发现的问题只报送领导小组办公室，不向被督导单位反馈。"
          />
          <Form form={findingForm} layout="vertical" data-testid="finding-form">
            <Form.Item name="unitId" label="责任单位" rules={[{ required: true, message: '请选择责任单位' }]}>
              <Select options={inspection.units.map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
            <TextItem
              max={FINDING.title}
              name="title"
              label="问题概述"
              rules={[{ required: true, message: '请填写问题概述' }]}
            >
              <Input />
            </TextItem>
            <TextItem
              max={FINDING.description}
              name="description"
              label="问题详情"
              rules={[{ required: true, message: '请填写问题详情' }]}
            >
              <Input.TextArea rows={4} />
            </TextItem>
            <TextItem max={FINDING.suggestion} name="suggestion" label="整改建议">
              <Input.TextArea rows={2} />
            </TextItem>
            <TextItem max={FINDING.category} name="category" label="问题类别">
              <Input placeholder="如：安全生产" />
            </TextItem>
            <Form.Item name="severity" label="严重程度">
              <Select options={SEVERITY_OPTIONS} />
            </Form.Item>
            <Button
              type="primary"
              block
              size="large"
              loading={createFinding.isPending}
              onClick={() => void saveFinding()}
            >
              报送发现问题
            </Button>
          </Form>
          {recorded.length ? (
            <List
              style={{ marginTop: 12 }}
              header="本次已报送"
              dataSource={recorded}
              data-testid="recorded-findings"
              renderItem={(f) => (
                <List.Item extra={<StateTag state={f.state} label={f.stateLabel} />}>
                  <Link to={`/supervision/findings/${f.id}`}>{f.title}</Link>
                </List.Item>
              )}
            />
          ) : null}
          <Button
            block
            style={{ marginTop: 12 }}
            onClick={() => {
              form.resetFields(['place', 'notes', 'peopleMet', 'project', 'photos']);
              setInspection(null);
            }}
          >
            记录下一处督导
          </Button>
        </Card>
      )}
      {tasks.isError ? <Result status="warning" title="任务加载失败" /> : null}
    </>
  );
}
