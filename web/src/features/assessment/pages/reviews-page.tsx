import { PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Input, InputNumber, Select, type TableProps, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { REVIEW_STATES, type ReviewState } from '../../../../../common/reviews';
import { ZCreateReview } from '../../../../../common/reviews.schema';
import { UnitSelect } from '../../../components/entity-selects';
import { FormModal } from '../../../components/form-modal';
import { ChoiceFilter, FilterBar, UnitFilter, YearFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { currentPeriod, dayjs, formatDate } from '../../../lib/format';
import { applyFormErrors, notifyError, notifySuccess } from '../../../lib/notify';
import { maxLengthOf } from '../../../lib/schema-limits';
import { usePermission } from '../../../lib/session';
import { type Review, type ReviewFilters, useCreateReview, useReviews } from '../api/reviews';
import { useSystems } from '../api/systems';
import { AssessmentNav } from '../components/assessment-nav';
import { TextItem } from '../../../components/text-item';

const FILTER_KEYS = ['year', 'state', 'unitId'] as const;
export const REVIEW_STATE_COLORS: Record<ReviewState, string> = {
  draft: 'default',
  published: 'blue',
  rectifying: 'orange',
  recheck_scheduled: 'gold',
  closed: 'success',
};

interface Values {
  unitId: string;
  systemId: string;
  title: string;
  year: number;
  visitedOn: Dayjs;
}

function NewReviewModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const systems = useSystems({ page: 1, pageSize: 100 });
  const create = useCreateReview();
  const navigate = useNavigate();
  async function submit(v: Values) {
    try {
      const r = await create.mutateAsync({ ...v, visitedOn: v.visitedOn.format('YYYY-MM-DD') });
      notifySuccess('督导评估已建立，请逐项评分');
      void navigate(`/assessment/reviews/${r.id}`);
    } catch (err) {
      if (!applyFormErrors(form, err)) notifyError(err);
    }
  }
  return (
    <FormModal form={form} title="新建督导评估" okText="建立" pending={create.isPending} onClose={onClose} width={600}>
      <Form
        form={form}
        name="review"
        layout="vertical"
        onFinish={submit}
        initialValues={{ year: currentPeriod().year, visitedOn: dayjs() }}
      >
        <Form.Item name="unitId" label="被评估单位" rules={[{ required: true, message: '请选择被评估单位' }]}>
          <UnitSelect placeholder="选择被评估单位" />
        </Form.Item>
        <Form.Item name="systemId" label="指标体系" rules={[{ required: true, message: '请选择指标体系' }]}>
          <Select
            loading={systems.isLoading}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="按一级指标评分，如：教育督导评估"
            options={(systems.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.year}年 ${s.name}` }))}
          />
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateReview.shape.title)}
          name="title"
          label="评估名称"
          rules={[{ required: true, whitespace: true, message: '请填写评估名称' }]}
        >
          <Input placeholder="如：2026年度教育工作督导评估" />
        </TextItem>
        <Form.Item name="year" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="visitedOn" label="实地督导日期" rules={[{ required: true, message: '请选择实地督导日期' }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 督导评估: the office's, or the published ones of the caller's units. */
export function ReviewsPage() {
  const canManage = usePermission('assessment:manage');
  const list = useListParams<ReviewFilters>(FILTER_KEYS);
  const result = useReviews(list.query);
  const [creating, setCreating] = useState(false);
  const columns: TableProps<Review>['columns'] = [
    {
      title: '评估名称',
      dataIndex: 'title',
      ellipsis: true,
      render: (v: string, r) => <Link to={`/assessment/reviews/${r.id}`}>{v}</Link>,
    },
    { title: '被评估单位', dataIndex: 'unitName', width: 180, ellipsis: true },
    { title: '实地督导', dataIndex: 'visitedOn', width: 120, render: (v: string) => formatDate(v) },
    { title: '得分', dataIndex: 'total', width: 80, render: (v: number | null) => v ?? '—' },
    { title: '复查日期', dataIndex: 'recheckOn', width: 120, render: (v: string | null) => (v ? formatDate(v) : '—') },
    {
      title: '状态',
      dataIndex: 'state',
      width: 110,
      render: (_: string, r) => <Tag color={REVIEW_STATE_COLORS[r.state]}>{r.stateLabel}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader
        title="督导评估"
        subTitle="评估 → 公开报告 → 限期整改 → 复查"
        extra={
          <>
            <AssessmentNav />
            {canManage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建督导评估
              </Button>
            ) : null}
          </>
        }
      />
      <FilterBar testId="review-filters">
        <YearFilter list={list} />
        <ChoiceFilter list={list} name="state" label="状态" labels={REVIEW_STATES} width={130} />
        {canManage ? <UnitFilter list={list} placeholder="被评估单位" width={220} /> : null}
        <ListExport path="/supervision-reviews/export.xlsx" list={list} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无督导评估" testId="review-table" />
      {creating ? <NewReviewModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
