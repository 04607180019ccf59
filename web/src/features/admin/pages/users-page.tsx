import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Space, type TableProps, Tag } from 'antd';
import { useState } from 'react';
import { ChoiceFilter, FilterBar, SearchFilter } from '../../../components/list-filters';
import { ListExport, ListTable } from '../../../components/list-page';
import { useListParams } from '../../../components/list-params';
import { PageHeader } from '../../../components/page-header';
import { dayjs, formatDateTime } from '../../../lib/format';
import { roleLabel } from '../../../lib/labels';
import { notifySuccess, quietly } from '../../../lib/notify';
import { usePermission } from '../../../lib/session';
import { type User, type UserFilters, useResetPassword, useUnlockUser, useUpdateUser, useUsers } from '../api/users';
import { CreateUserModal } from '../components/create-user-modal';
import { RolesModal } from '../components/roles-modal';

const FILTER_KEYS = ['q', 'disabled'] as const;
const STATE_LABELS = { false: '启用', true: '停用' };

export function UsersPage() {
  const { modal } = App.useApp();
  const canWrite = usePermission('users:write');
  const canRoles = usePermission('roles:write');
  // Unlocking is the security admin's (issue #21 item 8).
  const canUnlock = usePermission('security:write');
  const list = useListParams<UserFilters>(FILTER_KEYS);
  const result = useUsers(list.query);
  const update = useUpdateUser();
  const reset = useResetPassword();
  const unlock = useUnlockUser();
  const [creating, setCreating] = useState(false);
  const [rolesUser, setRolesUser] = useState<User | null>(null);

  const toggleDisabled = (u: User) =>
    modal.confirm({
      title: u.disabled ? `启用用户「${u.displayName}」？` : `停用用户「${u.displayName}」？`,
      content: u.disabled ? '启用后该用户可以重新登录。' : '停用后该用户的所有会话将立即结束，且不能再登录。',
      okText: u.disabled ? '启用' : '停用',
      okButtonProps: { danger: !u.disabled },
      onOk: () =>
        quietly(
          update
            .mutateAsync({ id: u.id, version: u.version, disabled: !u.disabled })
            .then(() => notifySuccess(u.disabled ? '已启用' : '已停用')),
        ),
    });

  const resetPassword = (u: User) =>
    modal.confirm({
      title: `重置「${u.displayName}」的密码？`,
      content:
        '将生成一个临时密码，通过短信和电子邮件直接发给用户本人（管理员看不到）；用户登录后必须先设置自己的新密码。',
      okText: '重置',
      onOk: async () => {
        const result = await quietly(reset.mutateAsync(u.id));
        if (!result) return;
        modal.success({
          title: '密码已重置',
          content: '临时密码已发送给用户本人，用户的所有会话已结束。',
          okText: '知道了',
        });
      },
    });

  const columns: TableProps<User>['columns'] = [
    { title: '用户名', dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username), width: 130 },
    { title: '姓名', dataIndex: 'displayName', width: 110 },
    { title: '绑定人员', dataIndex: 'personName', width: 110, render: (v: string | null) => v ?? '—' },
    {
      title: '角色',
      key: 'roles',
      render: (_, u) =>
        u.roles.length
          ? u.roles.map((r) => <Tag key={`${r.role}-${r.unitId ?? ''}-${r.groupId ?? ''}`}>{roleLabel(r.role)}</Tag>)
          : '—',
    },
    {
      title: '状态',
      key: 'status',
      width: 170,
      render: (_, u) => {
        const locked = u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs());
        return (
          <Space orientation="vertical" size={0}>
            {u.disabled ? <Tag color="default">已停用</Tag> : <Tag color="green">正常</Tag>}
            {locked ? <Tag color="red">锁定至 {formatDateTime(u.lockedUntil)}</Tag> : null}
          </Space>
        );
      },
    },
    {
      title: '双因素',
      dataIndex: 'totpEnabled',
      width: 80,
      render: (v: boolean) => (v ? <Tag color="blue">已开启</Tag> : <Tag>未开启</Tag>),
    },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_, u) => (
        <Space size={0} wrap>
          {canRoles ? (
            <Button type="link" size="small" onClick={() => setRolesUser(u)}>
              设置角色
            </Button>
          ) : null}
          {canWrite ? (
            <>
              <Button type="link" size="small" danger={!u.disabled} onClick={() => toggleDisabled(u)}>
                {u.disabled ? '启用' : '停用'}
              </Button>
              <Button type="link" size="small" onClick={() => resetPassword(u)}>
                重置密码
              </Button>
            </>
          ) : null}
          {canUnlock && u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs()) ? (
            <Button
              type="link"
              size="small"
              onClick={() => void quietly(unlock.mutateAsync(u.id).then(() => notifySuccess('已解锁')))}
            >
              解锁
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="用户与角色"
        subTitle="三员分立：系统管理员管理账号，安全保密管理员分配角色和安全策略，安全审计员查看审计日志"
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建用户
            </Button>
          ) : null
        }
      />
      <FilterBar testId="user-filters">
        <SearchFilter list={list} placeholder="用户名或姓名" width={220} />
        <ChoiceFilter list={list} name="disabled" label="状态" labels={STATE_LABELS} />
        <ListExport path="/users/export.xlsx" list={list} />
      </FilterBar>
      <ListTable list={list} result={result} columns={columns} emptyText="没有符合条件的用户" unit="个用户" />
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <RolesModal user={rolesUser} onClose={() => setRolesUser(null)} />
    </>
  );
}
