import { Table, Typography } from 'antd';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { formatDateTime } from '../../../lib/format';
import { type CommonGroup, useCommonGroups } from '../api/groups';
import { ProblemsNav } from '../components/problems-nav';

/** 共性问题: groups of similar problems rectified together (举一反三). */
export function GroupsPage() {
  const { data, isFetching } = useCommonGroups();
  return (
    <>
      <PageHeader title="共性问题" extra={<ProblemsNav />} />
      <Typography.Paragraph type="secondary">
        在台账中勾选两个以上同类问题，点击“归入共性问题”即可建立分组，举一反三、同步整改。
      </Typography.Paragraph>
      <Table<CommonGroup>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: '共性问题',
            dataIndex: 'title',
            render: (v: string, g) => <Link to={`/problems/groups/${g.id}`}>{v}</Link>,
          },
          { title: '说明', dataIndex: 'description', ellipsis: true, render: (v: string) => v || '—' },
          { title: '问题数', dataIndex: 'problemCount', width: 90 },
          { title: '建立时间', dataIndex: 'createdAt', width: 170, render: (v: string) => formatDateTime(v) },
        ]}
      />
    </>
  );
}
