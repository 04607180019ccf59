import { PlusOutlined } from '@ant-design/icons';
import { Button, Table, Tabs, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useAllUnits } from '../../../components/entity-selects';
import { PageHeader } from '../../../components/page-header';
import { usePermission } from '../../../lib/session';
import { type Group, type GroupKind, useGroups } from '../api/groups';
import { GroupDrawer } from '../components/group-drawer';
import { OrgNav } from '../components/org-nav';

function GroupTable({ kind, canEdit }: { kind: GroupKind; canEdit: boolean }) {
  const { data, isFetching } = useGroups(kind);
  const units = useAllUnits();
  const unitNames = useMemo(
    () => new Map((units.data?.items ?? []).map((u) => [u.id, u.shortName || u.name])),
    [units.data],
  );
  const [drawer, setDrawer] = useState<{ open: boolean; group: Group | null }>({ open: false, group: null });

  return (
    <>
      {canEdit ? (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          style={{ marginBottom: 12 }}
          onClick={() => setDrawer({ open: true, group: null })}
        >
          新增
        </Button>
      ) : null}
      <Table<Group>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        pagination={false}
        columns={[
          { title: '名称', dataIndex: 'name', width: 200 },
          { title: '组长', dataIndex: 'leaderName', width: 100, render: (v: string | null) => v ?? '—' },
          { title: '成员数', key: 'members', width: 80, render: (_, g) => g.memberPersonIds.length },
          {
            title: kind === 'patrol' ? '联系单位' : '监督单位',
            key: 'units',
            render: (_, g) =>
              g.unitIds.length ? g.unitIds.map((id) => <Tag key={id}>{unitNames.get(id) ?? id}</Tag>) : '—',
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
        ]}
      />
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

export function GroupsPage() {
  const canEdit = usePermission('org:write');
  return (
    <>
      <PageHeader title="工作组" extra={<OrgNav />} />
      <Tabs
        items={[
          { key: 'patrol', label: '督导巡查组', children: <GroupTable kind="patrol" canEdit={canEdit} /> },
          { key: 'dispatched', label: '派驻纪检监察组', children: <GroupTable kind="dispatched" canEdit={canEdit} /> },
        ]}
      />
    </>
  );
}
