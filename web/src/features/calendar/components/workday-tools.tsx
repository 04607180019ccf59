import { Button, Card, DatePicker, Form, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { type dayjs, formatDate } from '../../../lib/format';
import { notifyError } from '../../../lib/notify';
import { addWorkingDays, workingDaysBetween } from '../api/calendar';

export function WorkdayTools() {
  const [addResult, setAddResult] = useState<string | null>(null);
  const [betweenResult, setBetweenResult] = useState<string | null>(null);
  const [busy, setBusy] = useState<'add' | 'between' | null>(null);

  const runAdd = async (v: { date: dayjs.Dayjs; days: number }) => {
    setBusy('add');
    try {
      const r = await addWorkingDays(v.date.format('YYYY-MM-DD'), v.days);
      setAddResult(
        `${formatDate(v.date.format('YYYY-MM-DD'))} 之后 ${v.days} 个工作日是 ${formatDate(r.date)}${r.provisionalNote ? `（暂定：${r.provisionalNote}）` : ''}`,
      );
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  };

  const runBetween = async (v: { range: [dayjs.Dayjs, dayjs.Dayjs] }) => {
    setBusy('between');
    try {
      const r = await workingDaysBetween(v.range[0].format('YYYY-MM-DD'), v.range[1].format('YYYY-MM-DD'));
      setBetweenResult(`共 ${r.days} 个工作日${r.provisionalNote ? `（暂定：${r.provisionalNote}）` : ''}`);
    } catch (err) {
      notifyError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title="工作日计算">
      <Form layout="inline" onFinish={runAdd} style={{ rowGap: 8, marginBottom: 8 }}>
        <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker placeholder="起始日期" />
        </Form.Item>
        <Form.Item name="days" initialValue={5} rules={[{ required: true, message: '请输入天数' }]}>
          <InputNumber min={-365} max={365} precision={0} suffix="个工作日后" style={{ width: 160 }} />
        </Form.Item>
        <Button htmlType="submit" loading={busy === 'add'}>
          计算
        </Button>
        {addResult ? (
          <Typography.Text strong style={{ marginLeft: 8, lineHeight: '32px' }}>
            {addResult}
          </Typography.Text>
        ) : null}
      </Form>
      <Form layout="inline" onFinish={runBetween} style={{ rowGap: 8 }}>
        <Form.Item name="range" rules={[{ required: true, message: '请选择起止日期' }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Space>
          <Button htmlType="submit" loading={busy === 'between'}>
            两日期间工作日数
          </Button>
          {betweenResult !== null ? <Typography.Text strong>{betweenResult}</Typography.Text> : null}
        </Space>
      </Form>
    </Card>
  );
}
