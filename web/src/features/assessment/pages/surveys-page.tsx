import { Button, Form, Input, InputNumber, Progress, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SURVEY_DEFAULT_QUESTIONS, SURVEY_STATES, type SurveyState } from '../../../../../common/assessment';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { FormModal } from '../../../components/form-modal';
import { ChoiceFilter, FilterBar, UnitFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { currentPeriod, formatDate } from '../../../lib/format';
import { applyFormErrors, notifyError, notifySuccess } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { type Survey, type SurveyFilters, useCreateSurvey, useSurveys } from '../api/surveys';
import { AssessmentNav } from '../components/assessment-nav';
import { questionsOf } from './survey-questions';
import { ZCreateSurvey } from '../../../../../common/assessment.schema';
import { maxLengthOf } from '../../../lib/schema-limits';
import { TextItem } from '../../../components/text-item';

const FILTER_KEYS = ['year', 'unitId', 'state'] as const;
const THIS_YEAR = currentPeriod().year;
const YEARS = Object.fromEntries(
  Array.from({ length: 5 }, (_, i) => String(THIS_YEAR - i)).map((y) => [y, `${y}年度`]),
);

interface NewSurveyValues {
  unitId: string;
  personId?: string | null;
  year: number;
  title: string;
  questions: string;
}

function NewSurveyModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<NewSurveyValues>();
  const create = useCreateSurvey();
  const navigate = useNavigate();
  async function submit(v: NewSurveyValues) {
    try {
      const s = await create.mutateAsync({ ...v, personId: v.personId ?? null, questions: questionsOf(v.questions) });
      notifySuccess('民主测评已创建，请发放选票');
      void navigate(`/assessment/surveys/${s.id}`);
    } catch (err) {
      if (!applyFormErrors(form, err)) notifyError(err);
    }
  }
  return (
    <FormModal form={form} title="新建民主测评" okText="创建" pending={create.isPending} onClose={onClose} width={640}>
      <Form
        form={form}
        name="survey"
        layout="vertical"
        onFinish={submit}
        initialValues={{ year: THIS_YEAR, questions: SURVEY_DEFAULT_QUESTIONS.join('\n') }}
      >
        <Form.Item name="unitId" label="测评单位" rules={[{ required: true, message: '请选择测评单位' }]}>
          <UnitSelect placeholder="选择被测评的单位（选票按该单位在册党员人数发放）" />
        </Form.Item>
        <Form.Item
          name="personId"
          label="被测评人（可选）"
          extra="对领导干部个人测评时选择，选票仍发给测评单位的在册党员；结果计入按人考核体系的“民主测评”指标。不选则测评领导班子，计入单位考核。"
        >
          <PersonSelect placeholder="输入姓名搜索领导干部" />
        </Form.Item>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateSurvey.shape.title)}
          name="title"
          label="测评名称"
          rules={[{ required: true, whitespace: true, message: '请填写测评名称' }]}
        >
          <Input placeholder="如：2026年度领导班子民主测评" />
        </TextItem>
        <Form.Item
          name="questions"
          label="测评题目（每行一题，按“好、较好、一般、差”作答）"
          rules={[
            {
              validator: (_, v: string) => {
                const n = questionsOf(v).length;
                if (n === 0) return Promise.reject(new Error('至少一道测评题目'));
                if (n > 30) return Promise.reject(new Error('测评题目不能超过30道'));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 12 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 民主测评: the office's surveys with their participation. */
export function SurveysPage() {
  const canManage = usePermission('assessment:manage');
  const list = useListParams<SurveyFilters>(FILTER_KEYS);
  const result = useSurveys(list.query);
  const [creating, setCreating] = useState(false);

  const columns: TableProps<Survey>['columns'] = [
    {
      title: '测评名称',
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, s) => <Link to={`/assessment/surveys/${s.id}`}>{v}</Link>,
    },
    { title: '测评单位', dataIndex: 'unitName', width: 200, ellipsis: true },
    {
      title: '被测评人',
      dataIndex: 'personName',
      width: 200,
      ellipsis: true,
      render: (v: string | null) => v ?? <Tag>领导班子</Tag>,
    },
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '题目', key: 'questions', width: 70, render: (_, s) => s.questions.length },
    {
      title: '参与情况',
      key: 'participation',
      width: 220,
      render: (_, s) =>
        s.issued ? (
          <span>
            {s.answered}/{s.issued}
            <Progress percent={s.participation} size="small" style={{ width: 120, marginLeft: 8 }} />
          </span>
        ) : (
          <Tag>未发放选票</Tag>
        ),
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 90,
      render: (v: SurveyState) => <Tag color={v === 'open' ? 'processing' : 'default'}>{SURVEY_STATES[v] ?? v}</Tag>,
    },
    { title: '创建日期', dataIndex: 'createdAt', width: 120, render: (v: string) => formatDate(v) },
  ];

  return (
    <>
      <PageHeader
        title="民主测评"
        subTitle="向单位党员发放一次性匿名选票，统计参与率和各题结果"
        extra={
          <>
            <AssessmentNav />
            {canManage ? (
              <Button type="primary" onClick={() => setCreating(true)}>
                新建民主测评
              </Button>
            ) : null}
          </>
        }
      />
      <FilterBar testId="survey-filters">
        <ChoiceFilter list={list} name="year" label="年度" labels={YEARS} width={120} />
        <UnitFilter list={list} placeholder="测评单位" width={220} />
        <ChoiceFilter list={list} name="state" label="状态" labels={SURVEY_STATES} width={120} />
        <ListExport path="/surveys/export.xlsx" list={list} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无民主测评" testId="survey-table" />
      {creating ? <NewSurveyModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
