import {
  AppstoreOutlined,
  ApiOutlined,
  AuditOutlined,
  BellOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  DownOutlined,
  HomeOutlined,
  KeyOutlined,
  LockOutlined,
  LogoutOutlined,
  MenuOutlined,
  NotificationOutlined,
  SafetyOutlined,
  SendOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Dropdown, Flex, Layout, Menu, type MenuProps, Spin, Tooltip } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { CalendarStatus } from '../features/calendar/api/calendar';
import { PasswordPage } from '../features/account/pages/password-page';
import { NotificationBell } from '../features/notifications/components/notification-bell';
import { ProposalMenuCount } from '../features/cases/components/proposal-menu-count';
import { api, apiPost, setCsrfToken } from '../lib/api';
import { GlobalSearch, canSearch } from './global-search';
import { LiveChanges } from './live-changes';
import {
  disabledReason,
  hasPermission,
  type Me,
  type ModuleEntry,
  meQueryKey,
  useMe,
  usePermission,
} from '../lib/session';

interface NavEntry {
  path: string;
  label: string;
  icon: ReactNode;
  permission?: string;
}

const SYSTEM_ENTRIES: NavEntry[] = [
  { path: '/calendar', label: '工作日历', icon: <CalendarOutlined /> },
  { path: '/admin/users', label: '用户与角色', icon: <TeamOutlined />, permission: 'users:read' },
  { path: '/admin/security', label: '安全策略', icon: <SafetyOutlined />, permission: 'security:write' },
  { path: '/audit', label: '审计日志', icon: <AuditOutlined />, permission: 'audit:read' },
  { path: '/admin/jobs', label: '任务与时钟', icon: <ClockCircleOutlined />, permission: 'jobs:run' },
  // Outbound messages (issue #17): the office's key-date campaigns and webhooks, the admins' channels.
  { path: '/campaigns', label: '关键节点提醒', icon: <NotificationOutlined />, permission: 'campaigns:manage' },
  { path: '/webhooks', label: 'Webhook 订阅', icon: <ApiOutlined />, permission: 'webhooks:manage' },
  { path: '/admin/channels', label: '消息通道', icon: <SendOutlined />, permission: 'deliveries:read' },
];

function moduleItem(m: ModuleEntry): NonNullable<MenuProps['items']>[number] {
  if (m.enabled) {
    // 问责·容错免责 shows how many 问责建议 wait for the intake (issue #17).
    const count = m.key === 'cases' ? <ProposalMenuCount /> : null;
    return {
      key: m.path,
      icon: <AppstoreOutlined />,
      label: (
        <Link to={m.path}>
          {m.label}
          {count}
        </Link>
      ),
    };
  }
  return {
    key: `disabled:${m.key}`,
    icon: <AppstoreOutlined />,
    disabled: true,
    label: (
      <Tooltip title={disabledReason(m)} placement="right">
        <span>{m.label}</span>
      </Tooltip>
    ),
  };
}

function buildMenu(me: Me): MenuProps['items'] {
  const modulePaths = new Set(me.modules.filter((m) => m.enabled).map((m) => m.path));
  const system = SYSTEM_ENTRIES.filter(
    (e) => (!e.permission || hasPermission(me, e.permission)) && !modulePaths.has(e.path),
  ).map((e) => ({ key: e.path, icon: e.icon, label: <Link to={e.path}>{e.label}</Link> }));
  // 联席会议 belongs to the 模拟问责·联席会议 module (a tab there), but joint members (编办 …) hold only meetings:read:
  // they get it as an entry of its own, everyone else finds it once, inside the module.
  const meetings =
    hasPermission(me, 'meetings:read') && !modulePaths.has('/warnings')
      ? [{ key: '/meetings', icon: <TeamOutlined />, label: <Link to="/meetings">联席会议</Link> }]
      : [];
  return [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">首页</Link> },
    { type: 'group', key: 'g-modules', label: '业务模块', children: [...me.modules.map(moduleItem), ...meetings] },
    ...(system.length ? [{ type: 'group' as const, key: 'g-system', label: '系统', children: system }] : []),
  ];
}

function selectedKey(pathname: string, me: Me): string {
  const keys = [
    '/',
    ...me.modules.filter((m) => m.enabled).map((m) => m.path),
    ...SYSTEM_ENTRIES.map((e) => e.path),
    '/meetings',
  ];
  // Inside the module, 联席会议 is one of its tabs: the module stays highlighted.
  if (pathname.startsWith('/meetings') && keys.includes('/warnings') && hasPermission(me, 'warnings:read')) {
    return '/warnings';
  }
  let best = '/';
  for (const k of keys) {
    const matches = k === '/' ? pathname === '/' : pathname === k || pathname.startsWith(`${k}/`);
    if (matches && k.length > best.length) best = k;
  }
  return best;
}

/** Years without a holiday schedule: told to who maintains the calendar, not to every role on every page (#20). */
function CalendarBanner() {
  const maintains = usePermission('calendar:write');
  const { data } = useQuery({
    queryKey: ['calendar', 'status'],
    queryFn: ({ signal }) => api<CalendarStatus>('/calendar/status', { signal }),
    staleTime: 5 * 60_000,
    enabled: maintains,
    meta: { silent: true },
  });
  if (!maintains) return null;
  if (!data?.missingYears.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      title={`${data.missingYears.map((y) => `${y}年`).join('、')}节假日安排尚未录入，请工作日历管理员及时维护`}
      description={data.provisionalNote}
      action={
        <Link to="/calendar">
          <Button size="small" type="link">
            前往工作日历
          </Button>
        </Link>
      }
    />
  );
}

export function AppLayout() {
  const { data: me, isLoading, isError, refetch } = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [collapsed, setCollapsed] = useState(false);
  // Phones (patrol groups record in the field): the menu folds away entirely.
  const [narrow, setNarrow] = useState(false);

  if (isLoading) return <Spin size="large" style={{ display: 'block', margin: '160px auto' }} />;
  if (isError) {
    return (
      <Flex vertical align="center" style={{ marginTop: 160 }} gap={16}>
        <span>无法连接服务器</span>
        <Button onClick={() => void refetch()}>重试</Button>
      </Flex>
    );
  }
  if (!me) {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }

  const logout = async () => {
    try {
      await apiPost('/auth/logout');
    } finally {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
      void navigate('/login', { replace: true });
    }
  };

  // A reset or expired password: the server serves nothing else until it is changed (issue #21 item 4).
  if (me.user.mustChangePassword) {
    return (
      <Flex vertical align="center" style={{ padding: '64px 16px' }} gap={16} data-testid="forced-password-change">
        <Alert
          type="warning"
          showIcon
          title="您的密码为初始密码、已被重置或已到期，请先设置自己的新密码再继续使用系统。"
        />
        <PasswordPage />
        <Button type="link" onClick={() => void logout()}>
          退出登录
        </Button>
      </Flex>
    );
  }

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码', onClick: () => void navigate('/account/password') },
    { key: 'totp', icon: <LockOutlined />, label: '双因素认证', onClick: () => void navigate('/account/totp') },
    {
      key: 'channels',
      icon: <BellOutlined />,
      label: '消息接收设置',
      onClick: () => void navigate('/account/channels'),
    },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void logout() },
  ];

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={220}
        breakpoint="md"
        collapsedWidth={narrow ? 0 : 80}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setCollapsed(broken);
        }}
        // On a phone the open menu lies over the page instead of squeezing it, and closes once a page is chosen.
        className={narrow ? 'zl-sider-overlay' : undefined}
        trigger={narrow ? null : undefined}
        data-testid="main-menu"
      >
        <div className="zl-brand">{collapsed ? '责链' : '责链 · 问责全链条'}</div>
        {/* A phone's closed menu is not there at all (a collapsed menu would leave its hover titles over the page). */}
        {narrow && collapsed ? null : (
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[selectedKey(location.pathname, me)]}
            items={buildMenu(me)}
            aria-label="主菜单"
            onClick={() => narrow && setCollapsed(true)}
          />
        )}
      </Layout.Sider>
      {narrow && !collapsed ? (
        <div className="zl-menu-mask" aria-hidden onClick={() => setCollapsed(true)} data-testid="menu-mask" />
      ) : null}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
          }}
        >
          {narrow ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="菜单"
              aria-expanded={!collapsed}
              onClick={() => setCollapsed(!collapsed)}
            />
          ) : null}
          <span className="zl-header-title" style={{ fontSize: 16, fontWeight: 500 }}>
            问责全链条管理平台
          </span>
          <Flex align="center" gap={8}>
            {!narrow && canSearch(me) ? <GlobalSearch /> : null}
            <NotificationBell />
            <LiveChanges />
            <Dropdown menu={{ items: userMenu }} trigger={['click']}>
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                {me.user.displayName} <DownOutlined />
              </Button>
            </Dropdown>
          </Flex>
        </Layout.Header>
        <CalendarBanner />
        <Layout.Content
          className="zl-content"
          style={{ margin: 16, padding: 24, background: '#fff', borderRadius: 4, minHeight: 360 }}
        >
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
