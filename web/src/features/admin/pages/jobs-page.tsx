import { PlayCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { type dayjs, formatDateTime, formatDateTimeSeconds, inShanghai, TIME_ZONE } from '../../../lib/format';
import { notifySuccess, quietly } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { JobResult } from '../components/job-result';
import { JOB_LABELS, type JobRun, useClock, useJobRuns, useRunJob, useSetClock } from '../api/jobs';

function ClockCard() {
  const { modal } = App.useApp();
  const canSet = usePermission('clock:set');
  const { data } = useClock(canSet);
  const setClock = useSetClock();
  const [value, setValue] = useState<dayjs.Dayjs | null>(null);
  if (!data) return null;

  const apply = () => {
    if (!value) return;
    const target = value.tz(TIME_ZONE, true);
    modal.confirm({
      title: `将系统时钟设置为 ${formatDateTime(target)}？`,
      content: '仅用于演示、培训和测试。到期提醒、逾期预警等都会按新的时间计算。',
      okText: '设置',
      onOk: () => quietly(setClock.mutateAsync(target.toISOString()).then(() => notifySuccess('系统时钟已设置'))),
    });
  };

  return (
    <Card size="small" title="系统时钟" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'now', label: '当前系统时间', children: formatDateTimeSeconds(data.now) },
          {
            key: 'allowed',
            label: '可调整',
            children: data.allowed ? <Tag color="orange">已开启（ZELIAN_ALLOW_CLOCK=1）</Tag> : <Tag>未开启</Tag>,
          },
        ]}
      />
      {data.allowed && canSet ? (
        <Space style={{ marginTop: 12 }}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={value}
            onChange={setValue}
            placeholder="选择日期时间（北京时间）"
            defaultPickerValue={inShanghai(data.now) ?? undefined}
          />
          <Button type="primary" disabled={!value} loading={setClock.isPending} onClick={apply}>
            设置时钟
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}

export function JobsPage() {
  const list = useListParams<object>([]);
  const result = useJobRuns(list.page, list.pageSize);
  const { data } = result;
  const run = useRunJob();
  const definitions = data?.jobs?.length
    ? data.jobs
    : Object.entries(JOB_LABELS).map(([name, label]) => ({ name, label, cron: null }));
  const labelOf = (name: string) => definitions.find((d) => d.name === name)?.label ?? JOB_LABELS[name] ?? name;

  return (
    <>
      <PageHeader
        title="任务与时钟"
        extra={
          <>
            {definitions.map(({ name, label }) => (
              <Button
                key={name}
                icon={<PlayCircleOutlined />}
                loading={run.isPending && run.variables === name}
                onClick={() => void quietly(run.mutateAsync(name).then(() => notifySuccess(`已运行任务：${label}`)))}
              >
                立即运行：{label}
              </Button>
            ))}
            <ListExport path="/jobs/export.xlsx" list={list}>
              导出运行记录
            </ListExport>
          </>
        }
      />
      <ClockCard />
      <ListTable<JobRun, object>
        list={list}
        // The list polls every 5 s: show the spinner only until the first answer.
        result={{ ...result, isFetching: result.isFetching && !data }}
        size="large"
        emptyText="暂无运行记录"
        columns={[
          { title: '任务', dataIndex: 'name', render: (v: string) => labelOf(v) },
          { title: '开始时间', dataIndex: 'startedAt', render: (v: string | null) => formatDateTimeSeconds(v) },
          { title: '结束时间', dataIndex: 'finishedAt', render: (v: string | null) => formatDateTimeSeconds(v) },
          {
            title: '结果',
            dataIndex: 'ok',
            render: (v: boolean | null) =>
              v === null || v === undefined ? (
                <Tag color="processing">运行中</Tag>
              ) : v ? (
                <Tag color="green">成功</Tag>
              ) : (
                <Tag color="red">失败</Tag>
              ),
          },
          {
            title: '详情',
            dataIndex: 'result',
            render: (v: unknown) => <JobResult value={v} />,
          },
        ]}
      />
    </>
  );
}
