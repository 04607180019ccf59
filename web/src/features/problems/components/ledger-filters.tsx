import { Button, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { PROBLEM_COLORS, PROBLEM_SOURCES, PROBLEM_STATES } from '../../../../../common/problems';
import { PersonSelect, UnitSelect } from '../../../components/entity-selects';
import { dayjs } from '../../../lib/format';
import type { ProblemFilters } from '../api/problems';

interface FilterValues {
  q?: string;
  unitId?: string | null;
  source?: string;
  category?: string;
  state?: string;
  color?: string;
  leaderPersonId?: string | null;
  deadline?: [Dayjs | null, Dayjs | null] | null;
  overdue?: string;
  listed?: string;
}

const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const YES_NO = [
  { value: 'true', label: '是' },
  { value: 'false', label: '否' },
];

function toValues(f: ProblemFilters): FilterValues {
  return {
    ...f,
    deadline:
      f.deadlineAfter || f.deadlineBefore
        ? [f.deadlineAfter ? dayjs(f.deadlineAfter) : null, f.deadlineBefore ? dayjs(f.deadlineBefore) : null]
        : null,
  };
}

function toFilters(v: FilterValues): ProblemFilters {
  const { deadline, ...rest } = v;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(rest)) if (typeof val === 'string' && val.trim()) out[k] = val.trim();
  if (deadline?.[0]) out.deadlineAfter = deadline[0].format('YYYY-MM-DD');
  if (deadline?.[1]) out.deadlineBefore = deadline[1].format('YYYY-MM-DD');
  return out as ProblemFilters;
}

/** The ledger's filter bar; every change goes to the server (filters live in the URL). */
export function LedgerFilters({
  value,
  onChange,
  showDrafts,
  showState = true,
}: {
  value: ProblemFilters;
  onChange: (filters: ProblemFilters) => void;
  showDrafts: boolean;
  showState?: boolean;
}) {
  const [form] = Form.useForm<FilterValues>();
  const serialized = JSON.stringify(value);
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(JSON.parse(serialized) as ProblemFilters));
  }, [form, serialized]);
  const states = options(PROBLEM_STATES).filter((s) => showDrafts || s.value !== 'draft');
  const submit = () => onChange(toFilters(form.getFieldsValue()));

  return (
    <Form<FilterValues>
      form={form}
      layout="inline"
      name="problemFilters"
      onValuesChange={(changed) => {
        // Typed text waits for Enter / 查询; pickers apply at once.
        if (!('q' in changed) && !('category' in changed)) submit();
      }}
      onFinish={submit}
      style={{ rowGap: 8, marginBottom: 12 }}
    >
      <Form.Item name="q">
        <Input.Search
          placeholder="编号、标题或描述关键词"
          allowClear
          onSearch={submit}
          style={{ width: 220 }}
          aria-label="关键词"
        />
      </Form.Item>
      <Form.Item name="unitId">
        <UnitSelect placeholder="责任单位" style={{ width: 180 }} />
      </Form.Item>
      <Form.Item name="source">
        <Select placeholder="问题来源" allowClear options={options(PROBLEM_SOURCES)} style={{ width: 130 }} />
      </Form.Item>
      <Form.Item name="category">
        <Input placeholder="问题类别" allowClear style={{ width: 120 }} onPressEnter={submit} />
      </Form.Item>
      {showState ? (
        <Form.Item name="state">
          <Select placeholder="状态" allowClear options={states} style={{ width: 110 }} />
        </Form.Item>
      ) : null}
      <Form.Item name="color">
        <Select
          placeholder="预警颜色"
          allowClear
          options={[...options(PROBLEM_COLORS), { value: 'none', label: '无预警' }]}
          style={{ width: 110 }}
        />
      </Form.Item>
      <Form.Item name="leaderPersonId">
        <PersonSelect placeholder="分管县领导" style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="deadline">
        <DatePicker.RangePicker placeholder={['时限起', '时限止']} allowEmpty={[true, true]} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="overdue">
        <Select placeholder="是否逾期" allowClear options={YES_NO} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="listed">
        <Select placeholder="是否挂牌" allowClear options={YES_NO} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          重置
        </Button>
      </Form.Item>
    </Form>
  );
}
