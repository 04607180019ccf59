import { PlusOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { FilterBar, SearchFilter, UnitFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { notifySuccess, quietly } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { type PeopleQuery, type Person, useDeletePerson, usePeople } from '../api/people';

type PeopleFilters = Pick<PeopleQuery, 'q' | 'unitId'>;
const FILTER_KEYS = ['q', 'unitId'] as const;
import { PersonDrawer } from './person-drawer';

/** Server-paginated people table; with `unitId` it is the 人员 tab of one unit. */
export function PeopleTable({ unitId }: { unitId?: string }) {
  const canEdit = usePermission('org:write');
  const list = useListParams<PeopleFilters>(FILTER_KEYS);
  // Inside a unit's tab the unit is fixed by the tree, not by the URL.
  const fixedUnit = unitId ? { unitId } : {};
  const result = usePeople({ ...list.query, ...fixedUnit });
  const del = useDeletePerson();
  const [drawer, setDrawer] = useState<{ open: boolean; id: string | null }>({ open: false, id: null });

  const columns: TableProps<Person>['columns'] = [
    { title: '姓名', dataIndex: 'name', sorter: true, width: 110 },
    { title: '性别', dataIndex: 'gender', width: 60 },
    ...(unitId ? [] : [{ title: '单位', dataIndex: 'unitName', sorter: true }]),
    { title: '职务', dataIndex: 'post' },
    { title: '职级', dataIndex: 'rank', width: 110 },
    {
      title: '身份',
      key: 'flags',
      width: 140,
      render: (_: unknown, p: Person) => (
        <>
          {p.partyMember ? <Tag color="red">党员</Tag> : null}
          {p.isLeader ? <Tag color="gold">领导干部</Tag> : null}
        </>
      ),
    },
    { title: '电话', dataIndex: 'phone', width: 130 },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 130,
            render: (_: unknown, p: Person) => (
              <Space size="small">
                <Button type="link" size="small" onClick={() => setDrawer({ open: true, id: p.id })}>
                  编辑
                </Button>
                <Popconfirm
                  title={`确定删除人员「${p.name}」吗？`}
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  onConfirm={() =>
                    quietly(del.mutateAsync({ id: p.id, version: p.version }).then(() => notifySuccess('已删除')))
                  }
                >
                  <Button type="link" size="small" danger>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <FilterBar>
        <SearchFilter list={list} placeholder="搜索姓名/职务" width={220} />
        {unitId ? null : <UnitFilter list={list} placeholder="按单位筛选" width={260} />}
        <Space wrap style={{ marginLeft: 'auto' }}>
          <ListExport path="/people/export.xlsx" list={list} extra={fixedUnit}>
            导出人员
          </ListExport>
          {canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, id: null })}>
              新增人员
            </Button>
          ) : null}
        </Space>
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="暂无人员" unit="人" />
      <PersonDrawer
        open={drawer.open}
        personId={drawer.id}
        defaultUnitId={unitId}
        onClose={() => setDrawer({ open: false, id: null })}
      />
    </>
  );
}
