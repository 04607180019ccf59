import { Select } from 'antd';
import { currentPeriod } from '../lib/format';

/** This year and the two before, as 2026年 (figures, year-end view, the annual report). */
export function YearSelect({
  value,
  onChange,
  label = '年度',
}: {
  value: number;
  onChange: (year: number) => void;
  label?: string;
}) {
  const { year } = currentPeriod();
  return (
    <Select
      aria-label={label}
      style={{ width: 110 }}
      value={value}
      onChange={onChange}
      options={[year - 2, year - 1, year].map((y) => ({ value: y, label: `${y}年` }))}
    />
  );
}
