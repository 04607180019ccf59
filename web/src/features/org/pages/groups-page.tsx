import { PlusOutlined } from '@ant-design/icons';
import { Button, Tabs, type TableProps, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useAllUnits } from '../../../components/entity-selects';
import { FilterBar, SearchFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { usePermission } from '../../../lib/session';
import { type Group, type GroupFilters, type GroupKind, useGroups } from '../api/groups';
import { GroupDrawer } from '../components/group-drawer';
import { OrgNav } from '../components/org-nav';

const FILTER_KEYS = ['kind', 'q'] as const;
const TABS: { key: GroupKind; label: string }[] = [
  { key: 'patrol', label: '督导巡查组' },
  { key: 'dispatched', label: '派驻纪检监察组' },
];

/** 工作组: the patrol and dispatched groups, one kind per tab (the tab is a filter in the URL). */
export function GroupsPage() {
  const canEdit = usePermission('org:write');
  const list = useListParams<GroupFilters>(FILTER_KEYS, { filters: { kind: 'patrol' } });
  const kind = (list.filters.kind ?? 'patrol') as GroupKind;
  const result = useGroups(list.query);
  const units = useAllUnits();
  const unitNames = useMemo(
    () => new Map((units.data?.items ?? []).map((u) => [u.id, u.shortName || u.name])),
    [units.data],
  );
  const [drawer, setDrawer] = useState<{ open: boolean; group: Group | null }>({ open: false, group: null });

  const columns: TableProps<Group>['columns'] = [
    { title: '名称', dataIndex: 'name', width: 200 },
    { title: '组长', dataIndex: 'leaderName', width: 100, render: (v: string | null) => v ?? '—' },
    { title: '成员数', key: 'members', width: 80, render: (_, g) => g.memberPersonIds.length },
    {
      title: kind === 'patrol' ? '联系单位' : '监督单位',
      key: 'units',
      render: (_, g) => (g.unitIds.length ? g.unitIds.map((id) => <Tag key={id}>{unitNames.get(id) ?? id}</Tag>) : '—'),
    },
    {
      title: '操作',
      key: 'actions',
      width: 90,
      render: (_, g) => (
        <Button type="link" size="small" onClick={() => setDrawer({ open: true, group: g })}>
          {canEdit ? '编辑' : '查看'}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title="工作组" extra={<OrgNav />} />
      <Tabs activeKey={kind} onChange={(k) => list.setFilter('kind', k)} items={TABS} />
      <FilterBar testId="group-filters">
        <SearchFilter list={list} placeholder="小组名称" />
        <ListExport path="/groups/export.xlsx" list={list} />
        {canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, group: null })}>
            新增
          </Button>
        ) : null}
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无工作组" unit="个" testId="group-table" />
      <GroupDrawer
        open={drawer.open}
        kind={kind}
        group={drawer.group}
        canEdit={canEdit}
        onClose={() => setDrawer({ open: false, group: null })}
      />
    </>
  );
}
