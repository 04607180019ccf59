import { Table, Tag } from 'antd';
import { useState } from 'react';
import { INFLUENCE_KINDS } from '../../../../../common/cases';
import { PageHeader } from '../../../components/page-header';
import { type InfluencePeriod, useInfluencePeriods } from '../api/cases';
import { CaseNav } from '../components/case-nav';

/** 影响期: the cadres whose promotion or use is restricted now, for 组织部 (it never sees the case files). */
export function InfluencePeriodsPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isFetching } = useInfluencePeriods(page, pageSize);
  return (
    <>
      <PageHeader title="影响期" subTitle="问责、处分产生的影响期；届满次日自动解除并通知组织部" extra={<CaseNav />} />
      <Table<InfluencePeriod>
        rowKey="id"
        size="middle"
        loading={isFetching}
        dataSource={data?.items ?? []}
        data-testid="influence-table"
        locale={{ emptyText: '当前无影响期内人员' }}
        scroll={{ x: 800 }}
        columns={[
          { title: '姓名', dataIndex: 'personName', width: 100 },
          { title: '单位', dataIndex: 'unitName', ellipsis: true },
          { title: '职务', dataIndex: 'post', ellipsis: true },
          { title: '处理', dataIndex: 'form', width: 150 },
          {
            title: '类别',
            dataIndex: 'kind',
            width: 140,
            render: (k: keyof typeof INFLUENCE_KINDS) => <Tag>{INFLUENCE_KINDS[k]}</Tag>,
          },
          { title: '起始', dataIndex: 'startsOn', width: 110 },
          { title: '届满', dataIndex: 'endsOn', width: 110 },
          { title: '依据', dataIndex: 'source', ellipsis: true },
        ]}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showTotal: (t) => `共 ${t} 项`,
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
    </>
  );
}
