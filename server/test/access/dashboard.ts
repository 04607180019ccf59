/** Access-matrix cases for the command centre (see server/test/access-matrix.test.ts). */
import { type AccessCases, json, type User } from '../access.js';

/** 委领导 and 监督室 region-wide, 组织部 read-only (common/roles.ts `dashboard:read`). */
export const DASHBOARD_READERS: User[] = ['leader', 'office', 'zuzhibu'];

export const dashboardAccessCases: AccessCases = {
  'GET /api/dashboard/stalls': {
    in: (f) => json('GET', `/api/dashboard/stalls?unitId=${f.unitId}`),
    // Another region's unit is not the caller's: 404, as for any object out of scope.
    out: (o) => json('GET', `/api/dashboard/stalls?unitId=${o.unitId}`),
    allow: DASHBOARD_READERS,
  },
  'GET /api/dashboard/overreach': {
    in: (f) => json('GET', `/api/dashboard/overreach?unitId=${f.unitId}`),
    out: (o) => json('GET', `/api/dashboard/overreach?unitId=${o.unitId}`),
    allow: DASHBOARD_READERS,
  },
  'GET /api/dashboard/stalls/by-leader': {
    in: (f) => json('GET', `/api/dashboard/stalls/by-leader?unitId=${f.unitId}`),
    out: (o) => json('GET', `/api/dashboard/stalls/by-leader?unitId=${o.unitId}`),
    allow: DASHBOARD_READERS,
  },
  'GET /api/reports/annual.docx': {
    in: () => json('GET', `/api/reports/annual.docx?year=${new Date().getFullYear() - 1}`),
    // 组织部 reads the command centre, not the commission's report (it draws on patrol performance too).
    allow: ['leader', 'office'],
  },
  'POST /api/reports/annual/issue': {
    in: () => json('POST', '/api/reports/annual/issue', { year: 2020 }),
    allow: ['leader'],
  },
  'GET /api/dashboard/burden': {
    in: (f) => json('GET', `/api/dashboard/burden?unitId=${f.unitId}`),
    out: (o) => json('GET', `/api/dashboard/burden?unitId=${o.unitId}`),
    allow: DASHBOARD_READERS,
  },
  // The exports take the screens' query and scope: another region's unit is 404 there too.
  'GET /api/dashboard/overreach.xlsx': {
    in: (f) => json('GET', `/api/dashboard/overreach.xlsx?unitId=${f.unitId}`),
    out: (o) => json('GET', `/api/dashboard/overreach.xlsx?unitId=${o.unitId}`),
    allow: DASHBOARD_READERS,
  },
  'GET /api/dashboard/burden.xlsx': {
    in: (f) => json('GET', `/api/dashboard/burden.xlsx?unitId=${f.unitId}`),
    out: (o) => json('GET', `/api/dashboard/burden.xlsx?unitId=${o.unitId}`),
    allow: DASHBOARD_READERS,
  },
  'GET /api/dashboard': {
    in: (f) => json('GET', `/api/dashboard?unitId=${f.unitId}`),
    out: (o) => json('GET', `/api/dashboard?unitId=${o.unitId}`),
    allow: DASHBOARD_READERS,
  },
};
