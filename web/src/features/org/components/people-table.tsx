import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Popconfirm, Space, Table, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { DownloadButton } from '../../../components/download-button';
import { UnitSelect } from '../../../components/entity-selects';
import { notifySuccess, quietly } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { type PeopleQuery, type Person, useDeletePerson, usePeople } from '../api/people';
import { PersonDrawer } from './person-drawer';

/** Server-paginated people table; with `unitId` it is the 人员 tab of one unit. */
export function PeopleTable({ unitId }: { unitId?: string }) {
  const canEdit = usePermission('org:write');
  const [query, setQuery] = useState<PeopleQuery>({ page: 1, pageSize: 20 });
  const [filterUnitId, setFilterUnitId] = useState<string | undefined>(undefined);
  const effective: PeopleQuery = { ...query, unitId: unitId ?? filterUnitId };
  const { data, isFetching } = usePeople(effective);
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

  const onChange: TableProps<Person>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    const field = s?.order ? String(s.field) : undefined;
    setQuery((q) => ({
      ...q,
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? 20,
      sort: field ? `${s?.order === 'descend' ? '-' : ''}${field}` : undefined,
    }));
  };

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }} justify="space-between">
        <Space wrap>
          <Input.Search
            placeholder="搜索姓名/职务"
            allowClear
            onSearch={(q) => setQuery((prev) => ({ ...prev, q: q.trim() || undefined, page: 1 }))}
            style={{ width: 220 }}
          />
          {unitId ? null : (
            <UnitSelect
              value={filterUnitId ?? null}
              onChange={(v) => {
                setFilterUnitId(typeof v === 'string' ? v : undefined);
                setQuery((prev) => ({ ...prev, page: 1 }));
              }}
              placeholder="按单位筛选"
              style={{ width: 260 }}
            />
          )}
        </Space>
        <Space wrap>
          <DownloadButton
            path="/people/export.xlsx"
            query={{ unitId: effective.unitId, q: effective.q, sort: effective.sort }}
          >
            导出人员
          </DownloadButton>
          {canEdit ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, id: null })}>
              新增人员
            </Button>
          ) : null}
        </Space>
      </Flex>
      <Table<Person>
        rowKey="id"
        size="middle"
        loading={isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        onChange={onChange}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (t) => `共 ${t} 人`,
        }}
        scroll={{ x: 800 }}
      />
      <PersonDrawer
        open={drawer.open}
        personId={drawer.id}
        defaultUnitId={unitId}
        onClose={() => setDrawer({ open: false, id: null })}
      />
    </>
  );
}
