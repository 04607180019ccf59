import { page, route } from './route-helpers';

/** 明责 pages: lists and dispatches, reports, 统计, 年终汇总, 签字承诺 and 定期抽查. */
export const responsibilityRoutes = [
  route(
    'responsibility',
    'responsibility:read',
    () => import('../features/responsibility/pages/responsibility-page'),
    'ResponsibilityPage',
  ),
  route(
    'responsibility/catalogue',
    'responsibility:read',
    () => import('../features/responsibility/pages/catalogue-page'),
    'CataloguePage',
  ),
  route(
    'responsibility/dispatches/:id',
    'responsibility:read',
    () => import('../features/responsibility/pages/dispatch-detail-page'),
    'DispatchDetailPage',
  ),
  route(
    'responsibility/reports',
    'responsibility:read',
    () => import('../features/responsibility/pages/reports-page'),
    'ReportsPage',
  ),
  route(
    'responsibility/reports/:id',
    'responsibility:read',
    () => import('../features/responsibility/pages/report-page'),
    'ReportPage',
  ),
  // ---- 明责: 统计 and 签字承诺 (a signer without 明责 reads their own commitment and signature)
  route(
    'responsibility/figures',
    'responsibility:read',
    () => import('../features/responsibility/pages/figures-page'),
    'ResponsibilityFiguresPage',
  ),
  route(
    'responsibility/year-end',
    'responsibility:read',
    () => import('../features/responsibility/pages/year-end-page'),
    'YearEndPage',
  ),
  route(
    'responsibility/commitments',
    'responsibility:read',
    () => import('../features/responsibility/pages/commitments-page'),
    'CommitmentsPage',
  ),
  {
    path: 'responsibility/commitments/mine',
    element: page(() => import('../features/responsibility/pages/my-commitment-page'), 'MyCommitmentPage'),
  },
  {
    path: 'responsibility/commitments/signatures/:id',
    element: page(() => import('../features/responsibility/pages/signature-page'), 'SignaturePage'),
  },
  route(
    'responsibility/spot-checks',
    'responsibility:read',
    () => import('../features/responsibility/pages/spot-checks-page'),
    'SpotChecksPage',
  ),
  route(
    'responsibility/spot-checks/:id',
    'responsibility:read',
    () => import('../features/responsibility/pages/spot-check-page'),
    'SpotCheckPage',
  ),
];
