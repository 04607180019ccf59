import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Radio, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SPOT_CHECK_STATES } from '../../../../../common/responsibility.spot-checks';
import { ZCreateSpotCheck } from '../../../../../common/responsibility.spot-checks.schema';
import { FormModal } from '../../../components/form-modal';
import { ChoiceFilter, FilterBar, QuarterFilter, YearFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { currentPeriod, formatDateTime } from '../../../lib/format';
import { maxLengthOf } from '../../../lib/schema-limits';
import { notifySuccess, submitForm } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { type SpotCheck, type SpotCheckFilters, useCreateSpotCheck, useSpotChecks } from '../api/spot-checks';
import { TextItem } from '../../../components/text-item';

const FILTERS = ['year', 'quarter', 'state'] as const;

/** 定期抽查制: the spot checks of the region, by period; the office starts one. */
export function SpotChecksPage() {
  const { year } = currentPeriod();
  const manage = usePermission('responsibility:manage');
  const [creating, setCreating] = useState(false);
  const list = useListParams<SpotCheckFilters>(FILTERS, { filters: { year: String(year) } });
  const result = useSpotChecks(list.query);
  return (
    <>
      <PageHeader
        title="定期抽查"
        subTitle="按季度随机抽取已报送的落实情况报告，逐项核查履责纪实"
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建抽查
            </Button>
          ) : null
        }
      />
      <FilterBar testId="spot-check-filters">
        <YearFilter list={list} />
        <QuarterFilter list={list} />
        <ChoiceFilter list={list} name="state" label="状态" labels={SPOT_CHECK_STATES} />
        <ListExport path="/spot-checks/export.xlsx" list={list} />
      </FilterBar>
      <ListTable<SpotCheck, SpotCheckFilters>
        list={list}
        result={result}
        unit="次"
        emptyText="暂无抽查"
        testId="spot-check-list"
        columns={[
          {
            title: '编号',
            dataIndex: 'code',
            width: 140,
            render: (code: string, c) => <Link to={`/responsibility/spot-checks/${c.id}`}>{code}</Link>,
          },
          { title: '期间', dataIndex: 'periodLabel', width: 140 },
          { title: '标题', dataIndex: 'title' },
          {
            title: '抽中/可抽（份）',
            width: 130,
            render: (_, c) => (c.populationSize === null ? '未抽样' : `${c.sampledReports}/${c.populationSize}`),
          },
          { title: '已核查（项）', width: 110, render: (_, c) => `${c.recorded}/${c.items}` },
          {
            title: '不实或不到位',
            dataIndex: 'negative',
            width: 110,
            render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
          },
          { title: '完成时间', dataIndex: 'concludedAt', width: 160, render: (v: string | null) => formatDateTime(v) },
          { title: '状态', dataIndex: 'stateLabel', width: 90, render: (s: string) => <Tag>{s}</Tag> },
        ]}
      />
      {creating ? <CreateSpotCheckModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

interface CreateValues {
  year: number;
  quarter: number;
  by: 'size' | 'percent';
  amount: number;
  seed?: string;
  title?: string;
  note?: string;
}

function CreateSpotCheckModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateSpotCheck();
  const navigate = useNavigate();
  const now = currentPeriod();
  const by = Form.useWatch('by', form);
  return (
    <FormModal form={form} title="新建抽查" okText="创建" pending={create.isPending} onClose={onClose}>
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{
          year: now.year,
          // The quarter just ended: its reports are in.
          quarter: Math.max(1, now.quarter - 1),
          by: 'percent',
          amount: 20,
        }}
        onFinish={(v) =>
          submitForm(form, async () => {
            const c = await create.mutateAsync({
              year: v.year,
              quarter: v.quarter,
              sampleSize: v.by === 'size' ? v.amount : null,
              samplePercent: v.by === 'percent' ? v.amount : null,
              seed: v.seed ?? '',
              title: v.title ?? '',
              note: v.note ?? '',
            });
            notifySuccess('抽查已创建，请核对后抽样');
            onClose();
            void navigate(`/responsibility/spot-checks/${c.id}`);
          })
        }
      >
        <Form.Item label="抽查期间" required style={{ marginBottom: 0 }}>
          <Form.Item
            name="year"
            rules={[{ required: true, message: '请填写年度' }]}
            style={{ display: 'inline-block' }}
          >
            <InputNumber min={2000} max={2100} aria-label="年度" />
          </Form.Item>
          <Form.Item
            name="quarter"
            rules={[{ required: true, message: '请选择季度' }]}
            style={{ display: 'inline-block', marginLeft: 8 }}
          >
            <Select
              aria-label="季度"
              style={{ width: 120 }}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: `第${q}季度` }))}
            />
          </Form.Item>
        </Form.Item>
        <Form.Item label="抽样方式" required style={{ marginBottom: 0 }}>
          <Form.Item name="by" style={{ display: 'inline-block' }}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'percent', label: '按比例' },
                { value: 'size', label: '按数量' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="amount"
            rules={[{ required: true, message: '请填写抽查比例或数量' }]}
            style={{ display: 'inline-block', marginLeft: 8 }}
          >
            <InputNumber
              aria-label={by === 'size' ? '抽查数量' : '抽查比例'}
              min={1}
              max={by === 'size' ? 1000 : 100}
              addonAfter={by === 'size' ? '份' : '%'}
            />
          </Form.Item>
        </Form.Item>
        <TextItem
          max={maxLengthOf(ZCreateSpotCheck.shape.seed)}
          name="seed"
          label="随机种子"
          extra="同一随机种子对同一批报告总是抽出相同的样本，便于复核；留空则自动生成"
        >
          <Input placeholder="留空自动生成" />
        </TextItem>
        <TextItem max={maxLengthOf(ZCreateSpotCheck.shape.title)} name="title" label="标题">
          <Input placeholder="默认：某年第某季度主体责任落实情况抽查" />
        </TextItem>
        <TextItem max={maxLengthOf(ZCreateSpotCheck.shape.note)} name="note" label="说明">
          <Input.TextArea rows={2} />
        </TextItem>
      </Form>
    </FormModal>
  );
}
