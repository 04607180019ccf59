import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../lib/api';

/**
 * What a page shows while its query has no data: a spinner on the first read; "…不存在或无权查看" when the server
 * says so (it answers 404 for both, so nobody learns what exists); otherwise why the read failed and 重新加载.
 *
 * Pages render it only while they have no data (`if (!d) return <QueryFallback …/>`): a re-read that fails later
 * (a network blip after an upload) keeps the page — and the form open on it — on screen instead of replacing it.
 */
export function QueryFallback({
  query,
  what,
  back,
}: {
  query: Pick<UseQueryResult, 'isLoading' | 'error' | 'refetch' | 'isFetching'>;
  /** The object or figures read, e.g. 派单, 统计数据. */
  what: string;
  /** Where to go instead, e.g. the list. */
  back?: { to: string; label: string };
}) {
  if (query.isLoading) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const extra: ReactNode[] = back
    ? [
        <Link key="back" to={back.to}>
          {back.label}
        </Link>,
      ]
    : [];
  const { error } = query;
  if (!error || (error instanceof ApiError && (error.status === 403 || error.status === 404)))
    return <Result status="404" title={`${what}不存在或无权查看`} extra={extra} />;
  return (
    <Result
      status="warning"
      title={`${what}加载失败`}
      subTitle={error.message}
      extra={[
        <Button key="retry" type="primary" loading={query.isFetching} onClick={() => void query.refetch()}>
          重新加载
        </Button>,
        ...extra,
      ]}
    />
  );
}
