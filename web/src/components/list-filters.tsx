import { Card, DatePicker, Flex, Input, Select } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import type { Dayjs } from 'dayjs';
import { currentPeriod, dayjs, TIME_ZONE } from '../lib/format';
import { PersonSelect, UnitSelect } from './entity-selects';
import type { ListParams } from './list-params';

/**
 * The filter controls of a server-side list. Each one reads and writes one filter of `useListParams`
 * (so the filters live in the URL and go to the list and its export alike) and returns to page 1.
 */
interface FilterProps<F extends object> {
  list: ListParams<F>;
  name: keyof F & string;
  width?: number;
}

const filterValue = <F extends object>(list: ListParams<F>, name: keyof F & string) =>
  (list.filters as Record<string, string | undefined>)[name];

/** The card above a list that holds its filters. */
export function FilterBar({ testId, children }: { testId?: string; children: ReactNode }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }}>
      <Flex gap={12} wrap align="center" data-testid={testId}>
        {children}
      </Flex>
    </Card>
  );
}

/** Free-text search (`q`, or the filter `name`), applied on Enter or the search button. */
export function SearchFilter<F extends object>({
  list,
  name = 'q' as keyof F & string,
  width = 240,
  placeholder,
  label = '关键词',
}: Omit<FilterProps<F>, 'name'> & { name?: keyof F & string; placeholder: string; label?: string }) {
  // What is typed waits for Enter; the box follows the URL when it changes otherwise (重置, back, a link).
  const current = filterValue(list, name) ?? '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  return (
    <Input.Search
      aria-label={label}
      placeholder={placeholder}
      allowClear
      style={{ width }}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => list.setFilter(name, v.trim() || undefined)}
    />
  );
}

/** A choice among options; `labels` (value → Chinese label, e.g. a state table) or explicit `options`. */
export function ChoiceFilter<F extends object>({
  list,
  name,
  width = 140,
  label,
  labels,
  options,
  loading,
  searchable,
}: FilterProps<F> & {
  label: string;
  labels?: Readonly<Record<string, string>>;
  options?: { value: string; label: string }[];
  loading?: boolean;
  searchable?: boolean;
}) {
  return (
    <Select
      aria-label={label}
      placeholder={label}
      allowClear
      showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
      style={{ width }}
      value={filterValue(list, name)}
      loading={loading}
      options={options ?? Object.entries(labels ?? {}).map(([value, text]) => ({ value, label: text }))}
      onChange={(v: string | undefined) => list.setFilter(name, v)}
    />
  );
}

/** A year (`year`): the two before this one, this one and, with `ahead`, the next, as 2026年. */
export function YearFilter<F extends object>({
  list,
  name = 'year' as keyof F & string,
  ahead = false,
}: Omit<FilterProps<F>, 'name'> & { name?: keyof F & string; ahead?: boolean }) {
  const { year } = currentPeriod();
  const years = [year - 2, year - 1, year, ...(ahead ? [year + 1] : [])];
  return (
    <ChoiceFilter
      list={list}
      name={name}
      label="年度"
      width={110}
      options={years.map((y) => ({ value: String(y), label: `${y}年` }))}
    />
  );
}

/** A quarter (`quarter`) of the year, as 第1季度. */
export function QuarterFilter<F extends object>({
  list,
  name = 'quarter' as keyof F & string,
}: Omit<FilterProps<F>, 'name'> & { name?: keyof F & string }) {
  return (
    <ChoiceFilter
      list={list}
      name={name}
      label="季度"
      width={110}
      options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `第${q}季度` }))}
    />
  );
}

/** The props that make a unit or person picker one filter of the list: lazy, labelled by its placeholder. */
const pickerFilter = <F extends object>(
  list: ListParams<F>,
  name: keyof F & string,
  width: number,
  placeholder: string,
) => ({
  lazy: true,
  'aria-label': placeholder,
  placeholder,
  style: { width },
  value: filterValue(list, name) ?? null,
  onChange: (v: string | string[] | null) => list.setFilter(name, (v as string | null) ?? undefined),
});

/** A unit of the region (searchable tree select); its units load when it is reached for or has a value. */
export function UnitFilter<F extends object>({
  list,
  name = 'unitId' as keyof F & string,
  width = 240,
  placeholder,
}: Omit<FilterProps<F>, 'name'> & { name?: keyof F & string; placeholder: string }) {
  return <UnitSelect {...pickerFilter(list, name, width, placeholder)} />;
}

/** A person (searchable by name); the list before typing loads when it is reached for. */
export function PersonFilter<F extends object>({
  list,
  name,
  width = 150,
  placeholder,
}: FilterProps<F> & { placeholder: string }) {
  return <PersonSelect {...pickerFilter(list, name, width, placeholder)} />;
}

/**
 * A date range kept as two filters (`from`, `to`): YYYY-MM-DD, or with `instant` the points in time that
 * open and close those days in Beijing time (for filters over timestamps).
 */
export function DateRangeFilter<F extends object>({
  list,
  label,
  from = 'from' as keyof F & string,
  to = 'to' as keyof F & string,
  instant,
  openEnded,
  placeholder,
}: {
  list: ListParams<F>;
  label: string;
  from?: keyof F & string;
  to?: keyof F & string;
  instant?: boolean;
  /** Either end may be left open (e.g. 整改时限 before a day). */
  openEnded?: boolean;
  placeholder?: [string, string];
}) {
  const start = filterValue(list, from);
  const end = filterValue(list, to);
  const day = (v: string) => (instant ? dayjs(v).tz(TIME_ZONE) : dayjs(v));
  const write = (d: Dayjs | null | undefined, edge: 'startOf' | 'endOf') =>
    d ? (instant ? d.tz(TIME_ZONE, true)[edge]('day').toISOString() : d.format('YYYY-MM-DD')) : undefined;
  return (
    <DatePicker.RangePicker
      aria-label={label}
      placeholder={placeholder}
      allowEmpty={openEnded ? [true, true] : undefined}
      value={(openEnded ? start || end : start && end) ? [start ? day(start) : null, end ? day(end) : null] : null}
      onChange={(r) =>
        list.update({ filters: { ...list.filters, [from]: write(r?.[0], 'startOf'), [to]: write(r?.[1], 'endOf') } })
      }
    />
  );
}
