import { Result, Spin } from 'antd';
import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/pages/login-page';
import { responsibilityRoutes } from './responsibility-routes';
import { page, route } from './route-helpers';

export const router = createBrowserRouter([
  // In the entry chunk, not lazy: the sign-in page is the first screen, and its parts then load side by side with the
  // entry instead of after it has run (issue #20: interactive < 1.0 s; bench/first-screen.ts).
  { path: '/login', element: <LoginPage /> },
  // 信访举报 for the public: no account, outside the signed-in layout.
  {
    path: '/report',
    element: page(() => import('../features/complaints/pages/public-report-page'), 'PublicReportPage'),
  },
  // 民主测评 ballot: the voter holds a one-time token, not an account.
  { path: '/ballot/:token', element: page(() => import('../features/assessment/pages/ballot-page'), 'BallotPage') },
  {
    path: '/',
    // Its own chunk: the sign-in page (the first screen) loads none of the menu, header or live stream. Route
    // `lazy` (not React.lazy) so that a navigation here fetches the layout and the home page side by side.
    lazy: async () => ({ Component: (await import('./layout')).AppLayout }),
    hydrateFallbackElement: <Spin style={{ display: 'block', margin: '80px auto' }} />,
    children: [
      { index: true, lazy: async () => ({ Component: (await import('../features/home/pages/home-page')).HomePage }) },
      route('org', 'org:read', () => import('../features/org/pages/org-page'), 'OrgPage'),
      route('org/people', 'org:read', () => import('../features/org/pages/people-page'), 'PeoplePage'),
      route('org/groups', 'org:read', () => import('../features/org/pages/groups-page'), 'GroupsPage'),
      route('org/issuers', 'org:read', () => import('../features/org/pages/issuers-page'), 'IssuersPage'),
      route('problems', 'problems:read', () => import('../features/problems/pages/ledger-page'), 'LedgerPage'),
      route('problems/board', 'problems:read', () => import('../features/problems/pages/board-page'), 'BoardPage'),
      route(
        'problems/new',
        'problems:manage',
        () => import('../features/problems/pages/problem-form-page'),
        'ProblemFormPage',
      ),
      route('problems/groups', 'problems:read', () => import('../features/problems/pages/groups-page'), 'GroupsPage'),
      route(
        'problems/groups/:id',
        'problems:read',
        () => import('../features/problems/pages/group-detail-page'),
        'GroupDetailPage',
      ),
      route(
        'problems/settings',
        'problems:manage',
        () => import('../features/problems/pages/settings-page'),
        'SettingsPage',
      ),
      route(
        'problems/:id',
        'problems:read',
        () => import('../features/problems/pages/problem-detail-page'),
        'ProblemDetailPage',
      ),
      route(
        'problems/:id/edit',
        'problems:manage',
        () => import('../features/problems/pages/problem-form-page'),
        'ProblemFormPage',
      ),
      route('warnings', 'warnings:read', () => import('../features/warnings/pages/warnings-page'), 'WarningsPage'),
      route(
        'warnings/situations',
        'warnings:read',
        () => import('../features/warnings/pages/situations-page'),
        'SituationsPage',
      ),
      route(
        'warnings/situations/new',
        'warnings:manage',
        () => import('../features/warnings/pages/situation-form-page'),
        'SituationFormPage',
      ),
      route(
        'warnings/situations/:id',
        'warnings:read',
        () => import('../features/warnings/pages/situation-form-page'),
        'SituationFormPage',
      ),
      ...responsibilityRoutes,
      route(
        'warnings/figures',
        'warnings:manage',
        () => import('../features/warning-figures/pages/figures-page'),
        'FiguresPage',
      ),
      route(
        'warnings/:id',
        'warnings:read',
        () => import('../features/warnings/pages/warning-detail-page'),
        'WarningDetailPage',
      ),
      route('dashboard', 'dashboard:read', () => import('../features/dashboard/pages/dashboard-page'), 'DashboardPage'),
      route('cases', 'cases:read', () => import('../features/cases/pages/cases-page'), 'CasesPage'),
      route('cases/new', 'cases:manage', () => import('../features/cases/pages/case-form-page'), 'CaseFormPage'),
      route(
        'cases/figures',
        'cases:manage',
        () => import('../features/cases/pages/case-figures-page'),
        'CaseFiguresPage',
      ),
      route(
        'cases/evaluations',
        'cases:manage',
        () => import('../features/cases/pages/evaluations-page'),
        'EvaluationsPage',
      ),
      route('cases/proposals', 'cases:manage', () => import('../features/cases/pages/proposals-page'), 'ProposalsPage'),
      {
        // The intake reads every proposal; a source's office only its own (the server answers 404 otherwise).
        path: 'cases/proposals/:id',
        element: page(() => import('../features/cases/pages/proposal-detail-page'), 'ProposalDetailPage'),
      },
      {
        // Confidential: whoever is not on the case gets the server's 404.
        path: 'cases/:id',
        element: page(() => import('../features/cases/pages/case-detail-page'), 'CaseDetailPage'),
      },
      route(
        'influence-periods',
        'influence:read',
        () => import('../features/cases/pages/influence-periods-page'),
        'InfluencePeriodsPage',
      ),
      route('meetings', 'meetings:read', () => import('../features/meetings/pages/meetings-page'), 'MeetingsPage'),
      route(
        'meetings/new',
        'meetings:manage',
        () => import('../features/meetings/pages/meeting-form-page'),
        'MeetingFormPage',
      ),
      route(
        'meetings/:id',
        'meetings:read',
        () => import('../features/meetings/pages/meeting-detail-page'),
        'MeetingDetailPage',
      ),
      route('supervision', 'patrol:read', () => import('../features/patrol/pages/tasks-page'), 'TasksPage'),
      route(
        'supervision/tasks/:id',
        'patrol:read',
        () => import('../features/patrol/pages/task-detail-page'),
        'TaskDetailPage',
      ),
      route('supervision/record', 'patrol:record', () => import('../features/patrol/pages/record-page'), 'RecordPage'),
      route(
        'supervision/findings',
        'patrol:read',
        () => import('../features/patrol/pages/findings-page'),
        'FindingsPage',
      ),
      route(
        'supervision/findings/:id',
        'patrol:read',
        () => import('../features/patrol/pages/finding-detail-page'),
        'FindingDetailPage',
      ),
      route(
        'supervision/bulletins',
        'patrol:read',
        () => import('../features/patrol/pages/bulletins-page'),
        'BulletinsPage',
      ),
      route(
        'supervision/performance',
        'patrol:read',
        () => import('../features/patrol/pages/performance-page'),
        'PerformancePage',
      ),
      route(
        'tolerance-filings',
        'tolerance:read',
        () => import('../features/tolerance/pages/filings-page'),
        'FilingsPage',
      ),
      route(
        'tolerance-filings/new',
        'tolerance:file',
        () => import('../features/tolerance/pages/filing-form-page'),
        'FilingFormPage',
      ),
      route(
        'tolerance-filings/:id',
        'tolerance:read',
        () => import('../features/tolerance/pages/filing-detail-page'),
        'FilingDetailPage',
      ),
      route(
        'tolerance-filings/:id/edit',
        'tolerance:file',
        () => import('../features/tolerance/pages/filing-form-page'),
        'FilingFormPage',
      ),
      route(
        'tolerance-filings/:id/print',
        'tolerance:read',
        () => import('../features/tolerance/pages/filing-print-page'),
        'FilingPrintPage',
      ),
      route(
        'complaints',
        'complaints:read',
        () => import('../features/complaints/pages/complaints-page'),
        'ComplaintsPage',
      ),
      route(
        'complaints/new',
        'complaints:manage',
        () => import('../features/complaints/pages/complaint-form-page'),
        'ComplaintFormPage',
      ),
      route(
        'complaints/:id',
        'complaints:read',
        () => import('../features/complaints/pages/complaint-detail-page'),
        'ComplaintDetailPage',
      ),
      route('rules', 'rules:read', () => import('../features/rules/pages/rules-page'), 'RulesPage'),
      route('rules/:key', 'rules:read', () => import('../features/rules/pages/rule-set-page'), 'RuleSetPage'),
      route(
        'assessment',
        'assessment:read',
        () => import('../features/assessment/pages/assessments-page'),
        'AssessmentsPage',
      ),
      route(
        'assessment/settings',
        'assessment:manage',
        () => import('../features/assessment/pages/settings-page'),
        'AssessmentSettingsPage',
      ),
      route(
        'assessment/systems',
        'assessment:read',
        () => import('../features/assessment/pages/systems-page'),
        'SystemsPage',
      ),
      route(
        'assessment/systems/:id',
        'assessment:read',
        () => import('../features/assessment/pages/system-detail-page'),
        'SystemDetailPage',
      ),
      route(
        'assessment/:id',
        'assessment:read',
        () => import('../features/assessment/pages/assessment-detail-page'),
        'AssessmentDetailPage',
      ),
      route(
        'assessment/:id/ratings',
        'assessment:manage',
        () => import('../features/assessment/pages/ratings-page'),
        'RatingsPage',
      ),
      route(
        'assessment/:id/units/:unitId',
        'assessment:read',
        () => import('../features/assessment/pages/unit-score-page'),
        'UnitScorePage',
      ),
      route(
        'assessment/:id/people/:personId',
        'assessment:read',
        () => import('../features/assessment/pages/unit-score-page'),
        'PersonScorePage',
      ),
      route('talks', 'talks:read', () => import('../features/talks/pages/talks-page'), 'TalksPage'),
      route('talks/new', 'talks:manage', () => import('../features/talks/pages/talk-form-page'), 'TalkFormPage'),
      route('talks/:id', 'talks:read', () => import('../features/talks/pages/talk-detail-page'), 'TalkDetailPage'),
      route('talks/:id/edit', 'talks:manage', () => import('../features/talks/pages/talk-form-page'), 'TalkFormPage'),
      route('admin/users', 'users:read', () => import('../features/admin/pages/users-page'), 'UsersPage'),
      route('admin/security', 'security:write', () => import('../features/admin/pages/security-page'), 'SecurityPage'),
      route(
        'campaigns',
        'campaigns:manage',
        () => import('../features/notifications/pages/campaigns-page'),
        'CampaignsPage',
      ),
      route(
        'webhooks',
        'webhooks:manage',
        () => import('../features/notifications/pages/webhooks-page'),
        'WebhooksPage',
      ),
      route('admin/channels', 'deliveries:read', () => import('../features/admin/pages/channels-page'), 'ChannelsPage'),
      route('admin/jobs', 'jobs:run', () => import('../features/admin/pages/jobs-page'), 'JobsPage'),
      route(
        'assessment/evaluations',
        'assessment:read',
        () => import('../features/assessment/pages/evaluations-page'),
        'EvaluationsPage',
      ),
      route(
        'assessment/evaluations/:id',
        'assessment:read',
        () => import('../features/assessment/pages/evaluation-detail-page'),
        'EvaluationDetailPage',
      ),
      route(
        'assessment/reviews',
        'assessment:read',
        () => import('../features/assessment/pages/reviews-page'),
        'ReviewsPage',
      ),
      route(
        'assessment/reviews/:id',
        'assessment:read',
        () => import('../features/assessment/pages/review-detail-page'),
        'ReviewDetailPage',
      ),
      route(
        'assessment/surveys',
        'assessment:manage',
        () => import('../features/assessment/pages/surveys-page'),
        'SurveysPage',
      ),
      route(
        'assessment/surveys/:id',
        'assessment:manage',
        () => import('../features/assessment/pages/survey-detail-page'),
        'SurveyDetailPage',
      ),
      route('audit', 'audit:read', () => import('../features/audit/pages/audit-page'), 'AuditPage'),
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
      {
        path: 'account/channels',
        element: page(() => import('../features/account/pages/channels-page'), 'MyChannelsPage'),
      },
      { path: '*', element: <Result status="404" title="页面不存在" subTitle="您访问的页面不存在或已移除。" /> },
    ],
  },
]);
