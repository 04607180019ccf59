import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Table, type TableProps } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import type { Page, Query } from '../lib/api';
import { DownloadButton } from './download-button';
import type { ListParams } from './list-params';

/** The part of a TanStack query result a list reads. */
export interface ListQuery<T> {
  data?: Page<T>;
  isFetching: boolean;
  error: Error | null;
  refetch: () => unknown;
}

export interface ListTableProps<T, F extends object>
  extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination' | 'onChange' | 'locale'> {
  list: ListParams<F>;
  result: ListQuery<T>;
  /** Shown when nothing matches, e.g. `暂无问责案件`. */
  emptyText?: string;
  /** The counting word of the total: `共 12 条` / `件` / `人`. */
  unit?: string;
  testId?: string;
}

function sortOf<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | null {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  const field = s?.columnKey ?? s?.field;
  if (!s?.order || (typeof field !== 'string' && typeof field !== 'number')) return null;
  return s.order === 'descend' ? `-${field}` : String(field);
}

/** The pager of a server-side list: page and size from the URL, the total counted in `unit` (`共 12 条`). */
export function listPagination<F extends object>(list: ListParams<F>, total = 0, unit = '条') {
  return {
    current: list.page,
    pageSize: list.pageSize,
    total,
    showSizeChanger: true,
    showTotal: (t: number) => `共 ${t} ${unit}`,
  };
}

/** The width a table needs before it scrolls sideways: fixed columns at their width, the others at 200 px. */
const scrollWidthOf = <T,>(columns: TableProps<T>['columns']) =>
  (columns ?? []).reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 200), 0);

/**
 * The table of a server-side list (rows keyed by `id` unless told otherwise): page, page size and sort live in the URL (`useListParams`)
 * and go to the server as `page`, `pageSize` and `sort=-field`; columns marked `sorter: true`
 * sort by their `key` or `dataIndex`. Shows loading, a retry on error and a Chinese empty state.
 */
export function ListTable<T extends object, F extends object>({
  list,
  result,
  emptyText = '暂无数据',
  unit = '条',
  testId,
  columns,
  rowKey = 'id' as keyof T & string,
  scroll,
  ...table
}: ListTableProps<T, F>) {
  const sorted = columns?.map((c) => {
    if (!c.sorter) return c;
    const name = String(c.key ?? ('dataIndex' in c ? c.dataIndex : ''));
    const order: SortOrder = list.sort === name ? 'ascend' : list.sort === `-${name}` ? 'descend' : null;
    return { ...c, sortOrder: order };
  });
  return (
    <>
      {result.error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title="列表加载失败"
          description={result.error.message}
          action={
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void result.refetch()}>
              重试
            </Button>
          }
        />
      ) : null}
      <Table<T>
        size="middle"
        {...table}
        rowKey={rowKey}
        scroll={scroll ?? { x: scrollWidthOf(columns) }}
        data-testid={testId}
        columns={sorted}
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} /> }}
        pagination={listPagination(list, result.data?.total, unit)}
        onChange={(pagination, _filters, sorter) => {
          const sort = sortOf(sorter);
          const resorted = sort !== (list.sort ?? null);
          const resized = pagination.pageSize !== list.pageSize;
          list.update({
            page: resorted || resized ? 1 : pagination.current,
            pageSize: pagination.pageSize,
            sort,
          });
        }}
      />
    </>
  );
}

/** Downloads `/api/<resource>/export.xlsx` with the list's filters and sort (the server streams it). */
export function ListExport<F extends object>({
  path,
  list,
  extra,
  children = '导出',
}: {
  path: string;
  list: ListParams<F>;
  /** Filters the list applies outside the URL, e.g. the unit of an embedded table. */
  extra?: Query;
  children?: ReactNode;
}) {
  return (
    <DownloadButton path={path} query={{ ...(list.filters as Query), sort: list.sort, ...extra }}>
      {children}
    </DownloadButton>
  );
}
