import { Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { QueryFallback } from '../../../components/query-fallback';
import { formatDate } from '../../../lib/format';
import { useCommonGroup } from '../api/groups';
import type { Problem } from '../api/problems';
import { ColorDot, ProblemFlags, StateTag } from '../components/problem-tags';
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
          {
            title: '编号',
            dataIndex: 'code',
            width: 130,
            render: (v: string, p) => <Link to={`/problems/${p.id}`}>{v}</Link>,
          },
          { title: '问题', dataIndex: 'title', render: (v: string, p) => <Link to={`/problems/${p.id}`}>{v}</Link> },
          { title: '责任单位', dataIndex: 'unitName', width: 150 },
          {
            title: '状态',
            dataIndex: 'state',
            width: 100,
            render: (_: string, p) => <StateTag state={p.state} label={p.stateLabel} />,
          },
          { title: '预警', dataIndex: 'color', width: 80, render: (_: string, p) => <ColorDot color={p.color} /> },
          {
            title: '整改时限',
            dataIndex: 'deadline',
            width: 140,
            render: (v: string | null) => (v ? formatDate(v) : '—'),
          },
          { title: '标记', key: 'flags', width: 140, render: (_, p) => <ProblemFlags problem={p} /> },
        ]}
      />
    </>
  );
}
