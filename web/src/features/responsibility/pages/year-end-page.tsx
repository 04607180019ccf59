import { Input, Result, Select, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { REPORT_STATES, type ReportState } from '../../../../../common/responsibility';
import { DownloadButton } from '../../../components/download-button';
import { YearSelect } from '../../../components/year-select';
import { PageHeader } from '../../../components/page-header';
import { currentPeriod } from '../../../lib/format';
import { type YearEndRow, useYearEnd } from '../api/responsibility';

const GROUPS = { leader: '县级领导', unit: '单位' } as const;
const pct = (v: number) => `${v}%`;
const byNumber = (k: keyof YearEndRow) => (a: YearEndRow, b: YearEndRow) => Number(a[k]) - Number(b[k]);

function ReportTag({ state }: { state: string | null }) {
  if (!state) return <Tag>未报告</Tag>;
  const color = state === 'approved' ? 'green' : state === 'submitted' ? 'blue' : state === 'returned' ? 'orange' : '';
  return <Tag color={color}>{REPORT_STATES[state as ReportState] ?? state}</Tag>;
}

/** 年终汇总 (年终考核制): the year per county leader and unit — lists, fulfilment, 增派单, reports, spot checks. */
export function YearEndPage() {
  const { year: thisYear } = currentPeriod();
  const [year, setYear] = useState(thisYear);
  const [group, setGroup] = useState<'leader' | 'unit' | undefined>();
  const [q, setQ] = useState('');
  const { data, isLoading, error } = useYearEnd(year);
  const rows = useMemo(
    () =>
      (data?.items ?? []).filter((r) => (!group || r.recipientGroup === group) && r.recipientName.includes(q.trim())),
    [data, group, q],
  );
  return (
    <>
      <PageHeader
        title="年终汇总"
        subTitle="每个责任主体全年的清单、履责、增派单、季度报告和抽查结论（仅含本人可查看的）"
        extra={
          <Space wrap>
            <YearSelect value={year} onChange={setYear} />
            <DownloadButton path="/responsibility/year-end.xlsx" query={{ year }}>
              导出 Excel
            </DownloadButton>
          </Space>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label="责任主体类别"
          allowClear
          placeholder="责任主体类别"
          style={{ width: 150 }}
          value={group}
          onChange={setGroup}
          options={Object.entries(GROUPS).map(([value, label]) => ({ value, label }))}
        />
        <Input.Search
          aria-label="责任主体"
          placeholder="按名称查找"
          allowClear
          onSearch={setQ}
          style={{ width: 220 }}
        />
      </Space>
      {error ? <Result status="error" title="年终汇总加载失败" /> : null}
      <Table<YearEndRow>
        size="small"
        loading={isLoading}
        rowKey={(r) => `${r.recipientGroup}-${r.recipientId}`}
        dataSource={rows}
        data-testid="year-end"
        scroll={{ x: 1300 }}
        pagination={{ pageSize: 20, showSizeChanger: true, showTotal: (n) => `共 ${n} 个责任主体` }}
        columns={[
          { title: '类别', dataIndex: 'recipientGroup', width: 90, render: (g: keyof typeof GROUPS) => GROUPS[g] },
          { title: '责任主体', dataIndex: 'recipientName', fixed: 'left', width: 180 },
          { title: '清单', dataIndex: 'lists', sorter: byNumber('lists') },
          { title: '事项', dataIndex: 'items', sorter: byNumber('items') },
          { title: '已履责', dataIndex: 'fulfilled', sorter: byNumber('fulfilled') },
          { title: '履责率', dataIndex: 'fulfilmentRate', render: pct, sorter: byNumber('fulfilmentRate') },
          { title: '按期率', dataIndex: 'onTimeRate', render: pct, sorter: byNumber('onTimeRate') },
          { title: '增派清单', dataIndex: 'extraLists', sorter: byNumber('extraLists') },
          { title: '增派事项', dataIndex: 'extraItems', sorter: byNumber('extraItems') },
          ...[1, 2, 3, 4].map((quarter) => ({
            title: `${quarter}季度报告`,
            key: `q${quarter}`,
            render: (_: unknown, r: YearEndRow) => <ReportTag state={r.reports[quarter - 1]} />,
          })),
          { title: '抽查事项', dataIndex: 'spotChecked', sorter: byNumber('spotChecked') },
          { title: '不实/不到位', dataIndex: 'spotNegative', sorter: byNumber('spotNegative') },
          { title: '转为问题', dataIndex: 'spotProblems' },
        ]}
      />
    </>
  );
}
