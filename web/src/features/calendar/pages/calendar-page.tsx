import { CloudDownloadOutlined } from '@ant-design/icons';
import { App, Button, Select, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeader } from '../../../components/page-header';
import { notifySuccess, quietly } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { useCalendarStatus, useCalendarYear, useImportYear } from '../api/calendar';
import { DayEditor } from '../components/day-editor';
import { WorkdayTools } from '../components/workday-tools';
import { YearGrid } from '../components/year-grid';
import { currentPeriod } from '../../../lib/format';

export function CalendarPage() {
  const { modal } = App.useApp();
  const canWrite = usePermission('calendar:write');
  const status = useCalendarStatus();
  const [year, setYear] = useState(() => currentPeriod().year);
  const cal = useCalendarYear(year);
  const importYear = useImportYear();
  const [editing, setEditing] = useState<string | null>(null);

  const years = [...new Set([...(status.data?.years ?? []), year - 1, year, year + 1, status.data?.nextYear ?? year])]
    .filter((y): y is number => typeof y === 'number')
    .sort((a, b) => a - b);
  const loaded = new Set(status.data?.years ?? []);

  const runImport = () =>
    modal.confirm({
      title: `从 chinese-days 导入 ${year} 年节假日安排？`,
      content: '将按国务院办公厅发布的放假安排导入法定节假日和调休上班日；已有的同日设置将被覆盖。',
      okText: '导入',
      onOk: () =>
        quietly(
          importYear.mutateAsync(year).then((r) => {
            const n = Array.isArray(r.days) ? r.days.length : r.days;
            notifySuccess(`已导入 ${r.year} 年节假日安排 ${n} 天`);
          }),
        ),
    });

  return (
    <>
      <PageHeader
        title="工作日历"
        subTitle="整改时限、督办期限等工作日计算均以此日历为准"
        extra={
          <>
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 140 }}
              options={years.map((y) => ({ value: y, label: `${y}年${loaded.has(y) ? '' : '（未录入）'}` }))}
              aria-label="年份"
            />
            {canWrite ? (
              <Button icon={<CloudDownloadOutlined />} onClick={runImport} loading={importYear.isPending}>
                从 chinese-days 导入
              </Button>
            ) : null}
          </>
        }
      />
      <Space style={{ marginBottom: 12 }} wrap>
        <Tag color="red">休 法定节假日</Tag>
        <Tag color="blue">班 调休上班</Tag>
        <Typography.Text type="secondary">
          {canWrite ? '点击日期可设置为法定节假日、调休上班或普通日。' : '灰色为周末。'}
        </Typography.Text>
      </Space>
      {cal.isLoading ? (
        <Spin />
      ) : (
        <YearGrid year={year} days={cal.data?.days ?? []} onPick={canWrite ? setEditing : undefined} />
      )}
      <div style={{ marginTop: 16 }}>
        <WorkdayTools />
      </div>
      <DayEditor
        date={editing}
        current={cal.data?.days.find((d) => d.date === editing)}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
