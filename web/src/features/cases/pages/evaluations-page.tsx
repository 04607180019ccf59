import { Button, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EVALUATION_CHECKLIST } from '../../../../../common/cases';
import { SearchFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { applyFormErrors, notifyError, notifySuccess } from '../../../lib/notify';
import {
  type Evaluation,
  useCaseOfficers,
  useEvaluations,
  useSampleEvaluations,
  useScoreEvaluation,
} from '../api/cases';
import { CaseNav } from '../components/case-nav';
import { officerOptions } from '../components/officer-options';
import { currentPeriod } from '../../../lib/format';
import { maxLengthOf } from '../../../lib/schema-limits';
import { ZScoreEvaluation } from '../../../../../common/cases.evaluations.schema';
import { TextItem } from '../../../components/text-item';

/** The limits the server validates (common/cases.evaluations.schema.ts). */
const LIMITS = {
  defects: maxLengthOf(ZScoreEvaluation.shape.defects),
  corrections: maxLengthOf(ZScoreEvaluation.shape.corrections),
};

const thisHalf = () => {
  const { year, half } = currentPeriod();
  return `${year}-H${half}`;
};

type EvaluationFilters = { period?: string };
const FILTER_KEYS = ['period'] as const;

/** 案件评查: closed cases sampled at random per period and scored per stage. */
export function EvaluationsPage() {
  const list = useListParams<EvaluationFilters>(FILTER_KEYS, { filters: { period: thisHalf() } });
  const period = list.filters.period ?? '';
  const result = useEvaluations(list.query);
  const sample = useSampleEvaluations();
  const score = useScoreEvaluation();
  const officers = useCaseOfficers();
  const [evaluators, setEvaluators] = useState<string[]>([]);
  const [editing, setEditing] = useState<Evaluation | null>(null);
  const [form] = Form.useForm();

  const draw = async () => {
    try {
      // Only the named evaluators read the sampled files (the organiser does not by sampling).
      const r = await sample.mutateAsync({ period, size: 5, evaluatorUserIds: evaluators });
      notifySuccess(r.sampled ? `已随机抽取 ${r.sampled} 件已结案件` : '本期已无可抽取的已结案件');
    } catch (e) {
      notifyError(e);
    }
  };
  const save = async (v: { scores: Evaluation['scores']; defects?: string; corrections?: string }) => {
    if (!editing) return;
    try {
      await score.mutateAsync({
        id: editing.id,
        version: editing.version,
        scores: v.scores,
        defects: v.defects ?? '',
        corrections: v.corrections ?? '',
      });
      notifySuccess('评查结果已保存');
      setEditing(null);
    } catch (e) {
      if (!applyFormErrors(form, e)) notifyError(e);
    }
  };

  return (
    <>
      <PageHeader
        title="案件评查"
        subTitle="按启动、调查、决定、执行四个环节评分，记录问题和整改"
        extra={<CaseNav />}
      />
      <Space style={{ marginBottom: 12 }}>
        <SearchFilter list={list} name="period" label="评查期间" placeholder="如 2026-H2" width={160} />
        <Select
          mode="multiple"
          placeholder="指定评查人员"
          aria-label="评查人员"
          value={evaluators}
          onChange={setEvaluators}
          loading={officers.isLoading}
          options={officerOptions(officers.data?.items ?? [])}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 320 }}
        />
        <Button type="primary" onClick={draw} loading={sample.isPending} disabled={evaluators.length === 0}>
          随机抽取 5 件
        </Button>
        <ListExport path="/case-evaluations/export.xlsx" list={list} />
      </Space>
      <ListTable<Evaluation, EvaluationFilters>
        list={list}
        result={result}
        emptyText="本期尚未抽取案件"
        columns={[
          {
            title: '案件',
            dataIndex: 'caseCode',
            render: (v: string, e) => <Link to={`/cases/${e.caseId}`}>{`${v} ${e.caseTitle}`}</Link>,
          },
          { title: '期间', dataIndex: 'period', width: 100 },
          { title: '得分', dataIndex: 'total', width: 80, sorter: true, render: (v: number | null) => v ?? '—' },
          { title: '发现问题', dataIndex: 'defects', ellipsis: true },
          {
            title: '操作',
            width: 90,
            render: (_: unknown, e) => (
              <Button
                size="small"
                onClick={() => {
                  form.setFieldsValue({ scores: e.scores, defects: e.defects, corrections: e.corrections });
                  setEditing(e);
                }}
              >
                评分
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={!!editing}
        title={`评查：${editing?.caseCode ?? ''}`}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        okText="保存"
        width={720}
        confirmLoading={score.isPending}
      >
        <Form form={form} layout="vertical" onFinish={save}>
          {Object.entries(EVALUATION_CHECKLIST).map(([stage, def]) => (
            <div key={stage}>
              <Typography.Title level={5}>{def.label}</Typography.Title>
              {Object.entries(def.items).map(([item, [label, max]]) => (
                <Form.Item key={item} name={['scores', stage, item]} label={`${label}（${max}分）`}>
                  <InputNumber min={0} max={max} />
                </Form.Item>
              ))}
            </div>
          ))}
          <TextItem max={LIMITS.defects} name="defects" label="发现的问题">
            <Input.TextArea rows={2} />
          </TextItem>
          <TextItem max={LIMITS.corrections} name="corrections" label="整改情况">
            <Input.TextArea rows={2} />
          </TextItem>
        </Form>
      </Modal>
    </>
  );
}
