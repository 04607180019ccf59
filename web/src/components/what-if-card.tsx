import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, DatePicker, Descriptions, Empty, Flex, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { ZWhatIfResult } from '../../../common/warnings.schema';
import type { Response } from '../../../common/zod';
import { api } from '../lib/api';
import { beforeToday, dayjs, formatDate } from '../lib/format';
import { usePermission } from '../lib/session';
import { articleLabel, FactsTable, FormsTags, whoLabel } from './warning-facts';

const OPEN_STATES = new Set(['dispatched', 'rectifying', 'close_requested']);

type WhatIfResult = Response<typeof ZWhatIfResult>;

/** Under the warnings' query key, so that a change of warnings refreshes the forecast too. */
function useWhatIf(problemId: string, date: string, enabled: boolean) {
  return useQuery({
    queryKey: ['warnings', 'what-if', problemId, date],
    queryFn: ({ signal }) => api<WhatIfResult>('/warnings/what-if', { query: { problemId, date }, signal }),
    enabled: enabled && !!problemId && !!date,
    placeholderData: keepPreviousData,
  });
}

/**
 * 模拟问责推演 (what-if) on a problem page: if nothing changes on this problem by the chosen
 * date, which situations of the catalogue would fire and who would be held responsible.
 */
export function WhatIfCard({ problemId, state }: { problemId: string; state: string }) {
  const canRead = usePermission('warnings:read');
  const open = OPEN_STATES.has(state);
  const [date, setDate] = useState(() => dayjs().add(14, 'day').format('YYYY-MM-DD'));
  const { data, isFetching, error } = useWhatIf(problemId, date, canRead && open);
  if (!canRead || !open) return null;
  return (
    <Card
      size="small"
      title="模拟问责推演"
      style={{ marginBottom: 16 }}
      data-testid="what-if-card"
      extra={
        <Space>
          <span>推演日期</span>
          <DatePicker
            aria-label="推演日期"
            allowClear={false}
            value={dayjs(date)}
            disabledDate={beforeToday}
            onChange={(d) => d && setDate(d.format('YYYY-MM-DD'))}
          />
        </Space>
      }
    >
      {isFetching && !data ? <Spin /> : null}
      {error ? <Alert type="error" showIcon title="推演失败，请稍后重试" /> : null}
      {data ? (
        data.items.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={`若至${formatDate(data.date)}仍无变化，不会触发情形目录中的情形`}
          />
        ) : (
          <Flex vertical gap={12}>
            <Typography.Text strong>
              若至{formatDate(data.date)}仍无变化，将触发以下情形（{data.items.length} 项）：
            </Typography.Text>
            {data.items.map((it) => (
              <Card key={it.situationId} size="small" type="inner" title={it.name} data-testid="what-if-item">
                <Descriptions column={1} size="small" style={{ marginBottom: 8 }}>
                  <Descriptions.Item label="问责依据">{articleLabel(it.article)}</Descriptions.Item>
                  <Descriptions.Item label="可能的问责方式">
                    <FormsTags forms={it.forms} />
                  </Descriptions.Item>
                  <Descriptions.Item label="可能被问责人员">
                    {it.people.length
                      ? it.people
                          .map((p) => `${p.name}（${p.post || whoLabel(p.who)}，${p.responsibility}）`)
                          .join('；')
                      : '—'}
                  </Descriptions.Item>
                </Descriptions>
                <FactsTable facts={it.facts} />
              </Card>
            ))}
          </Flex>
        )
      ) : null}
    </Card>
  );
}
