import { Table, type TableProps } from 'antd';

/**
 * A table inside a detail page or a card (a case's subjects, a problem's measures, a year's figures): compact,
 * every row on one page, rows keyed by `id` unless told otherwise.
 */
export function DetailTable<T extends object>({ rowKey = 'id' as keyof T & string, ...table }: TableProps<T>) {
  return <Table<T> size="small" pagination={false} rowKey={rowKey} {...table} />;
}
