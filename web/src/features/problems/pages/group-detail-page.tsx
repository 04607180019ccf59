import { Table, Typography } from 'antd';
import { useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { useCommonGroup } from '../api/groups';
import type { Problem } from '../api/problems';
import { problemColumns } from '../components/problem-columns';
import { ProblemsNav } from '../components/problems-nav';

export function GroupDetailPage() {
  const { id } = useParams();
  const query = useCommonGroup(id);
  const data = query.data;
  if (!data) return <QueryFallback query={query} what="共性问题" back={{ to: '/problems/groups', label: '返回' }} />;
  return (
    <>
      <PageHeader
        title={`共性问题：${data.title}`}
        subTitle={`共 ${data.problems.length} 个问题`}
        extra={<ProblemsNav />}
      />
      {data.description ? <Typography.Paragraph>{data.description}</Typography.Paragraph> : null}
      <Table<Problem>
        rowKey="id"
        dataSource={data.problems}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          problemColumns.code,
          problemColumns.title,
          problemColumns.unit,
          problemColumns.state,
          problemColumns.color,
          problemColumns.deadline,
          problemColumns.flags,
        ]}
      />
    </>
  );
}
