import { Card, Tag } from 'antd';
import { Link } from 'react-router';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { formatDate } from '../../../lib/format';
import { type RuleSetFilters, type RuleSets, useRuleSets } from '../api/rules';

type Row = RuleSets['items'][number];

/** 问责规则: every rule set with the version in force for the caller's region. */
export function RulesPage() {
  const list = useListParams<RuleSetFilters>([]);
  const sets = useRuleSets(list.query);
  return (
    <>
      <PageHeader
        title="问责规则"
        subTitle="问责情形、问责方式、从轻从重情形、期限和容错清单：每一版本均注明依据，发布后不可修改，决定引用作出时施行的版本"
        extra={<ListExport path="/rules/export.xlsx" list={list} />}
      />
      <Card>
        <ListTable<Row, RuleSetFilters>
          list={list}
          result={sets}
          rowKey="key"
          emptyText="暂无问责规则"
          unit="项"
          testId="rule-set-table"
          columns={[
            { title: '规则', dataIndex: 'label', render: (v, r) => <Link to={`/rules/${r.key}`}>{v}</Link> },
            {
              title: '地方可调整',
              dataIndex: 'local',
              render: (v: boolean) => (v ? <Tag color="blue">可按地区调整</Tag> : <Tag>全省统一</Tag>),
            },
            { title: '施行版本', render: (_, r) => `${r.scopeName}第${r.version}版` },
            { title: '施行日期', dataIndex: 'effectiveFrom', render: (v: string) => formatDate(v) },
            { title: '依据', dataIndex: 'source' },
          ]}
        />
      </Card>
    </>
  );
}
