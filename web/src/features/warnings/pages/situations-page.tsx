import { Alert, Switch, type TableProps, Typography } from 'antd';
import { Link } from 'react-router';
import { ChoiceFilter, FilterBar, SearchFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { NewButton } from '../../../components/new-button';
import { PageHeader } from '../../../components/page-header';
import { notifySuccess } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { type Situation, type SituationFilters, useSituations, useUpdateSituation } from '../api/situations';
import { ruleSummary } from '../components/rule-editor';
import { articleNo, FormsTags } from '../../../components/warning-facts';
import { JointNav } from '../../../components/joint-nav';

const FILTER_KEYS = ['q', 'active'] as const;
const ACTIVE_LABELS = { true: '已启用', false: '已停用' };

export const rectifyText = (s: Pick<Situation, 'rectifyDays' | 'rectifyDayType'>) =>
  `${s.rectifyDays}个${s.rectifyDayType === 'working' ? '工作日' : '自然日'}`;

/** 情形目录: the situations the scan evaluates, each a declarative rule. */
export function SituationsPage() {
  const canManage = usePermission('warnings:manage');
  const list = useListParams<SituationFilters>(FILTER_KEYS);
  const result = useSituations(list.query);
  const update = useUpdateSituation(false);

  const toggle = (s: Situation, active: boolean) =>
    update.mutate(
      { id: s.id, version: s.version, active },
      { onSuccess: () => notifySuccess(active ? `已启用：${s.name}` : `已停用：${s.name}`) },
    );

  const columns: TableProps<Situation>['columns'] = [
    { title: '编码', dataIndex: 'code', width: 150, sorter: true },
    {
      title: '情形',
      dataIndex: 'name',
      render: (v: string, s) => (
        <>
          <Link to={`/warnings/situations/${s.id}`}>{v}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              触发规则：{ruleSummary(s.rule)}
            </Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: '问责条例依据',
      dataIndex: 'article',
      width: 150,
      render: (a: number, s) => <span title={s.articleText}>{articleNo(a)}</span>,
    },
    { title: '可能的问责方式', dataIndex: 'forms', width: 200, render: (f: string[]) => <FormsTags forms={f} /> },
    { title: '整改期限', key: 'rectify', width: 110, render: (_, s) => rectifyText(s) },
    {
      title: '启用',
      dataIndex: 'active',
      width: 80,
      render: (v: boolean, s) => (
        <Switch
          checked={v}
          size="small"
          aria-label={`启用${s.name}`}
          disabled={!canManage}
          loading={update.isPending && update.variables?.id === s.id}
          onChange={(next) => toggle(s, next)}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="情形目录"
        subTitle="可能需要问责的情形及其触发规则、问责依据、责任人员和问责方式；系统每日按启用的情形扫描生成模拟问责单"
        extra={
          <>
            <JointNav />
            <NewButton to="/warnings/situations/new" allowed={canManage}>
              新增情形
            </NewButton>
          </>
        }
      />
      {canManage ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="新增的情形默认停用，可先在情形详情中“预览”命中的问题，核实无误后再启用。修改将记入审计日志。"
        />
      ) : null}
      <FilterBar testId="situation-filters">
        <SearchFilter list={list} placeholder="编码或情形名称" />
        <ChoiceFilter list={list} name="active" label="启用状态" labels={ACTIVE_LABELS} />
        <ListExport path="/situations/export.xlsx" list={list} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无情形" testId="situation-table" />
    </>
  );
}
