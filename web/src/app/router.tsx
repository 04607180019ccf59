import { Result, Spin } from 'antd';
import { type ComponentType, lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequirePermission } from '../components/require-permission';
import { AppLayout } from './layout';

/** Lazy-load a named export so every page is its own chunk. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  const Component = lazy<ComponentType>(async () => ({ default: (await load())[name] }));
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
      <Component />
    </Suspense>
  );
}

const guarded = (permission: string, element: ReactNode) => (
  <RequirePermission permission={permission}>{element}</RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/login', element: page(() => import('../features/auth/pages/login-page'), 'LoginPage') },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: page(() => import('../features/home/pages/home-page'), 'HomePage') },
      {
        path: 'org',
        element: guarded(
          'org:read',
          page(() => import('../features/org/pages/org-page'), 'OrgPage'),
        ),
      },
      {
        path: 'org/people',
        element: guarded(
          'org:read',
          page(() => import('../features/org/pages/people-page'), 'PeoplePage'),
        ),
      },
      {
        path: 'org/groups',
        element: guarded(
          'org:read',
          page(() => import('../features/org/pages/groups-page'), 'GroupsPage'),
        ),
      },
      {
        path: 'problems',
        element: guarded(
          'problems:read',
          page(() => import('../features/problems/pages/ledger-page'), 'LedgerPage'),
        ),
      },
      {
        path: 'problems/board',
        element: guarded(
          'problems:read',
          page(() => import('../features/problems/pages/board-page'), 'BoardPage'),
        ),
      },
      {
        path: 'problems/new',
        element: guarded(
          'problems:manage',
          page(() => import('../features/problems/pages/problem-form-page'), 'ProblemFormPage'),
        ),
      },
      {
        path: 'problems/groups',
        element: guarded(
          'problems:read',
          page(() => import('../features/problems/pages/groups-page'), 'GroupsPage'),
        ),
      },
      {
        path: 'problems/groups/:id',
        element: guarded(
          'problems:read',
          page(() => import('../features/problems/pages/group-detail-page'), 'GroupDetailPage'),
        ),
      },
      {
        path: 'problems/settings',
        element: guarded(
          'problems:manage',
          page(() => import('../features/problems/pages/settings-page'), 'SettingsPage'),
        ),
      },
      {
        path: 'problems/:id',
        element: guarded(
          'problems:read',
          page(() => import('../features/problems/pages/problem-detail-page'), 'ProblemDetailPage'),
        ),
      },
      {
        path: 'problems/:id/edit',
        element: guarded(
          'problems:manage',
          page(() => import('../features/problems/pages/problem-form-page'), 'ProblemFormPage'),
        ),
      },
      {
        path: 'warnings',
        element: guarded(
          'warnings:read',
          page(() => import('../features/warnings/pages/warnings-page'), 'WarningsPage'),
        ),
      },
      {
        path: 'warnings/situations',
        element: guarded(
          'warnings:read',
          page(() => import('../features/warnings/pages/situations-page'), 'SituationsPage'),
        ),
      },
      {
        path: 'warnings/situations/new',
        element: guarded(
          'warnings:manage',
          page(() => import('../features/warnings/pages/situation-form-page'), 'SituationFormPage'),
        ),
      },
      {
        path: 'warnings/situations/:id',
        element: guarded(
          'warnings:read',
          page(() => import('../features/warnings/pages/situation-form-page'), 'SituationFormPage'),
        ),
      },
      {
        path: 'warnings/figures',
        element: guarded(
          'warnings:manage',
          page(() => import('../features/warning-figures/pages/figures-page'), 'FiguresPage'),
        ),
      },
      {
        path: 'warnings/:id',
        element: guarded(
          'warnings:read',
          page(() => import('../features/warnings/pages/warning-detail-page'), 'WarningDetailPage'),
        ),
      },
      {
        path: 'cases',
        element: guarded(
          'cases:read',
          page(() => import('../features/cases/pages/cases-page'), 'CasesPage'),
        ),
      },
      {
        path: 'cases/new',
        element: guarded(
          'cases:manage',
          page(() => import('../features/cases/pages/case-form-page'), 'CaseFormPage'),
        ),
      },
      {
        path: 'cases/figures',
        element: guarded(
          'cases:manage',
          page(() => import('../features/cases/pages/case-figures-page'), 'CaseFiguresPage'),
        ),
      },
      {
        path: 'cases/evaluations',
        element: guarded(
          'cases:manage',
          page(() => import('../features/cases/pages/evaluations-page'), 'EvaluationsPage'),
        ),
      },
      {
        // Confidential: whoever is not on the case gets the server's 404.
        path: 'cases/:id',
        element: page(() => import('../features/cases/pages/case-detail-page'), 'CaseDetailPage'),
      },
      {
        path: 'influence-periods',
        element: guarded(
          'influence:read',
          page(() => import('../features/cases/pages/influence-periods-page'), 'InfluencePeriodsPage'),
        ),
      },
      {
        path: 'meetings',
        element: guarded(
          'meetings:read',
          page(() => import('../features/meetings/pages/meetings-page'), 'MeetingsPage'),
        ),
      },
      {
        path: 'meetings/new',
        element: guarded(
          'meetings:manage',
          page(() => import('../features/meetings/pages/meeting-form-page'), 'MeetingFormPage'),
        ),
      },
      {
        path: 'meetings/:id',
        element: guarded(
          'meetings:read',
          page(() => import('../features/meetings/pages/meeting-detail-page'), 'MeetingDetailPage'),
        ),
      },
      {
        path: 'supervision',
        element: guarded(
          'patrol:read',
          page(() => import('../features/patrol/pages/tasks-page'), 'TasksPage'),
        ),
      },
      {
        path: 'supervision/tasks/:id',
        element: guarded(
          'patrol:read',
          page(() => import('../features/patrol/pages/task-detail-page'), 'TaskDetailPage'),
        ),
      },
      {
        path: 'supervision/record',
        element: guarded(
          'patrol:record',
          page(() => import('../features/patrol/pages/record-page'), 'RecordPage'),
        ),
      },
      {
        path: 'supervision/findings',
        element: guarded(
          'patrol:read',
          page(() => import('../features/patrol/pages/findings-page'), 'FindingsPage'),
        ),
      },
      {
        path: 'supervision/findings/:id',
        element: guarded(
          'patrol:read',
          page(() => import('../features/patrol/pages/finding-detail-page'), 'FindingDetailPage'),
        ),
      },
      {
        path: 'supervision/bulletins',
        element: guarded(
          'patrol:read',
          page(() => import('../features/patrol/pages/bulletins-page'), 'BulletinsPage'),
        ),
      },
      {
        path: 'supervision/performance',
        element: guarded(
          'patrol:read',
          page(() => import('../features/patrol/pages/performance-page'), 'PerformancePage'),
        ),
      },
      {
        path: 'tolerance-filings',
        element: guarded(
          'tolerance:read',
          page(() => import('../features/tolerance/pages/filings-page'), 'FilingsPage'),
        ),
      },
      {
        path: 'tolerance-filings/new',
        element: guarded(
          'tolerance:file',
          page(() => import('../features/tolerance/pages/filing-form-page'), 'FilingFormPage'),
        ),
      },
      {
        path: 'tolerance-filings/:id',
        element: guarded(
          'tolerance:read',
          page(() => import('../features/tolerance/pages/filing-detail-page'), 'FilingDetailPage'),
        ),
      },
      {
        path: 'tolerance-filings/:id/edit',
        element: guarded(
          'tolerance:file',
          page(() => import('../features/tolerance/pages/filing-form-page'), 'FilingFormPage'),
        ),
      },
      {
        path: 'tolerance-filings/:id/print',
        element: guarded(
          'tolerance:read',
          page(() => import('../features/tolerance/pages/filing-print-page'), 'FilingPrintPage'),
        ),
      },
      {
        path: 'talks',
        element: guarded(
          'talks:read',
          page(() => import('../features/talks/pages/talks-page'), 'TalksPage'),
        ),
      },
      {
        path: 'talks/new',
        element: guarded(
          'talks:manage',
          page(() => import('../features/talks/pages/talk-form-page'), 'TalkFormPage'),
        ),
      },
      {
        path: 'talks/:id',
        element: guarded(
          'talks:read',
          page(() => import('../features/talks/pages/talk-detail-page'), 'TalkDetailPage'),
        ),
      },
      {
        path: 'talks/:id/edit',
        element: guarded(
          'talks:manage',
          page(() => import('../features/talks/pages/talk-form-page'), 'TalkFormPage'),
        ),
      },
      {
        path: 'admin/users',
        element: guarded(
          'users:read',
          page(() => import('../features/admin/pages/users-page'), 'UsersPage'),
        ),
      },
      {
        path: 'admin/security',
        element: guarded(
          'security:write',
          page(() => import('../features/admin/pages/security-page'), 'SecurityPage'),
        ),
      },
      {
        path: 'admin/jobs',
        element: guarded(
          'jobs:run',
          page(() => import('../features/admin/pages/jobs-page'), 'JobsPage'),
        ),
      },
      {
        path: 'audit',
        element: guarded(
          'audit:read',
          page(() => import('../features/audit/pages/audit-page'), 'AuditPage'),
        ),
      },
      { path: 'calendar', element: page(() => import('../features/calendar/pages/calendar-page'), 'CalendarPage') },
      {
        path: 'notifications',
        element: page(() => import('../features/notifications/pages/notifications-page'), 'NotificationsPage'),
      },
      {
        path: 'account/password',
        element: page(() => import('../features/account/pages/password-page'), 'PasswordPage'),
      },
      { path: 'account/totp', element: page(() => import('../features/account/pages/totp-page'), 'TotpPage') },
      { path: '*', element: <Result status="404" title="页面不存在" subTitle="您访问的页面不存在或已移除。" /> },
    ],
  },
]);
