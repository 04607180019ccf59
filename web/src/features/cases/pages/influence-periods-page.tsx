import { Tag } from 'antd';
import { INFLUENCE_KINDS } from '../../../../../common/cases';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { type InfluencePeriod, useInfluencePeriods } from '../api/cases';
import { CaseNav } from '../components/case-nav';
import { formatDate } from '../../../lib/format';

/** 影响期: the cadres whose promotion or use is restricted now, for 组织部 (it never sees the case files). */
export function InfluencePeriodsPage() {
  const list = useListParams<object>([]);
  const result = useInfluencePeriods(list.query);
  return (
    <>
      <PageHeader
        title="影响期"
        subTitle="问责、处分产生的影响期；届满次日自动解除并通知组织部"
        extra={
          <>
            <CaseNav />
            <ListExport path="/influence-periods/export.xlsx" list={list} />
          </>
        }
      />
      <ListTable<InfluencePeriod, object>
        list={list}
        result={result}
        testId="influence-table"
        emptyText="当前无影响期内人员"
        unit="项"
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
          { title: '起始', dataIndex: 'startsOn', width: 130, sorter: true, render: (v: string) => formatDate(v) },
          { title: '届满', dataIndex: 'endsOn', width: 130, sorter: true, render: (v: string) => formatDate(v) },
          { title: '依据', dataIndex: 'source', ellipsis: true },
        ]}
      />
    </>
  );
}
