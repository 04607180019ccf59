import { Alert, Button, Card, Flex, Form, Input, InputNumber, Result, Select, Spin, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ZRating } from '../../../../../common/assessment.schema';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { notifyError, notifySuccess } from '../../../lib/notify';
import { countOf, isTooLong, maxLengthOf, refuseTooLong } from '../../../lib/schema-limits';
import { useAssessment } from '../api/assessment';
import { type RatingRow, useRate, useRatingSheet } from '../api/ratings';
import { useSystem } from '../api/systems';
import { TextItem } from '../../../components/text-item';

type Entry = { score?: number | null; comment?: string };
const PAGE_SIZE = 20;
const scoreInputId = (n: number) => `rating-score-${n}`;
const changed = (row: RatingRow, e: Entry | undefined) =>
  typeof e?.score === 'number' && (e.score !== row.score || (e.comment ?? '') !== row.comment);

/**
 * 评价人打分: the office types one named evaluator's scores of a qualitative indicator, unit by unit — Enter saves
 * the row and moves to the next, 保存本页 saves every changed row. Scores count at the next 计算.
 */
export function RatingsPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const indicatorId = params.get('indicatorId') ?? undefined;
  const evaluator = params.get('evaluator') ?? undefined;
  const page = Number(params.get('page') ?? 1);
  const run = useAssessment(id);
  const system = useSystem(run.data?.systemId);
  const indicators = useMemo(
    () => (system.data?.indicators ?? []).filter((i) => i.method === 'qualitative'),
    [system.data],
  );
  const indicator = indicators.find((i) => i.id === indicatorId);
  const sheet = useRatingSheet(id, { indicatorId, evaluator, page, pageSize: PAGE_SIZE });
  const rate = useRate(id);
  const [form] = Form.useForm<Record<string, Entry>>();
  const [freeEvaluator, setFreeEvaluator] = useState(evaluator ?? '');

  const set = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    setParams(p, { replace: true });
  };
  // The indicator's first named evaluator, once an indicator is chosen.
  useEffect(() => {
    if (indicator && !evaluator && indicator.evaluators.length) set({ evaluator: indicator.evaluators[0] });
  });
  useEffect(() => {
    if (sheet.data)
      form.setFieldsValue(
        Object.fromEntries(sheet.data.items.map((r) => [r.unitId, { score: r.score, comment: r.comment }])),
      );
  }, [sheet.data, form]);

  if (run.isLoading || system.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (!run.data) return <Result status="404" title="考核不存在或无权查看" />;
  const rows = sheet.data?.items ?? [];
  const editable = sheet.data?.editable ?? !['frozen', 'published'].includes(run.data.state);

  const save = async (row: RatingRow) => {
    const e = form.getFieldValue(row.unitId) as Entry | undefined;
    if (typeof e?.score !== 'number' || !indicatorId || !evaluator) return false;
    refuseTooLong(`${row.unitName}的说明：`, e.comment, maxLengthOf(ZRating.shape.comment));
    await rate.mutateAsync({ indicatorId, unitId: row.unitId, evaluator, score: e.score, comment: e.comment ?? '' });
    return true;
  };
  const saveAndNext = async (row: RatingRow, n: number) => {
    try {
      if (await save(row)) notifySuccess(`已保存：${row.unitName}`);
      document.getElementById(scoreInputId(n + 1))?.focus();
    } catch (err) {
      notifyError(err);
    }
  };
  const savePage = async () => {
    const values = form.getFieldsValue();
    const todo = rows.filter((r) => changed(r, values[r.unitId]));
    try {
      for (const r of todo) await save(r);
      notifySuccess(todo.length ? `已保存${todo.length}个考核对象的评分` : '本页没有修改');
    } catch (err) {
      notifyError(err);
    }
  };

  return (
    <>
      <PageHeader
        title="评价人打分"
        subTitle={<Link to={`/assessment/${id}`}>{run.data.name}</Link>}
        extra={
          editable && rows.length ? (
            <Button type="primary" onClick={() => void savePage()} loading={rate.isPending}>
              保存本页
            </Button>
          ) : null
        }
      />
      {!editable ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="考核已冻结，评分只能查看，不能修改。" />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap align="center">
          <Select
            aria-label="评分指标"
            placeholder="评分指标"
            style={{ width: 280 }}
            value={indicatorId}
            notFoundContent="该指标体系没有评价人打分指标"
            options={indicators.map((i) => ({ value: i.id, label: `${i.name}（${i.weight}分）` }))}
            onChange={(v: string) => set({ indicatorId: v, evaluator: undefined, page: undefined })}
          />
          {indicator?.evaluators.length ? (
            <Select
              aria-label="评价人"
              placeholder="评价人"
              style={{ width: 200 }}
              value={evaluator}
              options={indicator.evaluators.map((e) => ({ value: e, label: e }))}
              onChange={(v: string) => set({ evaluator: v, page: undefined })}
            />
          ) : indicator ? (
            <Input.Search
              aria-label="评价人"
              placeholder="评价人姓名或单位"
              style={{ width: 240 }}
              count={countOf(maxLengthOf(ZRating.shape.evaluator))}
              value={freeEvaluator}
              onChange={(e) => setFreeEvaluator(e.target.value)}
              onSearch={(v) =>
                !isTooLong(v, maxLengthOf(ZRating.shape.evaluator)) &&
                set({ evaluator: v.trim() || undefined, page: undefined })
              }
              enterButton="确定"
            />
          ) : null}
          {sheet.data ? (
            <span>
              已评 {rows.filter((r) => r.score !== null).length} / 本页 {rows.length}，共 {sheet.data.total} 个考核对象
            </span>
          ) : null}
        </Flex>
      </Card>
      {!indicatorId || !evaluator ? (
        <Alert
          type="info"
          showIcon
          title="请选择评分指标和评价人。评分0–100分，计算时按各评价人平均分折算该指标得分。"
        />
      ) : (
        <Form form={form} component={false}>
          <Table<RatingRow>
            size="small"
            rowKey="unitId"
            loading={sheet.isFetching}
            dataSource={rows}
            data-testid="rating-sheet"
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: sheet.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => `共 ${n} 个考核对象`,
              onChange: (p) => set({ page: String(p) }),
            }}
            columns={[
              { title: '考核对象', dataIndex: 'unitName' },
              {
                title: '评分',
                width: 140,
                render: (_, r, n) => (
                  <Form.Item name={[r.unitId, 'score']} noStyle>
                    <InputNumber
                      id={scoreInputId(n)}
                      aria-label={`${r.unitName}评分`}
                      min={0}
                      max={100}
                      precision={1}
                      disabled={!editable}
                      onPressEnter={() => void saveAndNext(r, n)}
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                ),
              },
              {
                title: '说明',
                render: (_, r) => (
                  <TextItem max={maxLengthOf(ZRating.shape.comment)} name={[r.unitId, 'comment']} noStyle>
                    <Input aria-label={`${r.unitName}说明`} disabled={!editable} />
                  </TextItem>
                ),
              },
              {
                title: '状态',
                width: 170,
                render: (_, r) => (r.at ? <Tag color="green">已评 {formatDateTime(r.at)}</Tag> : <Tag>未评</Tag>),
              },
              ...(editable
                ? [
                    {
                      title: '操作',
                      width: 80,
                      render: (_: unknown, r: RatingRow, n: number) => (
                        <Button size="small" onClick={() => void saveAndNext(r, n)}>
                          保存
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Form>
      )}
    </>
  );
}
